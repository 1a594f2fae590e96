import { isServer, queryOptions, replaceEqualDeep } from "@tanstack/react-query";
import type { ClaimsResponse } from "../../lib/contracts/claimSchemas";
import type { ComparisonData } from "../../lib/contracts/compareTypes";
import type { ExperimentPage, ExperimentPageItem } from "../../lib/contracts/experimentListQuery";
import type { ProblemCounts, ProblemDetail } from "../../lib/contracts/problemTypes";
import type {
  EnsembleEvaluation,
  EnsembleRequest,
  PassAtKCurves,
  ScalingMatrixPayload,
} from "../../lib/contracts/scalingTypes";
import type { StudyDetail } from "../../lib/contracts/studies";
import type { ExperimentDetail, FrontierData, StatisticsStatus } from "../../lib/contracts/types";
import type { DifficultySlice } from "../../lib/domain/difficulty";
import { fetchJson, isStillComputing } from "./fetchJson";

/*
 * Every query of the app, as TanStack `queryOptions` factories: the server page seeds the cache
 * under `factory(...).queryKey` and the browser reads with the same factory, so hydration finds the
 * data. Every input of a request is in its key.
 *
 * The experiment reads come from an {@link ApiSource}: the experiment's live routes, or a pinned
 * snapshot's routes, which answer the same requests in the same shapes from the data it pinned. The
 * explorer and the scaling page draw either without knowing which (see ./apiSource).
 */

/** Where an experiment's reads are answered: the route prefix, and the query-key prefix of its data. */
export interface ApiSource {
  base: string;
  key: readonly [string, string];
}

function experimentPath(slug: string): string {
  return `/api/experiments/${encodeURIComponent(slug)}`;
}

/** The experiment's current data (GET /api/experiments/<slug>/…). */
export function experimentSource(slug: string): ApiSource {
  return { base: experimentPath(slug), key: ["experiments", slug] };
}

/** One version of an experiment, read-only (GET /api/experiments/<slug>/versions/<id>/…). */
export function versionSource(slug: string, id: number): ApiSource {
  return { base: `${experimentPath(slug)}/versions/${id}`, key: ["versions", `${slug}@${id}`] };
}

/** What a snapshot pinned (GET /api/snapshots/<id>/…). */
export function snapshotSource(id: string): ApiSource {
  return { base: `/api/snapshots/${encodeURIComponent(id)}`, key: ["snapshots", id] };
}

/** Results change only on import, so a page keeps what it loaded for a while. */
const STALE_MS = 5 * 60_000;
/** How often a page asks again while the intervals of what it shows are being computed. */
const COMPUTING_REFETCH_MS = 2_000;

/** Asks again every few seconds while the response says its intervals are being computed. */
function whileComputing(query: { state: { data?: { status: StatisticsStatus } } }): number | false {
  return query.state.data?.status === "computing" ? COMPUTING_REFETCH_MS : false;
}

/**
 * Everything the explorer needs for one experiment (GET …/frontier): once, or every few seconds while
 * its intervals are being computed ("computing": the points are final, the intervals null).
 */
export function frontierQuery(source: ApiSource) {
  return queryOptions({
    queryKey: [...source.key, "frontier"] as const,
    queryFn: ({ signal }) => fetchJson<FrontierData>(`${source.base}/frontier`, { signal }),
    staleTime: STALE_MS,
    refetchInterval: whileComputing,
  });
}

/** How many times the claims are asked again while the worker computes them (every 2 s: about a minute). */
const CLAIMS_RETRIES = 30;

/**
 * The research's claims tested on one slice (GET …/claims, live or as a snapshot pinned them), with
 * extrapolation-extends on the plotted axes; asked again every 2 s while the worker has not stored
 * them (503).
 */
export function claimsQuery(source: ApiSource, difficulty: DifficultySlice, axes: { x: string; y: string }) {
  const params = new URLSearchParams({ difficulty, x: axes.x, y: axes.y });
  return queryOptions({
    queryKey: [...source.key, "claims", difficulty, axes.x, axes.y] as const,
    queryFn: ({ signal }) => fetchJson<ClaimsResponse>(`${source.base}/claims?${params}`, { signal }),
    staleTime: STALE_MS,
    retry: (failures, error) => isStillComputing(error) && failures < CLAIMS_RETRIES,
    retryDelay: COMPUTING_REFETCH_MS,
  });
}

/** An experiment's metadata and per-checkpoint scores (GET /api/experiments/<slug>). */
export function experimentDetailQuery(slug: string) {
  return queryOptions({
    queryKey: ["experiments", slug, "detail"] as const,
    queryFn: ({ signal }) => fetchJson<ExperimentDetail>(experimentPath(slug), { signal }),
    staleTime: STALE_MS,
  });
}

/** How many rows {@link keepShownRows} remembers before it starts over (a few hundred searches' pages). */
const SHOWN_ROWS = 2_000;

/**
 * Pages' rows with the identity of an equal row shown before: TanStack's structural sharing keeps
 * objects only within one query, while each search is a query of its own, so a row that another
 * search (or the page before) showed came back as a new object and rendered again, thumbnail
 * layout and all; kept, the memoized row is skipped. Equal is deep (replaceEqualDeep), so a row
 * whose experiment changed in any field is the new one.
 */
export function createRowKeeper(limit = SHOWN_ROWS) {
  const shown = new Map<string, ExperimentPageItem>();
  return function keepShownRows(page: ExperimentPage): ExperimentPage {
    if (shown.size > limit) shown.clear();
    let changed = false;
    const items = page.items.map((item) => {
      const kept = replaceEqualDeep(shown.get(item.slug), item);
      shown.set(item.slug, kept);
      changed ||= kept !== item;
      return kept;
    });
    return changed ? { ...page, items } : page;
  };
}

