import { queryOptions } from "@tanstack/react-query";
import type { ExperimentListItem, FrontierData } from "../api/types";
import { fetchJson } from "./fetchJson";

/** Query keys shared by the server prefetch and the browser hooks, so hydration finds the data. */
export const experimentKeys = {
  list: () => ["experiments"] as const,
  frontier: (slug: string) => ["experiments", slug, "frontier"] as const,
};

/** Frontier data changes only on import, so a page keeps what it loaded for a while. */
const STALE_MS = 5 * 60_000;
/** How often a page asks again while the intervals of what it shows are being computed. */
const COMPUTING_REFETCH_MS = 2_000;

/** The experiment list, fetched from GET /api/experiments. */
export function experimentListQuery() {
  return queryOptions({
    queryKey: experimentKeys.list(),
    queryFn: ({ signal }) => fetchJson<ExperimentListItem[]>("/api/experiments", { signal }),
    staleTime: STALE_MS,
  });
}

/**
 * Everything the explorer needs for one experiment, from GET /api/experiments/[slug]/frontier: once,
 * or every few seconds while its intervals are being computed ("computing": the points are final).
 */
export function frontierQuery(slug: string) {
  return queryOptions({
    queryKey: experimentKeys.frontier(slug),
    queryFn: ({ signal }) =>
      fetchJson<FrontierData>(`/api/experiments/${encodeURIComponent(slug)}/frontier`, { signal }),
    staleTime: STALE_MS,
    refetchInterval: (query) => (query.state.data?.status === "computing" ? COMPUTING_REFETCH_MS : false),
  });
}
