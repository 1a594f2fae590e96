import { alphaKind, formatAlpha } from "../domain/alpha";
import type { SweepMatrix } from "../domain/sweep";
import { benjaminiHochberg } from "./benjaminiHochberg";
import {
  type BootstrapOptions,
  bootstrapCI,
  bootstrapFrontierStrata,
  clustersOf,
  DEFAULT_BOOTSTRAP,
  endpointIndices,
  type MetricEstimates,
  type MetricResamples,
  percentileInterval,
  unionOfStrata,
} from "./bootstrap";
import { collapsedFlags } from "./collapse";
import { oriented } from "./direction";
import { smallestSampleCount } from "./ensemblePassAtK";
import type { EnsembleSearchSummary } from "./ensembleSearchSummary";
import { fisherExactTwoSided } from "./fisherExact";
import { withTrainedColumns } from "./frontierPoints";
import { getMetric, METRICS, type MetricId } from "./metricRegistry";
import { hypervolume2d, type ParetoDirections, type ParetoPoint } from "./pareto";
import { STANDARD_KS } from "./passAtK";
import { RETRACES_ERROR, RETRACES_MARGIN_SHARE, retraces } from "./retraces";

/**
 * The research's claims as tests on one difficulty slice of a sweep (A = α 0, B = α 1). Each claim
 * has a point estimate, a percentile interval from the version's seeded paired bootstrap over
 * problems, and a verdict by a fixed rule (docs/science.md, "Claims tested on the data"). `retraces`
 * is there only when the sweep has trained checkpoints.
 */
export const CLAIM_IDS = [
  "tradeoff-time-limit",
  "tradeoff-wrong-answer",
  "flat-solve-rate",
  "extrapolation-extends",
  "complementary-problems",
  "ensemble-gain",
  "retraces",
] as const;

export type ClaimId = (typeof CLAIM_IDS)[number];

export const CLAIM_VERDICTS = ["supported", "contradicted", "inconclusive"] as const;
export type ClaimVerdict = (typeof CLAIM_VERDICTS)[number];

export interface Claim {
  id: ClaimId;
  title: string;
  /** In the claim's unit: a fraction for shares and rates, area for hypervolume, a count of problems. */
  estimate: number;
  /** The interval at `level` (the equivalence test's 90 % one for flat-solve-rate). */
  ci: [number, number];
  level: number;
  verdict: ClaimVerdict;
  /** The verdict rule, in words. */
  rule: string;
  /** What was compared and what came out, in words (numbers included). */
  detail: string;
}

/** The equivalence margin of `flat-solve-rate` when none is asked for: 2 percentage points. */
export const DEFAULT_EQUIVALENCE_MARGIN = 0.02;

/** The TOST interval level: two one-sided 5 % tests are one 90 % interval inside the margin. */
export const EQUIVALENCE_LEVEL = 0.9;

/** `complementary-problems` is supported when some counted problem's Fisher test has a BH q below this. */
export const COMPLEMENTARY_Q = 0.05;

/** The budget `ensemble-gain` asks for, lowered to the largest standard k the data allows. */
export const CLAIM_ENSEMBLE_BUDGET = 250;

/** The largest ensemble `ensemble-gain` searches (the ensemble search page's default). */
export const CLAIM_ENSEMBLE_MAX_MEMBERS = 3;

/** Both axes of the hypervolume claim, as the frontier route names them. */
export interface ClaimAxes {
  x: MetricId;
  y: MetricId;
}

/** One slice's bootstrap, as bootstrapFrontierStrata returns it for that slice. */
export interface SliceBootstrap {
  /** Problem indices of the slice. */
  problems: ArrayLike<number>;
  /** Per checkpoint (matrix order), every metric with its interval and paired endpoint changes. */
  estimates: MetricEstimates[];
  /** Per checkpoint, every registry metric's value in every resample (paired across checkpoints). */
  resamples: MetricResamples;
  /** Whether each checkpoint collapsed on the slice (collapse.ts). */
  collapsed: readonly boolean[];
  /**
   * The trained checkpoints (matrix order) in the same resamples, when the sweep has some: their
   * estimates and resampled values, kept apart so that no α claim reads them.
   */
  trained?: { labels: string[]; estimates: MetricEstimates[]; resamples: MetricResamples };
}

