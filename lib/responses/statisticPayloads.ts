import type { ProblemIdSet } from "../contracts/compareTypes";
import type { ProblemCounts } from "../contracts/problemTypes";
import type { PassAtKCurve, PassAtKCurves, ScalingMatrixPayload } from "../contracts/scalingTypes";
import type {
  ApiErrorBody,
  ExperimentDetail,
  ExperimentHeader,
  ExperimentListItem,
  FrontierData,
  FrontierEstimate,
} from "../contracts/types";
import { alphaKind, formatAlpha } from "../domain/alpha";
import { DIFFICULTIES, DIFFICULTY_SLICES, type DifficultySlice } from "../domain/difficulty";
import type { SweepMatrix } from "../domain/sweep";
import {
  clustersOf,
  DEFAULT_BOOTSTRAP,
  endpointIndices,
  type MetricEstimates,
  type MetricResamples,
  type StratifiedFrontier,
} from "../science/bootstrap";
import { collapsedFlags } from "../science/collapse";
import { curveKs } from "../science/curveKs";
import { frontierPointValues, type MetricValues, withTrainedColumns } from "../science/frontierPoints";
import { DEFAULT_FRONTIER_AXES, nonDominatedShares, type ParetoCandidate } from "../science/guardedPareto";
import { getMetric, METRICS, type MetricId } from "../science/metricRegistry";
import { checkpointSummaries, sliceSummary, trainedSummaries } from "../science/metrics";
import { minSamples } from "../science/passAtK";
import { drawProblemResamples } from "../science/passAtKBands";
import { checkpointPassAtKCurve } from "../science/passAtKCurves";
import { sliceProblemIndices } from "../science/slices";
import { claimsData } from "./claims";
import { frontierPareto } from "./frontierPareto";
import {
  CLAIMS_KIND,
  DETAIL_KIND,
  FRONTIER_KIND,
  FRONTIER_POINTS_KIND,
  MATRIX_KIND,
  PROBLEMS_KIND,
  type StatisticKind,
  SWEEP_COLUMNS_KIND,
  THUMBNAIL_KIND,
} from "./statisticKinds";
import { difficultyStrata, stratifiedBootstrap } from "./stratifiedBootstrap";
import { sweepColumns } from "./sweepColumns";
import { experimentThumbnail } from "./thumbnail";
import { versionBootstrap } from "./versionBootstrap";

/** An experiment's header and whole result matrix, as loadSweepMatrix reads them. */
export interface LoadedSweep {
  header: ExperimentHeader;
  matrix: SweepMatrix;
}

/** A read's body as computed; the version and the status are added when it is stored and served. */
export type Computed<T> = Omit<T, "version" | "status">;

/**
 * Bootstrap settings of the explorer's intervals and the curve bands: one fixed seed for every
 * interval of a version, so the same data always shows the same CI, and the same figure (pass@5 on
 * the frontier and on the curves) the same CI on every page.
 */
export const FRONTIER_BOOTSTRAP = DEFAULT_BOOTSTRAP;

/** The curve bands' bootstrap: the frontier's (see above). */
export const CURVE_BOOTSTRAP = DEFAULT_BOOTSTRAP;

/** GET /api/experiments/[slug] and `alphascope metrics`: per-checkpoint scores, overall and by difficulty. */
export function experimentDetail({ header, matrix }: LoadedSweep): Computed<ExperimentDetail> {
  return { ...header, checkpoints: checkpointSummaries(matrix), trained: trainedSummaries(matrix) };
}

/** Each point's share of resamples on the default axes' front (collapsed points left out). */
function defaultAxesShares(resamples: MetricResamples, collapsed: readonly boolean[]): (number | null)[] {
  const column = (id: MetricId) =>
    resamples.map((metrics) => metrics[METRICS.findIndex((metric) => metric.id === id)]);
  const { x, y } = DEFAULT_FRONTIER_AXES;
  return nonDominatedShares(
    column(x),
    column(y),
    { x: getMetric(x).direction, y: getMetric(y).direction },
    collapsed.map((flag) => !flag),
  );
}

