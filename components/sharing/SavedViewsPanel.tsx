"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import {
  deleteSavedView,
  renameSavedView,
  reorderSavedViews,
  savedViewsQuery,
  saveView,
} from "@/components/queries/sharing";
import type { SavedView, SharedPage } from "@/lib/contracts/sharing";
import { VIEW_NAME_MAX_LENGTH } from "@/lib/contracts/sharingLimits";
import { slideUrl } from "@/lib/views/deck";
import { WriteAccess } from "./WriteAccess";

interface SavedViewsPanelProps {
  slug: string;
  page: SharedPage;
  /** The current view's query string, read when it is saved. */
  viewQuery: () => string;
}

/** The ids in a new order: the view at `index` moved by `delta` places. */
function moved(views: readonly SavedView[], index: number, delta: -1 | 1): number[] {
  const ids = views.map((view) => view.id);
  [ids[index], ids[index + delta]] = [ids[index + delta], ids[index]];
  return ids;
}

/**
 * The experiment's saved views, which in their order are its review deck: save the current view
 * under a name, open, rename, move up or down, delete, and start the deck from its first view.
 */
export function SavedViewsPanel({ slug, page, viewQuery }: SavedViewsPanelProps) {
  const queryClient = useQueryClient();
  const query = savedViewsQuery(slug);
  const { data } = useQuery(query);
  const [name, setName] = useState("");
  const [renaming, setRenaming] = useState<{ id: number; name: string } | null>(null);
  const change = useMutation({
    mutationFn: (write: () => Promise<unknown>) => write(),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: query.queryKey }),
  });
  const views = data?.views ?? [];

  const onSave = (event: FormEvent) => {
    event.preventDefault();
    change.mutate(() => saveView(slug, { name, page, view: viewQuery() }), { onSuccess: () => setName("") });
  };
  const onRename = (event: FormEvent) => {
    event.preventDefault();
    if (!renaming) return;
    change.mutate(() => renameSavedView(slug, renaming.id, renaming.name), {
      onSuccess: () => setRenaming(null),
    });
  };

  return (
    <details className="saved-views" data-testid="saved-views">
      <summary className="button">Saved views ({views.length})</summary>
      <div className="saved-views-body">
        <form onSubmit={onSave} className="saved-views-form">
          <input
            type="text"
            value={name}
            onChange={(event) => setName(event.target.value)}
            maxLength={VIEW_NAME_MAX_LENGTH}
            placeholder="Name this view"
            aria-label="Name of the view to save"
            required
            data-testid="saved-view-name"
          />
          <button type="submit" className="button button--small" disabled={change.isPending}>
            Save view
          </button>
        </form>
        {change.error ? (
          <p className="saved-views-error" role="alert">
            {change.error.message}
          </p>
        ) : null}
        {views.length === 0 ? (
          <p className="muted">
            No saved views yet. Saved views of this experiment, in their order, are its review deck: step
            through them with ← and →.
          </p>
        ) : (
          <>
            <a
              className="button button--small"
              href={slideUrl(slug, views, 1, false)}
              data-testid="deck-start"
            >
              Start the deck
            </a>
            <ol className="saved-views-list" data-testid="saved-views-list">
              {views.map((view, index) => (
                <li key={view.id}>
                  {renaming?.id === view.id ? (
                    <form onSubmit={onRename} className="saved-views-form">
                      <input
                        type="text"
                        value={renaming.name}
                        onChange={(event) => setRenaming({ id: view.id, name: event.target.value })}
                        maxLength={VIEW_NAME_MAX_LENGTH}
                        aria-label={`New name of “${view.name}”`}
                        required
                      />
                      <button type="submit" className="button button--small">
                        Rename
                      </button>
                      <button
                        type="button"
                        className="button button--small"
                        onClick={() => setRenaming(null)}
                      >
                        Cancel
                      </button>
                    </form>
                  ) : (
                    <a href={slideUrl(slug, views, index + 1, false)} className="wrap-anywhere">
                      {view.name}
                    </a>
                  )}
                  <span className="muted"> {view.page}</span>
                  <span className="saved-views-actions">
                    <button
                      type="button"
                      className="button button--small"
                      onClick={() => setRenaming({ id: view.id, name: view.name })}
                      aria-label={`Rename “${view.name}”`}
                    >
                      Rename
                    </button>
                    <button
                      type="button"
                      className="button button--small"
                      disabled={index === 0 || change.isPending}
                      onClick={() => change.mutate(() => reorderSavedViews(slug, moved(views, index, -1)))}
                      aria-label={`Move “${view.name}” up`}
                    >
                      ↑
                    </button>
                    <button
                      type="button"
                      className="button button--small"
                      disabled={index === views.length - 1 || change.isPending}
                      onClick={() => change.mutate(() => reorderSavedViews(slug, moved(views, index, 1)))}
                      aria-label={`Move “${view.name}” down`}
                    >
                      ↓
                    </button>
                    <button
                      type="button"
                      className="button button--small"
                      disabled={change.isPending}
                      onClick={() => change.mutate(() => deleteSavedView(slug, view.id))}
                      aria-label={`Delete “${view.name}”`}
                    >
                      Delete
                    </button>
                  </span>
                </li>
              ))}
            </ol>
          </>
        )}
        <WriteAccess />
      </div>
    </details>
  );
}