/** Whether α lies outside [0, 1]. */
function isExtrapolated(alpha: number): boolean {
  return alphaKind(alpha) === "extrapolated";
}

const METRIC_INDEX = new Map<MetricId, number>(METRICS.map((metric, index) => [metric.id, index]));

function metricResamples(slice: SliceBootstrap, checkpoint: number, id: MetricId): Float64Array {
  return slice.resamples[checkpoint][METRIC_INDEX.get(id) as number];
}

function percent(value: number): string {
  return `${(value * 100).toFixed(1)}`;
}

function points(value: number): string {
  return `${value >= 0 ? "+" : "−"}${percent(Math.abs(value))} points`;
}

function intervalText([lower, upper]: [number, number], format: (value: number) => string): string {
  return `[${format(lower)}, ${format(upper)}]`;
}

/** Supported when the interval lies on the claimed side of 0, contradicted when on the other. */
export function directionalVerdict(ci: readonly [number, number], side: "below" | "above"): ClaimVerdict {
  const [lower, upper] = ci;
  if (!(Number.isFinite(lower) && Number.isFinite(upper))) return "inconclusive";
  if (side === "below" ? upper < 0 : lower > 0) return "supported";
  if (side === "below" ? lower > 0 : upper < 0) return "contradicted";
  return "inconclusive";
}

/**
 * TOST (Schuirmann 1987): supported when the 90 % interval lies inside (−margin, margin);
 * contradicted when the 95 % interval lies entirely outside [−margin, margin] on one side.
 */
export function equivalenceVerdict(
  ci90: readonly [number, number],
  ci95: readonly [number, number],
  margin: number,
): ClaimVerdict {
  if (![...ci90, ...ci95].every(Number.isFinite)) return "inconclusive";
  if (ci90[0] > -margin && ci90[1] < margin) return "supported";
  if (ci95[0] > margin || ci95[1] < -margin) return "contradicted";
  return "inconclusive";
}

/** The share change from A to B of one metric, with its paired interval (null without both endpoints). */
function endpointChange(
  slice: SliceBootstrap,
  b: number,
  id: MetricId,
): { value: number; ci: [number, number] } | null {
  const change = slice.estimates[b][id]?.deltaA;
  if (!change) return null;
  return { value: change.value, ci: [change.lower, change.upper] };
}

function tradeoffClaim(
  slice: SliceBootstrap,
  b: number,
  level: number,
  which: { id: ClaimId; metric: MetricId; side: "below" | "above"; title: string; words: string },
): Claim | null {
  const change = endpointChange(slice, b, which.metric);
  if (!change) return null;
  const share = getMetric(which.metric).label.toLowerCase();
  return {
    id: which.id,
    title: which.title,
    estimate: change.value,
    ci: change.ci,
    level,
    verdict: directionalVerdict(change.ci, which.side),
    rule: `Supported when the ${level * 100} % interval of B − A is ${which.side} 0; contradicted when it is entirely ${which.side === "below" ? "above" : "below"} 0; inconclusive otherwise.`,
    detail: `The ${share} goes from A (α = 0) to B (α = 1) by ${points(change.value)}, ${level * 100} % interval ${intervalText(change.ci, points)} (${which.words}).`,
  };
}

/** `flat-solve-rate` from its estimate and two intervals, for any margin (a fraction, e.g. 0.02). */
export function flatSolveRateClaim(
  estimate: number,
  ci90: [number, number],
  ci95: [number, number],
  margin: number,
): Claim {
  const marginText = `${percent(margin)} points`;
  return {
    id: "flat-solve-rate",
    title: "The solve rate barely moves from A to B",
    estimate,
    ci: ci90,
    level: EQUIVALENCE_LEVEL,
    verdict: equivalenceVerdict(ci90, ci95, margin),
    rule: `Equivalence test (TOST) with a margin of ±${marginText}: supported when the 90 % interval of B − A lies inside ±${marginText}; contradicted when the 95 % interval lies entirely outside it; inconclusive otherwise.`,
    detail: `The solve rate changes from A to B by ${points(estimate)}: 90 % interval ${intervalText(ci90, points)}, 95 % interval ${intervalText(ci95, points)}.`,
  };
}