function sliceOf<Metrics extends ParetoCandidate["metrics"]>(
  { matrix }: LoadedSweep,
  slice: DifficultySlice,
  strata: Int32Array[],
  metrics: { strata: Metrics[][]; combined: Metrics[]; resamples?: StratifiedFrontier["resamples"] },
) {
  const stratum = DIFFICULTIES.indexOf(slice as (typeof DIFFICULTIES)[number]);
  const problems = slice === "all" ? sliceProblemIndices(matrix, "all") : strata[stratum];
  // The α checkpoints' metrics come first; the trained checkpoints' follow (withTrainedColumns).
  const alphaCount = matrix.checkpoints.length;
  const allMetrics = slice === "all" ? metrics.combined : metrics.strata[stratum];
  const sliceMetrics = allMetrics.slice(0, alphaCount);
  const summaries = matrix.checkpoints.map((checkpoint) => sliceSummary(checkpoint, problems));
  const collapsed = collapsedFlags(matrix.checkpoints, problems);
  const resamples =
    metrics.resamples &&
    (slice === "all" ? metrics.resamples.combined : metrics.resamples.strata[stratum]).slice(0, alphaCount);
  const shares = resamples ? defaultAxesShares(resamples, collapsed) : null;
  const points = matrix.checkpoints.map((checkpoint, index) => ({
    alpha: checkpoint.alpha,
    kind: alphaKind(checkpoint.alpha),
    label: checkpoint.label,
    problems: summaries[index].problems,
    samples: summaries[index].samples,
    collapsed: collapsed[index],
    pNonDominated: shares ? shares[index] : null,
    metrics: sliceMetrics[index],
  }));
  const trained = (matrix.trained ?? []).map((checkpoint, index) => {
    const summary = sliceSummary(checkpoint, problems);
    return {
      label: checkpoint.label,
      coverage: checkpoint.coverage,
      problems: summary.problems,
      samples: summary.samples,
      metrics: allMetrics[alphaCount + index],
    };
  });
  return {
    slice,
    problems: problems.length,
    points,
    trained,
    pareto: frontierPareto(points, DEFAULT_FRONTIER_AXES),
  };
}

function frontierOf<Metrics extends ParetoCandidate["metrics"]>(
  sweep: LoadedSweep,
  metrics: (
    matrix: SweepMatrix,
    strata: Int32Array[],
  ) => {
    strata: Metrics[][];
    combined: Metrics[];
    resamples?: StratifiedFrontier["resamples"];
  },
) {
  // One stratified computation gives every slice: difficulties are the strata, "all" is their union.
  const strata = difficultyStrata(sweep.matrix);
  // One computation over the α columns and, after them, the trained ones (same resamples).
  const values = metrics(withTrainedColumns(sweep.matrix).matrix, strata);
  const slices = Object.fromEntries(
    DIFFICULTY_SLICES.map((slice) => [slice, sliceOf(sweep, slice, strata, values)]),
  ) as Record<DifficultySlice, ReturnType<typeof sliceOf<Metrics>>>;
  return { experiment: sweep.header, bootstrap: versionBootstrap(sweep.matrix, FRONTIER_BOOTSTRAP), slices };
}

/**
 * GET /api/experiments/[slug]/frontier: every registry metric of every checkpoint with its 95%
 * bootstrap CI, per difficulty slice. Problems are resampled within their difficulty, so the
 * interval of "all" holds the benchmark's difficulty mix fixed.
 */
export function frontierData(sweep: LoadedSweep): Computed<FrontierData> {
  return frontierOf<MetricEstimates>(sweep, () => stratifiedBootstrap(sweep.matrix, FRONTIER_BOOTSTRAP));
}

const NO_BOUNDS = { lower: null, upper: null, lowerJoint: null, upperJoint: null } as const;

