import { queryOptions } from "@tanstack/react-query";
import type { ProblemCounts, ProblemDetail } from "../api/problemTypes";
import type {
  EnsembleEvaluation,
  EnsembleRequest,
  PassAtKCurves,
  ScalingMatrixPayload,
} from "../api/scalingTypes";
import type { FrontierData, StatisticsStatus } from "../api/types";
import type { DifficultySlice } from "../domain/difficulty";
import { fetchJson } from "./fetchJson";

/*
 * Every query of the app, as TanStack `queryOptions` factories: the server page seeds the cache
 * under `factory(...).queryKey` and the browser reads with the same factory, so hydration finds the
 * data. Every input of a request is in its key.
 */

/** Results change only on import, so a page keeps what it loaded for a while. */
const STALE_MS = 5 * 60_000;
/** How often a page asks again while the intervals of what it shows are being computed. */
const COMPUTING_REFETCH_MS = 2_000;

/** Asks again every few seconds while the response says its intervals are being computed. */
function whileComputing(query: { state: { data?: { status: StatisticsStatus } } }): number | false {
  return query.state.data?.status === "computing" ? COMPUTING_REFETCH_MS : false;
}

function experimentPath(slug: string): string {
  return `/api/experiments/${encodeURIComponent(slug)}`;
}

/**
 * Everything the explorer needs for one experiment (GET …/frontier): once, or every few seconds while
 * its intervals are being computed ("computing": the points are final, the intervals null).
 */
export function frontierQuery(slug: string) {
  return queryOptions({
    queryKey: ["experiments", slug, "frontier"] as const,
    queryFn: ({ signal }) => fetchJson<FrontierData>(`${experimentPath(slug)}/frontier`, { signal }),
    staleTime: STALE_MS,
    refetchInterval: whileComputing,
  });
}

/** Sample and pass counts of every checkpoint, for the search worker and the coverage picture (GET …/matrix). */
export function scalingMatrixQuery(slug: string) {
  return queryOptions({
    queryKey: ["experiments", slug, "scaling-matrix"] as const,
    queryFn: ({ signal }) => fetchJson<ScalingMatrixPayload>(`${experimentPath(slug)}/matrix`, { signal }),
    staleTime: STALE_MS,
  });
}

/** Every checkpoint's pass@k curve plus the ensemble's (members as "α:samples,…"), on one slice. */
export function passAtKCurvesQuery(
  slug: string,
  difficulty: DifficultySlice,
  bands: boolean,
  members: string | null,
) {
  const params = new URLSearchParams({ difficulty, bands: bands ? "1" : "0" });
  if (members) params.set("members", members);
  return queryOptions({
    queryKey: ["experiments", slug, "pass-at-k", difficulty, bands, members] as const,
    queryFn: ({ signal }) =>
      fetchJson<PassAtKCurves>(`${experimentPath(slug)}/pass-at-k?${params}`, { signal }),
    staleTime: STALE_MS,
    // Bands asked for but not computed yet come without them ("computing"): they follow.
    refetchInterval: whileComputing,
  });
}

/** The ensemble against the best single (POST, but a pure function of its body, so cached like a GET). */
export function ensembleEvaluationQuery(slug: string, request: EnsembleRequest) {
  return queryOptions({
    queryKey: ["experiments", slug, "ensemble", request] as const,
    queryFn: ({ signal }) =>
      fetchJson<EnsembleEvaluation>(`${experimentPath(slug)}/ensembles`, {
        signal,
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(request),
      }),
    staleTime: STALE_MS,
  });
}

/** Every problem's counts at every α, for the problems view (GET …/problem-counts). */
export function problemCountsQuery(slug: string) {
  return queryOptions({
    queryKey: ["experiments", slug, "problem-counts"] as const,
    queryFn: ({ signal }) => fetchJson<ProblemCounts>(`${experimentPath(slug)}/problem-counts`, { signal }),
    staleTime: STALE_MS,
  });
}

/** One problem's verdicts, pass@k and runtimes at every α (GET …/problems/[id]). */
export function problemDetailQuery(slug: string, id: string) {
  return queryOptions({
    queryKey: ["experiments", slug, "problem", id] as const,
    queryFn: ({ signal }) =>
      fetchJson<ProblemDetail>(`${experimentPath(slug)}/problems/${encodeURIComponent(id)}`, { signal }),
    staleTime: STALE_MS,
  });
}