/** The solve-rate change B − A with its 90 % and 95 % paired intervals, from the resamples. */
export function solveRateChange(
  slice: SliceBootstrap,
  a: number,
  b: number,
): { estimate: number; ci90: [number, number]; ci95: [number, number] } | null {
  const change = slice.estimates[b].solveRate?.deltaA;
  if (!change) return null;
  const atA = metricResamples(slice, a, "solveRate");
  const atB = metricResamples(slice, b, "solveRate");
  const differences = Array.from(atB, (value, r) => value - atA[r]);
  return {
    estimate: change.value,
    ci90: percentileInterval(differences, EQUIVALENCE_LEVEL),
    ci95: percentileInterval(differences, 0.95),
  };
}

/**
 * The hypervolume reference point of two metrics: each axis's worst possible value for a fraction
 * (0 when higher is better, 1 when lower is better); for a metric in milliseconds, which has no worst
 * value, 1.1 × the largest value among `values` (so the slowest point still adds area).
 */
export function hypervolumeReference(axes: ClaimAxes, values: readonly ParetoPoint[]): ParetoPoint {
  const worst = (id: MetricId, read: (point: ParetoPoint) => number) => {
    const metric = getMetric(id);
    if (metric.unit === "fraction") return metric.direction === "higher" ? 0 : 1;
    const finite = values.map(read).filter(Number.isFinite);
    return finite.length === 0 ? 0 : 1.1 * Math.max(...finite);
  };
  return { x: worst(axes.x, (p) => p.x), y: worst(axes.y, (p) => p.y) };
}

/**
 * Hypervolume of all `eligible` checkpoints minus that of the eligible ones with α in [0, 1], on the
 * points given (one per checkpoint; NaN coordinates are left out).
 */
export function hypervolumeGain(
  pointsOf: readonly ParetoPoint[],
  alphas: readonly number[],
  eligible: readonly boolean[],
  directions: ParetoDirections,
  reference: ParetoPoint,
): number {
  const all = pointsOf.filter((_, j) => eligible[j]);
  const inRange = pointsOf.filter((_, j) => eligible[j] && !isExtrapolated(alphas[j]));
  return hypervolume2d(all, directions, reference) - hypervolume2d(inRange, directions, reference);
}

function axisName(id: MetricId): string {
  const metric = getMetric(id);
  return `${metric.label} (${metric.direction} is better)`;
}

/**
 * The extrapolated checkpoints (indices) that lie beyond every in-range one on some axis, each
 * significantly: for that axis, every paired difference (extrapolated − in-range, oriented so
 * larger is better) has its one-sided lower percentile bound at `alpha` / (2 × extrapolated count)
 * above 0 (an intersection–union test for "beyond all", Bonferroni over the extrapolated α and the
 * two axes). A percentile interval of the hypervolume gain alone is not a valid test: the gain is a
 * maximum over noisy points and never negative, and with no true effect its interval lay above 0 in
 * 31 % of seeded trials (docs/science.md).
 */
export function significantlyBeyond(
  resampled: { x: readonly ArrayLike<number>[]; y: readonly ArrayLike<number>[] },
  directions: ParetoDirections,
  extrapolated: readonly number[],
  inRange: readonly number[],
  alpha: number,
): { checkpoint: number; axis: "x" | "y" }[] {
  const tail = alpha / (2 * extrapolated.length);
  const found: { checkpoint: number; axis: "x" | "y" }[] = [];
  for (const e of extrapolated) {
    for (const axis of ["x", "y"] as const) {
      const values = resampled[axis];
      const beyondAll = inRange.every((i) => {
        const differences = Array.from(values[e], (value, r) =>
          oriented(value - values[i][r], directions[axis]),
        );
        return percentileInterval(differences, 1 - 2 * tail)[0] > 0;
      });
      if (beyondAll) found.push({ checkpoint: e, axis });
    }
  }
  return found;
}

