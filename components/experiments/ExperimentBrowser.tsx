"use client";

import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useState } from "react";
import { useUrlView } from "@/components/browser/useUrlView";
import { StatusPanel } from "@/components/common/StatusPanel";
import { ViewNotices } from "@/components/common/ViewNotices";
import { experimentPageQuery } from "@/components/queries/queries";
import { type ExperimentFacets, sortOrder } from "@/lib/contracts/experimentListQuery";
import {
  clearedFilters,
  experimentListView,
  experimentPageSearch,
  isFiltered,
  pageRangeText,
  sortedBy,
} from "@/lib/views/experimentListView";
import { CompareBar } from "./CompareBar";
import { ExperimentFilters } from "./ExperimentFilters";
import { ExperimentTable } from "./ExperimentTable";
import { NoExperiments } from "./NoExperiments";

interface ExperimentBrowserProps {
  /** The query string the page was opened with (the server rendered its first page from it). */
  initialSearch: string;
  facets: ExperimentFacets;
}

/**
 * The home page's list: search, filters, sort and page live in the URL; each page is one indexed
 * query of GET /api/experiments (the first one read by the server), so no more than a page of rows
 * ever reaches the browser. While a page loads, the previous one stays on screen.
 */
export function ExperimentBrowser({ initialSearch, facets }: ExperimentBrowserProps) {
  const { view, updateView, viewShown, notices, dismissNotices } = useUrlView(
    experimentListView,
    null,
    initialSearch,
  );
  const queryClient = useQueryClient();
  const search = experimentPageSearch(view);
  const { data, isPlaceholderData, error } = useQuery({
    ...experimentPageQuery(search),
    placeholderData: keepPreviousData,
  });
  // A typed search's URL is written once its answer (rows or error) is on screen.
  const answeredSearch = error !== null || (data !== undefined && !isPlaceholderData) ? search : null;
  useEffect(() => {
    if (answeredSearch !== null) viewShown();
  }, [answeredSearch, viewShown]);
  const [selected, setSelected] = useState<readonly string[]>([]);
  const select = useCallback(
    (slug: string, on: boolean) =>
      setSelected((current) => (on ? [...current, slug] : current.filter((other) => other !== slug))),
    [],
  );

  const filtered = isFiltered(view);
  if (data && data.total === 0 && !filtered && !isPlaceholderData) return <NoExperiments />;
  return (
    <section aria-labelledby="experiments-heading" className="experiment-browser">
      <h2 id="experiments-heading" className="visually-hidden">
        All experiments
      </h2>
      <ViewNotices notices={notices} onDismiss={dismissNotices} />
      <ExperimentFilters
        view={view}
        facets={facets}
        onSearch={(text) => {
          const change = { q: text === "" ? undefined : text, cursor: undefined };
          // The request leaves from the key's event, before React renders the box and the list: the
          // render it would otherwise wait for took 20–56 ms of the keystroke in Chromium under load
          // (bench:list). The list's query then finds it in flight.
          void queryClient.prefetchQuery(experimentPageQuery(experimentPageSearch({ ...view, ...change })));
          // The URL is written once the answer is shown (its two history writes had run while the
          // answer was on its way, and delayed the rows); keystrokes in quick succession make one
          // history entry, so Back returns to before the search.
          updateView(change, "typed");
        }}
        onFilter={(key, value) => updateView({ [key]: value, cursor: undefined }, "push")}
      />
      <CompareBar selected={selected} onClear={() => setSelected([])} />
      {error ? (
        <StatusPanel tone="error" title="The list could not be loaded">
          <p>{error.message}</p>
        </StatusPanel>
      ) : null}
      {data && data.total === 0 ? (
        <StatusPanel
          tone="empty"
          title="No experiment matches"
          action={
            <button type="button" className="button" onClick={() => updateView(clearedFilters(), "push")}>
              Clear search and filters
            </button>
          }
        >
          <p>Nothing matches this search and these filters.</p>
        </StatusPanel>
      ) : null}
      {data && data.total > 0 ? (
        <>
          <ExperimentTable
            experiments={data.items}
            sorting={{
              sort: view.sort,
              order: sortOrder(view),
              onSort: (sort) => updateView(sortedBy(view, sort, sortOrder(view)), "push"),
            }}
            selected={selected}
            onSelect={select}
            busy={isPlaceholderData}
          />
          <nav className="list-pager" aria-label="Pages of experiments">
            <button
              type="button"
              className="button"
              disabled={data.offset === 0}
              onClick={() => updateView({ cursor: data.previousCursor ?? undefined }, "push")}
              data-testid="page-previous"
            >
              Previous
            </button>
            <p className="muted" role="status" data-testid="page-range">
              {pageRangeText(data)}
            </p>
            <button
              type="button"
              className="button"
              disabled={data.nextCursor === null}
              onClick={() => updateView({ cursor: data.nextCursor ?? undefined }, "push")}
              data-testid="page-next"
            >
              Next
            </button>
          </nav>
        </>
      ) : null}
    </section>
  );
}