const keepShownRows = createRowKeeper();

/**
 * One page of the home page's list (GET /api/experiments?…&limit=…, `search` from
 * experimentPageSearch): asked again every few seconds while a row's thumbnail is being computed.
 * In the browser its rows keep the objects of equal rows shown before ({@link createRowKeeper};
 * `select` is one module function, so TanStack runs it once per answer); a server render, shared
 * by every reader, keeps nothing.
 */
export function experimentPageQuery(search: string) {
  return queryOptions({
    queryKey: ["experiment-list", search] as const,
    queryFn: ({ signal }) => fetchJson<ExperimentPage>(`/api/experiments?${search}`, { signal }),
    select: isServer ? undefined : keepShownRows,
    staleTime: STALE_MS,
    refetchInterval: (query) =>
      query.state.data?.items.some((item) => item.thumbnail === null) ? COMPUTING_REFETCH_MS : false,
  });
}

/** 2–4 experiments' frontiers and how their benchmarks and problem sets compare (GET /api/compare). */
export function comparisonQuery(slugs: readonly string[]) {
  const params = new URLSearchParams({ experiments: slugs.join(",") });
  return queryOptions({
    queryKey: ["compare", ...slugs] as const,
    queryFn: ({ signal }) => fetchJson<ComparisonData>(`/api/compare?${params}`, { signal }),
    staleTime: STALE_MS,
    // Asks again while any experiment's intervals are being computed.
    refetchInterval: (query) =>
      query.state.data?.experiments.some((experiment) => experiment.status === "computing")
        ? COMPUTING_REFETCH_MS
        : false,
  });
}

/** Sample and pass counts of every checkpoint, for the search worker and the coverage picture (GET …/matrix). */
export function scalingMatrixQuery(source: ApiSource) {
  return queryOptions({
    queryKey: [...source.key, "scaling-matrix"] as const,
    queryFn: ({ signal }) => fetchJson<ScalingMatrixPayload>(`${source.base}/matrix`, { signal }),
    staleTime: STALE_MS,
  });
}

/** Every checkpoint's pass@k curve plus the ensemble's (members as "α:samples,…"), on one slice. */
export function passAtKCurvesQuery(
  source: ApiSource,
  difficulty: DifficultySlice,
  bands: boolean,
  members: string | null,
) {
  const params = new URLSearchParams({ difficulty, bands: bands ? "1" : "0" });
  if (members) params.set("members", members);
  return queryOptions({
    queryKey: [...source.key, "pass-at-k", difficulty, bands, members] as const,
    queryFn: ({ signal }) => fetchJson<PassAtKCurves>(`${source.base}/pass-at-k?${params}`, { signal }),
    staleTime: STALE_MS,
    // Bands asked for but not computed yet come without them ("computing"): they follow.
    refetchInterval: whileComputing,
  });
}

/** The ensemble against the best single (POST, but a pure function of its body, so cached like a GET). */
export function ensembleEvaluationQuery(source: ApiSource, request: EnsembleRequest) {
  return queryOptions({
    queryKey: [...source.key, "ensemble", request] as const,
    queryFn: ({ signal }) =>
      fetchJson<EnsembleEvaluation>(`${source.base}/ensembles`, {
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

/**
 * Where a study's grid is read: the study's live routes (each experiment's claims from its own), or
 * a snapshot that pinned the grid (GET /api/snapshots/<id>/{study,frontiers} and each experiment's
 * pinned claims), in the same shapes.
 */
export interface StudySource {
  study: string;
  frontiers: string;
  key: readonly [string, string];
  /** Where the claims of one of the grid's experiments are read. */
  claims(experiment: string): ApiSource;
}

/** The study's current data (GET /api/studies/<slug>…). */
export function liveStudySource(slug: string): StudySource {
  const base = `/api/studies/${encodeURIComponent(slug)}`;
  return { study: base, frontiers: `${base}/frontiers`, key: ["study", slug], claims: experimentSource };
}

/** What a study snapshot pinned (GET /api/snapshots/<id>/…). */
export function pinnedStudySource(id: string): StudySource {
  const { base, key } = snapshotSource(id);
  return {
    study: `${base}/study`,
    frontiers: `${base}/frontiers`,
    key,
    claims: (experiment) => ({
      base: `${base}/experiments/${encodeURIComponent(experiment)}`,
      key: [`snapshots/${id}`, experiment],
    }),
  };
}

/** A study's experiments and the grid they make (GET /api/studies/<slug>, or as pinned). */
export function studyQuery(source: StudySource) {
  return queryOptions({
    queryKey: [...source.key, "study"] as const,
    queryFn: ({ signal }) => fetchJson<StudyDetail>(source.study, { signal }),
    staleTime: STALE_MS,
  });
}

/** A study's experiments' frontiers, in the grid's order (GET /api/studies/<slug>/frontiers, or as pinned). */
export function studyFrontiersQuery(source: StudySource) {
  return queryOptions({
    queryKey: [...source.key, "frontiers"] as const,
    queryFn: ({ signal }) => fetchJson<ComparisonData>(source.frontiers, { signal }),
    staleTime: STALE_MS,
    // Asks again while any experiment's intervals are being computed.
    refetchInterval: (query) =>
      query.state.data?.experiments.some((experiment) => experiment.status === "computing")
        ? COMPUTING_REFETCH_MS
        : false,
  });
}