/** `extrapolation-extends` on one slice and two axes; null without both extrapolated and in-range α. */
export function extrapolationClaim(
  matrix: SweepMatrix,
  slice: SliceBootstrap,
  axes: ClaimAxes,
  level: number,
): Claim | null {
  const alphas = matrix.checkpoints.map((cp) => cp.alpha);
  const value = (j: number, id: MetricId) => slice.estimates[j][id]?.value ?? Number.NaN;
  const observed = alphas.map((_, j) => ({ x: value(j, axes.x), y: value(j, axes.y) }));
  const eligible = alphas.map(
    (_, j) => !slice.collapsed[j] && Number.isFinite(observed[j].x) && Number.isFinite(observed[j].y),
  );
  const extrapolated = alphas.flatMap((alpha, j) => (eligible[j] && isExtrapolated(alpha) ? [j] : []));
  const inRange = alphas.flatMap((alpha, j) => (eligible[j] && !isExtrapolated(alpha) ? [j] : []));
  if (extrapolated.length === 0 || inRange.length === 0) return null;
  const directions = { x: getMetric(axes.x).direction, y: getMetric(axes.y).direction };
  const reference = hypervolumeReference(
    axes,
    observed.filter((_, j) => eligible[j]),
  );
  const estimate = hypervolumeGain(observed, alphas, eligible, directions, reference);
  const xs = alphas.map((_, j) => metricResamples(slice, j, axes.x));
  const ys = alphas.map((_, j) => metricResamples(slice, j, axes.y));
  const resampled: number[] = [];
  const at = observed.map(() => ({ x: 0, y: 0 }));
  for (let r = 0; r < (xs[0]?.length ?? 0); r++) {
    for (let j = 0; j < at.length; j++) {
      at[j].x = xs[j][r];
      at[j].y = ys[j][r];
    }
    resampled.push(hypervolumeGain(at, alphas, eligible, directions, reference));
  }
  const ci = percentileInterval(resampled, level);
  const beyond = significantlyBeyond({ x: xs, y: ys }, directions, extrapolated, inRange, 1 - level);
  const verdict = ci[0] > 0 && beyond.length > 0 ? "supported" : "inconclusive";
  const area = (v: number) => v.toPrecision(3);
  const beyondText =
    beyond.length === 0
      ? "No extrapolated α lies significantly beyond every α in [0, 1] on either axis."
      : `Significantly beyond every α in [0, 1]: ${beyond
          .map(
            ({ checkpoint, axis }) =>
              `α ${formatAlpha(alphas[checkpoint])} on ${getMetric(axes[axis]).label}`,
          )
          .join(", ")}.`;
  return {
    id: "extrapolation-extends",
    title: "Extrapolation extends the frontier",
    estimate,
    ci,
    level,
    verdict,
    rule:
      `Supported when the ${level * 100} % interval of the hypervolume gain is above 0 and some extrapolated α lies ` +
      `beyond every α in [0, 1] on one axis by paired one-sided tests (Bonferroni over the extrapolated α and the two axes, ` +
      `${(1 - level) * 100} % in all); inconclusive otherwise (the gain is never negative).`,
    detail:
      `Hypervolume of the ${inRange.length + extrapolated.length} non-collapsed evaluated α minus that of the ${inRange.length} in [0, 1], ` +
      `on x = ${axisName(axes.x)} and y = ${axisName(axes.y)}, reference point (${area(reference.x)}, ${area(reference.y)}): ` +
      `${area(estimate)}, ${level * 100} % interval ${intervalText(ci, area)}. ${beyondText} ` +
      "Collapsed checkpoints are judged on the full data and left out of every resample.",
  };
}

/** Per problem of the slice: pass and sample counts pooled over a set of checkpoints. */
function pooledCounts(matrix: SweepMatrix, members: readonly number[], problem: number) {
  let pass = 0;
  let n = 0;
  for (const j of members) {
    pass += matrix.checkpoints[j].verdicts.pass[problem];
    n += matrix.checkpoints[j].n[problem];
  }
  return { pass, n };
}

/**
 * The problems of `problems` that pass at least once at some non-collapsed extrapolated α and never
 * at any evaluated α in [0, 1] (evaluated there at least once), as a 0/1 flag per problem of the
 * slice, with each slice problem's Benjamini–Hochberg q of Fisher's exact test of the pooled pass
 * counts (extrapolated vs in [0, 1]; NaN where one side has no samples). Null when either side has
 * no checkpoint.
 */
