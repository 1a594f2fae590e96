import { queryOptions } from "@tanstack/react-query";
import type { SavedView, SavedViewList, SharedPage, SnapshotCreated } from "../../lib/contracts/sharing";
import { fetchJson } from "./fetchJson";

/*
 * The browser's side of snapshots and saved views: one query for the deck and one function per
 * write. Writes send JSON (and, same-origin, the browser's write cookie when it holds one:
 * components/queries/writeSession.ts), so the server's same-origin and write checks apply as to imports.
 */

function viewsPath(slug: string): string {
  return `/api/experiments/${encodeURIComponent(slug)}/views`;
}

function sendJson<T>(url: string, method: string, body: unknown): Promise<T> {
  return fetchJson<T>(url, {
    method,
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
}

/** The experiment's saved views in deck order. */
export function savedViewsQuery(slug: string) {
  return queryOptions({
    queryKey: ["experiments", slug, "views"] as const,
    queryFn: ({ signal }) => fetchJson<SavedViewList>(viewsPath(slug), { signal }),
  });
}

/** What a snapshot pins a view of: one experiment's page, or a study's grid. */
export type SnapshotSubject = { experiment: string; page: SharedPage } | { study: string; page: "study" };

/** Pins the view of `subject` and answers its absolute short link; `public` opens it for anyone. */
export async function createSnapshotLink(
  subject: SnapshotSubject,
  view: string,
  options: { public?: boolean } = {},
): Promise<string> {
  const created = await sendJson<SnapshotCreated>("/api/snapshots", "POST", {
    ...subject,
    view,
    ...(options.public ? { public: true } : {}),
  });
  return `${window.location.origin}${created.url}`;
}

/** Deletes a pinned snapshot; its short link then answers 404. */
export function deleteSnapshot(id: string) {
  return fetchJson<null>(`/api/snapshots/${encodeURIComponent(id)}`, { method: "DELETE" });
}

export function saveView(slug: string, input: { name: string; page: SharedPage; view: string }) {
  return sendJson<SavedView>(viewsPath(slug), "POST", input);
}

export function renameSavedView(slug: string, id: number, name: string) {
  return sendJson<SavedView>(`${viewsPath(slug)}/${id}`, "PATCH", { name });
}

export function deleteSavedView(slug: string, id: number) {
  return fetchJson<null>(`${viewsPath(slug)}/${id}`, { method: "DELETE" });
}

export function reorderSavedViews(slug: string, ids: readonly number[]) {
  return sendJson<SavedViewList>(`${viewsPath(slug)}/order`, "PUT", { ids });
}