/** One slice's point values with every bound null, and the plain changes against the endpoints. */
function withoutIntervals(
  slice: readonly MetricValues[],
  endpoints: { a: number | null; b: number | null },
): Record<string, FrontierEstimate>[] {
  const delta = (id: MetricId, value: number, endpoint: number | null) => {
    const reference = endpoint === null ? undefined : slice[endpoint][id];
    return reference === undefined ? null : { value: value - reference, ...NO_BOUNDS };
  };
  return slice.map((values) =>
    Object.fromEntries(
      (Object.entries(values) as [MetricId, number][]).map(([id, value]) => [
        id,
        { value, ...NO_BOUNDS, deltaA: delta(id, value, endpoints.a), deltaB: delta(id, value, endpoints.b) },
      ]),
    ),
  );
}

/** The frontier's points alone: {@link frontierData} with every interval null (milliseconds to compute). */
export function frontierPoints(sweep: LoadedSweep): Computed<FrontierData> {
  return frontierOf<Record<string, FrontierEstimate>>(sweep, (matrix, strata) => {
    const values = frontierPointValues(matrix, strata);
    const endpoints = endpointIndices(matrix);
    return {
      strata: values.strata.map((stratum) => withoutIntervals(stratum, endpoints)),
      combined: withoutIntervals(values.combined, endpoints),
    };
  });
}

/** The sample and pass counts the browser needs to search ensembles and draw coverage itself. */
export function scalingMatrixPayload({ header, matrix }: LoadedSweep): Computed<ScalingMatrixPayload> {
  const collapsed = Object.fromEntries(
    DIFFICULTY_SLICES.map((slice) => {
      const problems = sliceProblemIndices(matrix, slice);
      return [slice, collapsedFlags(matrix.checkpoints, problems)];
    }),
  ) as Record<DifficultySlice, boolean[]>;
  return {
    experiment: {
      slug: header.slug,
      name: header.name,
      synthetic: header.synthetic,
      endpoints: { a: header.endpoints.a.label, b: header.endpoints.b.label },
    },
    problems: matrix.problems.map(({ externalId, title, difficulty }) => ({ externalId, title, difficulty })),
    checkpoints: matrix.checkpoints.map((cp, index) => ({
      alpha: cp.alpha,
      label: cp.label,
      collapsedIn: DIFFICULTY_SLICES.filter((slice) => collapsed[slice][index]),
      n: Array.from(cp.n),
      pass: Array.from(cp.verdicts.pass),
    })),
    clusters: matrix.clusters ?? null,
  };
}

/** Every problem with its counts at every α, problem by problem, for the problems view and its API. */
export function problemCounts({ header, matrix }: LoadedSweep): Computed<ProblemCounts> {
  const { checkpoints } = matrix;
  return {
    experiment: header.slug,
    alphas: checkpoints.map((cp) => cp.alpha),
    problems: matrix.problems.map((problem, i) => ({
      id: problem.externalId,
      title: problem.title,
      difficulty: problem.difficulty,
      platform: problem.platform ?? null,
      n: checkpoints.map((cp) => cp.n[i]),
      pass: checkpoints.map((cp) => cp.verdicts.pass[i]),
    })),
    clusters: matrix.clusters ?? null,
  };
}

/** The experiment's problem ids (sorted, as the matrix orders them) with their difficulties, for comparisons. */
export function problemIdSet({ header, matrix }: LoadedSweep): Computed<ProblemIdSet> {
  return {
    benchmark: header.benchmark,
    ids: matrix.problems.map((problem) => problem.externalId),
    difficulties: matrix.problems.map((problem) => problem.difficulty),
  };
}

/** Every checkpoint's pass@k curve (k = 1 … the largest k ≤ its smallest n) over `problems`. */
export function checkpointCurves(matrix: SweepMatrix, problems: Int32Array, bands: boolean): PassAtKCurve[] {
  // One seed: every checkpoint's bands read the same resamples, drawn once.
  const draws = bands
    ? drawProblemResamples(problems.length, CURVE_BOOTSTRAP, clustersOf(matrix, problems))
    : undefined;
  return matrix.checkpoints.map((cp, index) => {
    // Problems the checkpoint was not evaluated on are left out, as in every other statistic of it.
    const maxK = minSamples(cp.n, problems);
    return {
      type: "checkpoint",
      alpha: cp.alpha,
      kind: alphaKind(cp.alpha),
      label: cp.label ?? `α = ${formatAlpha(cp.alpha)}`,
      points:
        maxK === 0
          ? []
          : checkpointPassAtKCurve(
              matrix,
              index,
              curveKs(maxK),
              problems,
              bands ? CURVE_BOOTSTRAP : undefined,
              draws,
            ),
    };
  });
}