export function complementaryProblems(
  matrix: SweepMatrix,
  problems: ArrayLike<number>,
  collapsed: readonly boolean[],
): { counted: Uint8Array; q: number[]; extrapolated: number; inRange: number } | null {
  const alphas = matrix.checkpoints.map((cp) => cp.alpha);
  const extrapolated = alphas.flatMap((alpha, j) => (isExtrapolated(alpha) && !collapsed[j] ? [j] : []));
  const inRange = alphas.flatMap((alpha, j) => (isExtrapolated(alpha) ? [] : [j]));
  if (extrapolated.length === 0 || inRange.length === 0) return null;
  const counted = new Uint8Array(problems.length);
  const p: number[] = [];
  for (let i = 0; i < problems.length; i++) {
    const outside = pooledCounts(matrix, extrapolated, problems[i]);
    const inside = pooledCounts(matrix, inRange, problems[i]);
    counted[i] = outside.pass > 0 && inside.n > 0 && inside.pass === 0 ? 1 : 0;
    p.push(
      outside.n > 0 && inside.n > 0
        ? fisherExactTwoSided(outside.pass, outside.n, inside.pass, inside.n)
        : Number.NaN,
    );
  }
  return { counted, q: benjaminiHochberg(p), extrapolated: extrapolated.length, inRange: inRange.length };
}

function complementaryClaim(
  matrix: SweepMatrix,
  slice: SliceBootstrap,
  bootstrap: BootstrapOptions,
): Claim | null {
  const found = complementaryProblems(matrix, slice.problems, slice.collapsed);
  if (!found) return null;
  const { counted, q } = found;
  const positions = Int32Array.from(counted.keys());
  const count = (sample: Int32Array) => {
    let total = 0;
    for (let i = 0; i < sample.length; i++) total += counted[sample[i]];
    return total;
  };
  const { value, lower, upper } = bootstrapCI(
    count,
    positions,
    bootstrap,
    clustersOf(matrix, slice.problems),
  );
  const discoveries = q.filter((value, i) => counted[i] === 1 && value < COMPLEMENTARY_Q).length;
  return {
    id: "complementary-problems",
    title: "Some problems are solved only by extrapolated α",
    estimate: value,
    ci: [lower, upper],
    level: bootstrap.level,
    verdict: discoveries > 0 ? "supported" : "inconclusive",
    rule:
      `Supported when at least one counted problem passes significantly more often at the extrapolated α than in [0, 1]: ` +
      `Fisher's exact test of the pooled pass counts per problem, Benjamini–Hochberg q < ${COMPLEMENTARY_Q} over the slice's problems; inconclusive otherwise.`,
    detail:
      `${value} of ${slice.problems.length} problems pass at least once at one of the ${found.extrapolated} non-collapsed extrapolated α ` +
      `and never at the ${found.inRange} evaluated α in [0, 1]; ${discoveries} of them with q < ${COMPLEMENTARY_Q}. ` +
      `${bootstrap.level * 100} % interval of the count [${lower}, ${upper}].`,
  };
}

/**
 * The budget of `ensemble-gain`: {@link CLAIM_ENSEMBLE_BUDGET}, or the largest standard k below it at
 * which some checkpoint has that many samples on every problem of the slice; null below 2 (no
 * ensemble of two members fits) or with fewer than two checkpoints.
 */
export function claimEnsembleBudget(matrix: SweepMatrix, problems: ArrayLike<number>): number | null {
  if (matrix.checkpoints.length < 2 || problems.length === 0) return null;
  const largest = Math.max(...matrix.checkpoints.map((cp) => smallestSampleCount(cp.n, problems)));
  const budget = [...STANDARD_KS].reverse().find((k) => k <= CLAIM_ENSEMBLE_BUDGET && k <= largest);
  return budget !== undefined && budget >= 2 ? budget : null;
}

/** `ensemble-gain` from the searched ensemble's summary; null when there is no adjusted interval. */
export function ensembleGainClaim(search: EnsembleSearchSummary): Claim | null {
  const adjusted = search.adjustedGainCI;
  const winner = search.ensembles[0];
  if (!adjusted || !winner || winner.gain === null || !search.bestSingle) return null;
  const ci: [number, number] = [adjusted.lower, adjusted.upper];
  const members = winner.members
    .map((member) => `α ${formatAlpha(member.alpha)} × ${member.samples}`)
    .join(" + ");
  return {
    id: "ensemble-gain",
    title: `An α-ensemble beats the best single checkpoint at pass@${search.budget}`,
    estimate: winner.gain,
    ci,
    level: search.bootstrap.level,
    verdict: directionalVerdict(ci, "above"),
    rule: `Supported when the selection-adjusted ${search.bootstrap.level * 100} % interval of the gain is above 0; contradicted when it is below 0; inconclusive otherwise.`,
    detail:
      `The searched best ensemble (${members}, ${search.method} search of up to ${search.maxMembers} members) reaches pass@${search.budget} ` +
      `${points(winner.gain).replace("points", "points over")} the best single checkpoint (α ${formatAlpha(search.bestSingle.alpha)}). ` +
      `The interval is adjusted for the search having picked it: ${adjusted.explanation}`,
  };
}

/**
 * `retraces`: whether the interpolation path (the monotone estimate over the evaluated α in [0, 1],
 * on the plotted axes) passes by the trained checkpoints. Null without trained checkpoints or
 * without A and B. The estimate is the largest distance from a trained checkpoint to the path, in
 * the axes' units; the verdict by retracesVerdict (an equivalence test of each checkpoint's offset
 * from the path against a tolerance of a share of the A–B distance).
 */
export function retracesClaim(
  matrix: SweepMatrix,
  slice: SliceBootstrap,
  axes: ClaimAxes,
  level: number,
): Claim | null {
  const { trained } = slice;
  const { a, b } = endpointIndices(matrix);
  if (!trained || trained.labels.length === 0 || a === null || b === null) return null;
  const inside = matrix.checkpoints.flatMap((cp, j) => (cp.alpha >= 0 && cp.alpha <= 1 ? [j] : []));
  const value = (estimates: MetricEstimates, id: MetricId) => estimates[id]?.value;
  const onAxes = (estimates: MetricEstimates) => {
    const [x, y] = [value(estimates, axes.x), value(estimates, axes.y)];
    return x === undefined || y === undefined || !Number.isFinite(x) || !Number.isFinite(y) ? null : { x, y };
  };
  const positions = inside.map((j) => onAxes(slice.estimates[j]));
  if (positions.some((position) => position === null)) return null;
  const checkpoints = trained.labels.flatMap((label, t) => {
    const position = onAxes(trained.estimates[t]);
    if (!position) return [];
    const [ex, ey] = [trained.estimates[t][axes.x], trained.estimates[t][axes.y]];
    const box =
      ex && ey && [ex.lower, ex.upper, ey.lower, ey.upper].every(Number.isFinite)
        ? { x: [ex.lower, ex.upper] as [number, number], y: [ey.lower, ey.upper] as [number, number] }
        : null;
    const column = (id: MetricId) => trained.resamples[t][METRIC_INDEX.get(id) as number];
    return [{ label, position, box, resamples: { x: column(axes.x), y: column(axes.y) } }];
  });
  if (checkpoints.length === 0) return null;
  const result = retraces(
    { alphas: inside.map((j) => matrix.checkpoints[j].alpha), positions: positions as ParetoPoint[] },
    {
      x: inside.map((j) => metricResamples(slice, j, axes.x)),
      y: inside.map((j) => metricResamples(slice, j, axes.y)),
    },
    checkpoints,
    level,
  );
  const [xMetric, yMetric] = [getMetric(axes.x), getMetric(axes.y)];
  const round = (value: number) => value.toFixed(4);
  const findings = result.findings.map(
    (finding) =>
      `${finding.label}: nearest α ${finding.alpha.toFixed(3)}, distance ${round(finding.distance)}, ` +
      `90 % interval of its offset [${round(finding.equivalenceCi[0])}, ${round(finding.equivalenceCi[1])}], ` +
      (finding.throughBox === null
        ? "its interval box is not known yet"
        : `the path ${finding.throughBox ? "passes through" : "misses"} its ${level * 100} % box`),
  );
  const count = result.findings.length;
  return {
    id: "retraces",
    title: "Interpolation retraces the trained checkpoints",
    estimate: result.estimate,
    ci: result.ci,
    level,
    verdict: result.verdict,
    rule:
      `Each trained checkpoint's offset from the interpolation path (the monotone estimate over the evaluated α in [0, 1]) at its nearest α, on ${xMetric.label} × ${yMetric.label}, ` +
      `against a tolerance of ${RETRACES_MARGIN_SHARE * 100} % of the A–B distance (${round(result.margin)}), intervals from the paired resamples of path and checkpoint: ` +
      `supported when every checkpoint's 90 % interval lies inside ± the tolerance (TOST); contradicted when some checkpoint's ${(100 - (RETRACES_ERROR * 100) / count).toFixed(count > 1 ? 1 : 0)} % interval (Bonferroni over ${count}) lies entirely outside it; inconclusive otherwise. ` +
      `The estimate is the largest distance from a trained checkpoint to the path, in the axes' units.`,
    detail: `${findings.join("; ")}.`,
  };
}