/** The message of the 400 for a slice with no problems (also the pass-at-k route's). */
export function emptySliceMessage(slice: DifficultySlice): string {
  return slice === "all"
    ? "This experiment has no problems yet."
    : `This experiment has no ${slice} problems.`;
}

/** GET /api/experiments/[slug]/pass-at-k for one slice and band setting, every checkpoint's curve. */
export function passAtKCurves(
  { header, matrix }: LoadedSweep,
  slice: DifficultySlice,
  bands: boolean,
): Computed<PassAtKCurves> | ApiErrorBody {
  const problems = sliceProblemIndices(matrix, slice);
  if (problems.length === 0) return { error: { code: "bad_request", message: emptySliceMessage(slice) } };
  const curves = checkpointCurves(matrix, problems, bands);
  return {
    experiment: header.slug,
    difficulty: slice,
    problems: problems.length,
    maxK: Math.max(0, ...curves.flatMap((curve) => curve.points.map((p) => p.k))),
    bootstrap: bands ? versionBootstrap(matrix, CURVE_BOOTSTRAP) : null,
    curves,
  };
}

/** A row of GET /api/experiments. */
export function listItem({ header, matrix }: LoadedSweep): Computed<ExperimentListItem> {
  const alphas = matrix.checkpoints.map((cp) => cp.alpha);
  return {
    slug: header.slug,
    name: header.name,
    benchmark: header.benchmark,
    setting: header.setting,
    synthetic: header.synthetic,
    alphaMin: alphas.length === 0 ? null : Math.min(...alphas),
    alphaMax: alphas.length === 0 ? null : Math.max(...alphas),
    checkpoints: matrix.checkpoints.length,
    problems: matrix.problems.length,
    updatedAt: header.updatedAt,
  };
}

/** One stored response: its body (JSON text, `version` included) and HTTP status. */
export interface StatisticBody {
  kind: StatisticKind;
  status: number;
  payload: string;
}

function stored(kind: StatisticKind, version: string, body: object): StatisticBody {
  if ("error" in body) return { kind, status: 400, payload: JSON.stringify(body) };
  return { kind, status: 200, payload: JSON.stringify({ version, ...body }) };
}

/**
 * The body of one kind for one version of an experiment. Every body about an experiment says its
 * version. (Whether intervals are there yet, the `status` of frontier and pass@k responses, is
 * added when served: it depends on which kind is stored by then, not on the body.)
 */
export function statisticBody(kind: StatisticKind, version: string, sweep: LoadedSweep): StatisticBody {
  switch (kind) {
    case "list-item":
      return stored(kind, version, listItem(sweep));
    case DETAIL_KIND:
      return stored(kind, version, experimentDetail(sweep));
    case FRONTIER_POINTS_KIND:
      return stored(kind, version, frontierPoints(sweep));
    case FRONTIER_KIND:
      return stored(kind, version, frontierData(sweep));
    case MATRIX_KIND:
      return stored(kind, version, scalingMatrixPayload(sweep));
    case PROBLEMS_KIND:
      return stored(kind, version, problemCounts(sweep));
    case "problem-ids":
      return stored(kind, version, problemIdSet(sweep));
    case SWEEP_COLUMNS_KIND:
      return stored(kind, version, sweepColumns(sweep.matrix));
    case THUMBNAIL_KIND:
      return stored(kind, version, experimentThumbnail(frontierPoints(sweep).slices.all.points));
    case CLAIMS_KIND:
      return stored(kind, version, claimsData(sweep.header.slug, sweep.matrix));
    default: {
      const [, slice, bands] = kind.split(":");
      return stored(kind, version, passAtKCurves(sweep, slice as DifficultySlice, bands === "bands"));
    }
  }
}