export interface ClaimOptions {
  /** `flat-solve-rate`'s equivalence margin, a fraction (0.02 = 2 points). */
  margin: number;
  axes: ClaimAxes;
  bootstrap: BootstrapOptions;
  /** The ensemble search at {@link claimEnsembleBudget} on the slice, when there is one. */
  ensemble: EnsembleSearchSummary | null;
}

export const DEFAULT_CLAIM_OPTIONS: Omit<ClaimOptions, "axes" | "ensemble"> = {
  margin: DEFAULT_EQUIVALENCE_MARGIN,
  bootstrap: DEFAULT_BOOTSTRAP,
};

/**
 * Every claim whose data is there, in {@link CLAIM_IDS} order: the tradeoffs and the flat solve rate
 * need A and B; the extrapolation claims need an evaluated α outside [0, 1] that did not collapse and
 * one inside; the ensemble claim needs a searched ensemble with an adjusted interval.
 */
export function sliceClaims(matrix: SweepMatrix, slice: SliceBootstrap, options: ClaimOptions): Claim[] {
  const { level } = options.bootstrap;
  const { a, b } = endpointIndices(matrix);
  const claims: (Claim | null)[] = [];
  if (a !== null && b !== null) {
    claims.push(
      tradeoffClaim(slice, b, level, {
        id: "tradeoff-time-limit",
        metric: "timeLimitShare",
        side: "below",
        title: "More coverage lowers time-limit failures",
        words: "the claim: it falls",
      }),
      tradeoffClaim(slice, b, level, {
        id: "tradeoff-wrong-answer",
        metric: "wrongAnswerShare",
        side: "above",
        title: "More coverage raises wrong answers",
        words: "the claim: it rises",
      }),
    );
    const change = solveRateChange(slice, a, b);
    claims.push(change && flatSolveRateClaim(change.estimate, change.ci90, change.ci95, options.margin));
  }
  claims.push(extrapolationClaim(matrix, slice, options.axes, level));
  claims.push(complementaryClaim(matrix, slice, options.bootstrap));
  claims.push(options.ensemble && ensembleGainClaim(options.ensemble));
  claims.push(retracesClaim(matrix, slice, options.axes, level));
  return claims.filter((claim): claim is Claim => claim !== null);
}

/**
 * The bootstrap of each stratum and of their union, as {@link sliceClaims} reads it: one seeded
 * paired bootstrap (bootstrapFrontierStrata, the frontier's own) gives every slice — a difficulty is
 * one stratum, "all" their union resampled within each. `frontier`: that bootstrap when the caller
 * has it already (the frontier's intervals computed it).
 */
export function claimsBootstrap(
  matrix: SweepMatrix,
  strata: readonly ArrayLike<number>[],
  bootstrap: BootstrapOptions,
  // The trained checkpoints ride along in the same resamples (the α columns' results are unchanged).
  frontier = bootstrapFrontierStrata(withTrainedColumns(matrix).matrix, strata, bootstrap),
): { strata: SliceBootstrap[]; combined: SliceBootstrap } {
  const joined = withTrainedColumns(matrix);
  const labels = (matrix.trained ?? []).map((cp) => cp.label);
  const split = joined.alphaCount;
  const slice = (
    problems: ArrayLike<number>,
    estimates: MetricEstimates[],
    resamples: MetricResamples,
  ): SliceBootstrap => ({
    problems,
    estimates: estimates.slice(0, split),
    resamples: resamples.slice(0, split),
    collapsed: collapsedFlags(matrix.checkpoints, problems),
    ...(labels.length === 0
      ? {}
      : { trained: { labels, estimates: estimates.slice(split), resamples: resamples.slice(split) } }),
  });
  return {
    strata: strata.map((problems, s) => slice(problems, frontier.strata[s], frontier.resamples.strata[s])),
    combined: slice(unionOfStrata(strata).union, frontier.combined, frontier.resamples.combined),
  };
}
