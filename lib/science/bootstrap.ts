import { quantileSorted } from "d3";
import type { SweepMatrix } from "../domain/sweep";
import { emptyVerdictCounts, VERDICTS } from "../domain/verdicts";
import { clusterGroups } from "./clusterResample";
import {
  type BestSingle,
  bestSingle,
  type EnsembleMember,
  ensembleProblemPassProbabilities,
} from "./ensemblePassAtK";
import { METRICS, type MetricId } from "./metricRegistry";
import { type SliceSummary, sliceSummary, summarizeTotals } from "./metrics";
import { noPassTable } from "./passAtK";
import { createRng, randomIndex } from "./random";
import { weightedRowSums } from "./weightedRowSums";

/** A value with its confidence interval (95% unless another level was asked for). */
export interface Estimate {
  value: number;
  lower: number;
  upper: number;
}

export interface BootstrapOptions {
  resamples: number;
  seed: number;
  /** Confidence level of the percentile interval, e.g. 0.95. */
  level: number;
}

/**
 * The one bootstrap of every interval of an experiment version (frontier, pass@k curves, claims):
 * one seed, so the same figure shows the same interval on every page. 2 000 resamples put the
 * Monte-Carlo error of a 95 % percentile bound near 0.05 SE (200 left it near 0.16 SE).
 */
export const DEFAULT_BOOTSTRAP: BootstrapOptions = { resamples: 2000, seed: 20260527, level: 0.95 };

/**
 * The level of each of two intervals whose joint coverage is `level` (Bonferroni): 97.5 % each for
 * 95 % jointly. The between-α envelope (estimate.ts) takes its bounds from two neighbours at this level.
 */
export function jointLevel(level: number): number {
  return 1 - (1 - level) / 2;
}

/** The options with defaults filled in; a RangeError for a resample count or level that makes no sense. */
export function resolveBootstrapOptions(options: Partial<BootstrapOptions>): BootstrapOptions {
  const resolved = { ...DEFAULT_BOOTSTRAP, ...options };
  if (!Number.isInteger(resolved.resamples) || resolved.resamples < 1) {
    throw new RangeError(`resamples must be a positive integer, got ${resolved.resamples}`);
  }
  if (!(resolved.level > 0 && resolved.level < 1))
    throw new RangeError(`level must be in (0, 1), got ${resolved.level}`);
  return resolved;
}

/**
 * Positions of each cluster's problems, as clusterGroups gives them from the problems' cluster keys:
 * what a clustered draw draws (grouped once per bootstrap, not once per resample).
 */
export type ProblemClusters = readonly (readonly number[])[];

/**
 * Draws one resample: how many times each of `size` problems was drawn (with replacement, `size`
 * draws). Every bootstrap here draws through this function, so one seed gives the same resampled
 * problem sets everywhere (paired comparisons across checkpoints and calls). With `clusters` it
 * draws clusters instead, as many as there are, each bringing all its problems (the draw of
 * clusterResampleIndices); clusters of one problem each draw exactly as without.
 */
export function drawCounts(
  rng: () => number,
  counts: Int32Array,
  clusters: ProblemClusters | null = null,
): void {
  counts.fill(0);
  if (clusters !== null) {
    for (let draw = 0; draw < clusters.length; draw++)
      for (const problem of clusters[randomIndex(rng, clusters.length)]) counts[problem]++;
    return;
  }
  for (let i = 0; i < counts.length; i++) counts[randomIndex(rng, counts.length)]++;
}

/** The clusters of `problems` (positions in it) when the matrix is resampled by cluster, else null. */
export function clustersOf(matrix: SweepMatrix, problems: ArrayLike<number>): ProblemClusters | null {
  const keys = matrix.clusters?.keys;
  return keys ? clusterGroups(Array.from(problems, (problem) => keys[problem])) : null;
}

/**
 * Moves the (k − from)-th smallest of a[from..to] to position k, the smaller ones before it and the
 * larger after (Hoare's selection, median-of-three pivot). Ties and ±0 compare equal.
 */
function selectInPlace(a: Float64Array, k: number, from: number, to: number): void {
  let lo = from;
  let hi = to;
  while (hi > lo) {
    const mid = (lo + hi) >> 1;
    // The median of a[lo], a[mid], a[hi] as the pivot: no quadratic case on sorted input.
    const x = a[lo];
    const y = a[mid];
    const z = a[hi];
    const pivot = Math.max(Math.min(x, y), Math.min(Math.max(x, y), z));
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        const swap = a[i];
        a[i] = a[j];
        a[j] = swap;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return;
  }
}

/**
 * The finite values in a new array, sorted where a percentile interval with tails of at most `tail`
 * on each side reads (quantileSorted's positions i0 and i0 + 1): each end's `tail` share sorted and
 * in its place, the middle in any order. Selecting the two ends and sorting only them takes a tenth
 * of the time of sorting all 2 000 resamples (docs/performance.md), and interval bounds were most of
 * the statistics job's time. The bounds are a full sort's, but for the sign of a zero bound (−0 and
 * +0 compare equal when the ends are selected), which JSON does not show.
 */
export function tailsSorted(values: ArrayLike<number>, tail: number): Float64Array {
  const all = new Float64Array(values.length);
  let finite = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (Number.isFinite(value)) all[finite++] = value;
  }
  const sorted = finite === all.length ? all : all.subarray(0, finite);
  const last = finite - 1;
  // The last position a lower bound reads and the first an upper bound reads.
  const lowEnd = Math.floor(last * Math.max(0, tail)) + 1;
  const highStart = Math.floor(last * (1 - Math.max(0, tail)));
  if (!(tail < 0.5) || lowEnd + 1 >= highStart) return sorted.sort();
  selectInPlace(sorted, lowEnd, 0, last);
  sorted.subarray(0, lowEnd + 1).sort();
  selectInPlace(sorted, highStart, lowEnd + 1, last);
  sorted.subarray(highStart).sort();
  return sorted;
}

/** Percentile interval at `level` of values arranged by {@link tailsSorted}; NaN bounds when empty. */
export function sortedPercentileInterval(sorted: ArrayLike<number>, level: number): [number, number] {
  const tail = (1 - level) / 2;
  // d3's types ask for an array; quantileSorted reads only the length and two entries.
  const values = sorted as unknown as number[];
  return [quantileSorted(values, tail) ?? Number.NaN, quantileSorted(values, 1 - tail) ?? Number.NaN];
}

/** Percentile interval of the finite values; NaN bounds when there are none. */
export function percentileInterval(values: ArrayLike<number>, level: number): [number, number] {
  return sortedPercentileInterval(tailsSorted(values, (1 - level) / 2), level);
}

/**
 * Seeded percentile bootstrap over problems for any statistic of a problem set: `statistic` gets
 * the resampled problem indices (with repeats) and is also evaluated on `problems` for the value.
 * With `clusters` (of positions in `problems`, see clustersOf) it resamples clusters (drawCounts).
 */
export function bootstrapCI(
  statistic: (problems: Int32Array) => number,
  problems: ArrayLike<number>,
  options: Partial<BootstrapOptions> = {},
  clusters: ProblemClusters | null = null,
): Estimate {
  const { resamples, seed, level } = resolveBootstrapOptions(options);
  const rng = createRng(seed);
  const counts = new Int32Array(problems.length);
  let sample = new Int32Array(problems.length);
  const values: number[] = [];
  for (let r = 0; r < resamples; r++) {
    drawCounts(rng, counts, clusters);
    // A cluster resample's size varies with the clusters drawn.
    const size = clusters === null ? counts.length : counts.reduce((sum, count) => sum + count, 0);
    if (size > sample.length) sample = new Int32Array(size);
    let at = 0;
    for (let i = 0; i < counts.length; i++) for (let c = 0; c < counts[i]; c++) sample[at++] = problems[i];
    values.push(statistic(size === sample.length ? sample : sample.subarray(0, size)));
  }
  const [lower, upper] = percentileInterval(values, level);
  return { value: statistic(Int32Array.from(problems)), lower, upper };
}

/** An estimate with its bounds also at the Bonferroni level {@link jointLevel} (97.5 % for 95 %). */
export interface JointEstimate extends Estimate {
  lowerJoint: number;
  upperJoint: number;
}

/**
 * A checkpoint's metric with its interval, and its paired change against each endpoint (A: α = 0,
 * B: α = 1): value exactly the metric minus the endpoint's, interval from the differences in the same
 * problem resamples; null when that endpoint is not evaluated or the metric has no value there.
 */
export interface CheckpointEstimate extends JointEstimate {
  deltaA: JointEstimate | null;
  deltaB: JointEstimate | null;
}

/** Every registry metric defined for one checkpoint, with its bootstrap interval. */
export type MetricEstimates = Partial<Record<MetricId, CheckpointEstimate>>;

/** Every registry metric's value in every resample, per checkpoint: [checkpoint][metric index][resample]. */
export type MetricResamples = Float64Array[][];

// Per-problem whole-number counts of one checkpoint, in this order: evaluated (1) or not (0), the
// samples of each verdict, the passing samples with a known runtime.
const PRESENT = 0;
const VERDICT = 1;
const RUNTIME_COUNT = VERDICT + VERDICTS.length;
const COUNTS = RUNTIME_COUNT + 1;

/**
 * A problem-major table: for each problem, every checkpoint's per-problem columns side by side: its
 * counts (two to a column when `scale` > 1, see countScale), then the solve rate, the runtime sum and
 * one pass@k column per k.
 */
interface ProblemTable {
  table: Float64Array;
  width: number;
  /** Where each checkpoint's columns start within a row. */
  offsets: number[];
  /** The k with a pass@k column, per checkpoint (a column is 0 on rows with n < k). */
  ks: number[][];
  /** Count t is in column ⌊t / 2⌋ as low + high × scale (t odd: high); 1: one count per column. */
  scale: number;
}

/**
 * The scale that lets two whole-number counts share a column as low + high × scale: a power of two
 * above any resample's sum of one count (the weights of a resample add up to at most `rows`, each
 * count is at most `largest`), as long as high × scale + low stays below 2⁵³, so every partial sum
 * is an exact integer and each count is read back exactly. The row sums then do less work (4
 * columns of counts a checkpoint instead of 8: 12 columns instead of 16 with 6 pass@k) with the same
 * results. 1 (no sharing) for a sweep too large, or counts that are not whole numbers ≥ 0.
 */
export function countScale(rows: number, largest: number, wholeNumbers: boolean): number {
  const bound = rows * largest;
  const scale = 2 ** Math.ceil(Math.log2(bound + 1));
  return wholeNumbers && bound * scale + bound < 2 ** 53 ? scale : 1;
}

/** Where a checkpoint's columns after its counts start. */
function afterCounts(scale: number): number {
  return scale > 1 ? Math.ceil(COUNTS / 2) : COUNTS;
}

/** Every count of checkpoint `cp` on problem p, in the order above. */
function problemCounts(cp: SweepMatrix["checkpoints"][number], p: number, counts: number[]): void {
  counts[PRESENT] = cp.n[p] > 0 ? 1 : 0;
  VERDICTS.forEach((v, index) => {
    counts[VERDICT + index] = cp.verdicts[v][p];
  });
  counts[RUNTIME_COUNT] = Math.max(cp.runtimeCount[p], 0);
}

function buildProblemTable(matrix: SweepMatrix, problems: ArrayLike<number>, ks: number[][]): ProblemTable {
  const counts = new Array<number>(COUNTS).fill(0);
  let largest = 1;
  let wholeNumbers = true;
  for (const cp of matrix.checkpoints) {
    for (let i = 0; i < problems.length; i++) {
      problemCounts(cp, problems[i], counts);
      for (const count of counts) {
        largest = Math.max(largest, count);
        wholeNumbers &&= Number.isInteger(count) && count >= 0;
      }
    }
  }
  const scale = countScale(problems.length, largest, wholeNumbers);
  const solve = afterCounts(scale);
  const offsets: number[] = [];
  let width = 0;
  for (const list of ks) {
    offsets.push(width);
    width += solve + 2 + list.length;
  }
  const table = new Float64Array(problems.length * width);
  matrix.checkpoints.forEach((cp, j) => {
    let noPass: (Float64Array | null)[] = [];
    let tableN = -1;
    for (let i = 0; i < problems.length; i++) {
      const p = problems[i];
      const n = cp.n[p];
      if (n === 0) continue;
      if (n !== tableN) {
        noPass = ks[j].map((k) => (k <= n ? noPassTable(n, k) : null));
        tableN = n;
      }
      const at = i * width + offsets[j];
      const pass = cp.verdicts.pass[p];
      problemCounts(cp, p, counts);
      for (let t = 0; t < COUNTS; t++) {
        if (scale > 1) table[at + (t >> 1)] += t % 2 === 1 ? counts[t] * scale : counts[t];
        else table[at + t] = counts[t];
      }
      table[at + solve] = pass / n;
      if (cp.runtimeCount[p] > 0) table[at + solve + 1] = cp.runtimeMeanMs[p] * cp.runtimeCount[p];
      for (let index = 0; index < noPass.length; index++) {
        const column = noPass[index];
        if (column) table[at + solve + 2 + index] = 1 - column[pass];
      }
    }
  });
  return { table, width, offsets, ks, scale };
}

/** Count t of the checkpoint whose columns start at `at`, from one resample's sums. */
function countFromSums(sums: Float64Array, at: number, t: number, scale: number): number {
  if (scale === 1) return sums[at + t];
  const shared = sums[at + (t >> 1)];
  const high = Math.floor(shared / scale);
  return t % 2 === 1 ? high : shared - high * scale;
}

/** The summary of checkpoint j from one resample's weighted totals, with pass@k for `validKs`. */
function summaryFromSums(
  { offsets, ks, scale }: ProblemTable,
  j: number,
  sums: Float64Array,
  validKs: readonly number[],
): SliceSummary {
  const at = offsets[j];
  const solve = at + afterCounts(scale);
  const verdicts = emptyVerdictCounts();
  for (let index = 0; index < VERDICTS.length; index++) {
    verdicts[VERDICTS[index]] = countFromSums(sums, at, VERDICT + index, scale);
  }
  return summarizeTotals({
    problems: countFromSums(sums, at, PRESENT, scale),
    verdicts,
    solveRateSum: sums[solve],
    runtimeSumMs: sums[solve + 1],
    runtimeCount: countFromSums(sums, at, RUNTIME_COUNT, scale),
    ks: validKs,
    passAtKSums: validKs.map((k) => sums[solve + 2 + ks[j].indexOf(k)]),
  });
}

/** The k > 1 with pass@k in a summary (pass@1 is the solve rate: no registry metric of its own). */
function passAtKsAbove1(summary: SliceSummary): number[] {
  return Object.keys(summary.passAtK)
    .map(Number)
    .filter((k) => k > 1);
}

/** A value with its percentile interval at `level` and at the joint level, from its resamples. */
function jointEstimate(value: number, samples: ArrayLike<number>, level: number): JointEstimate {
  // The interval at `level` has the wider tails; the joint one reads within them.
  const sorted = tailsSorted(samples, (1 - level) / 2);
  const [lower, upper] = sortedPercentileInterval(sorted, level);
  const [lowerJoint, upperJoint] = sortedPercentileInterval(sorted, jointLevel(level));
  return { value, lower, upper, lowerJoint, upperJoint };
}

/** Checkpoint indices of the endpoints A (α = 0) and B (α = 1) in a matrix; null when not evaluated. */
export function endpointIndices(matrix: SweepMatrix): { a: number | null; b: number | null } {
  const index = (alpha: number) => {
    const at = matrix.checkpoints.findIndex((cp) => cp.alpha === alpha);
    return at < 0 ? null : at;
  };
  return { a: index(0), b: index(1) };
}

/**
 * Point values and percentile intervals of every registry metric, per checkpoint, with the paired
 * change against each endpoint (the same resample's difference: paired, so the problems' shared
 * difficulty cancels).
 */
function estimatesFrom(
  summaries: readonly SliceSummary[],
  samples: MetricResamples,
  level: number,
  endpoints: { a: number | null; b: number | null },
): MetricEstimates[] {
  const values = summaries.map((summary) => METRICS.map((metric) => metric.value(summary)));
  const delta = (j: number, m: number, endpoint: number | null): JointEstimate | null => {
    if (endpoint === null) return null;
    const value = values[j][m];
    const reference = values[endpoint][m];
    if (value === null || reference === null) return null;
    const differences = samples[j][m].map((sample, r) => sample - samples[endpoint][m][r]);
    return jointEstimate(value - reference, differences, level);
  };
  return summaries.map((_, j) => {
    const estimates: MetricEstimates = {};
    METRICS.forEach((metric, m) => {
      const value = values[j][m];
      if (value === null) return;
      estimates[metric.id] = {
        ...jointEstimate(value, samples[j][m], level),
        deltaA: delta(j, m, endpoints.a),
        deltaB: delta(j, m, endpoints.b),
      };
    });
    return estimates;
  });
}

export interface StratifiedFrontier {
  /** Estimates over each stratum alone, in the order of the strata given. */
  strata: MetricEstimates[][];
  /** Estimates over the union of the strata, every stratum resampled within itself. */
  combined: MetricEstimates[];
  /** Every metric's resampled values behind the estimates (for probable Pareto sets). */
  resamples: { strata: MetricResamples[]; combined: MetricResamples };
}

/** The strata's problems one after another, and where each stratum's rows are in that list. */
export function unionOfStrata(strata: readonly ArrayLike<number>[]): {
  union: Int32Array;
  bounds: { from: number; to: number }[];
} {
  const union = new Int32Array(strata.reduce((size, stratum) => size + stratum.length, 0));
  const bounds: { from: number; to: number }[] = [];
  for (const stratum of strata) {
    const from = bounds.length === 0 ? 0 : bounds[bounds.length - 1].to;
    union.set(Array.from(stratum), from);
    bounds.push({ from, to: from + stratum.length });
  }
  return { union, bounds };
}

/**
 * Point values and percentile intervals of every registry metric for every checkpoint (matrix
 * order), over each of several disjoint problem sets (strata, e.g. difficulties) and over their
 * union, from one seeded bootstrap shared by all checkpoints (paired). Each resample draws every
 * stratum's problems with replacement from that stratum, so the union's resamples keep its
 * composition (a stratified bootstrap) and cost nothing beyond the strata's (their sums add up).
 */
export function bootstrapFrontierStrata(
  matrix: SweepMatrix,
  strata: readonly ArrayLike<number>[],
  options: Partial<BootstrapOptions> = {},
): StratifiedFrontier {
  const { resamples, seed, level } = resolveBootstrapOptions(options);
  const { union, bounds } = unionOfStrata(strata);
  const stratumSummaries = strata.map((stratum) => matrix.checkpoints.map((cp) => sliceSummary(cp, stratum)));
  const combinedSummaries = matrix.checkpoints.map((cp) => sliceSummary(cp, union));
  // Columns for every k some stratum can report; each summary then reads the k valid for it.
  const ks = matrix.checkpoints.map((_, j) => {
    const all = new Set(stratumSummaries.flatMap((summaries) => passAtKsAbove1(summaries[j])));
    return [...all].sort((a, b) => a - b);
  });
  const table = buildProblemTable(matrix, union, ks);

  // How often each problem is drawn in each resample, resample-major: counts[r × problems + i].
  const rng = createRng(seed);
  const counts = new Int32Array(union.length * resamples);
  // Clusters are drawn within each stratum (a contest's problems of one difficulty form a cluster).
  const clusters = strata.map((stratum) => clustersOf(matrix, stratum));
  for (let r = 0; r < resamples; r++) {
    const resample = r * union.length;
    bounds.forEach(({ from, to }, s) => {
      drawCounts(rng, counts.subarray(resample + from, resample + to), clusters[s]);
    });
  }
  const stratumSums = bounds.map((rows) => {
    const sums = new Float64Array(table.width * resamples);
    weightedRowSums(table.table, table.width, counts, union.length, resamples, rows, sums);
    return sums;
  });
  const combinedSums = new Float64Array(table.width * resamples);
  for (const sums of stratumSums) for (let q = 0; q < sums.length; q++) combinedSums[q] += sums[q];

  const resampled = (summaries: readonly SliceSummary[], sums: Float64Array): MetricResamples => {
    const samples = summaries.map(() => METRICS.map(() => new Float64Array(resamples).fill(Number.NaN)));
    const validKs = summaries.map(passAtKsAbove1);
    for (let r = 0; r < resamples; r++) {
      const resampleSums = sums.subarray(r * table.width, (r + 1) * table.width);
      summaries.forEach((_, j) => {
        const summary = summaryFromSums(table, j, resampleSums, validKs[j]);
        METRICS.forEach((metric, m) => {
          samples[j][m][r] = metric.value(summary) ?? Number.NaN;
        });
      });
    }
    return samples;
  };
  const endpoints = endpointIndices(matrix);
  const stratumResamples = stratumSummaries.map((summaries, s) => resampled(summaries, stratumSums[s]));
  const combinedResamples = resampled(combinedSummaries, combinedSums);
  return {
    strata: stratumSummaries.map((summaries, s) =>
      estimatesFrom(summaries, stratumResamples[s], level, endpoints),
    ),
    combined: estimatesFrom(combinedSummaries, combinedResamples, level, endpoints),
    resamples: { strata: stratumResamples, combined: combinedResamples },
  };
}

/**
 * Point values and percentile intervals of every registry metric for every checkpoint (matrix
 * order) over `problems`, from one seeded bootstrap over problems shared by all checkpoints
 * (paired). All resamples are summed over one problem-major table of per-problem values.
 */
export function bootstrapFrontier(
  matrix: SweepMatrix,
  problems: ArrayLike<number>,
  options: Partial<BootstrapOptions> = {},
): MetricEstimates[] {
  return bootstrapFrontierStrata(matrix, [problems], options).combined;
}

/**
 * The gain of an ensemble's pass@K (K = Σ k_i) over the best single checkpoint at the same K on
 * `problems`, with a paired bootstrap interval (both fixed, problems resampled); null when no
 * single checkpoint has n ≥ K on every problem.
 */
export function bootstrapEnsembleGain(
  matrix: SweepMatrix,
  members: readonly EnsembleMember[],
  problems: ArrayLike<number>,
  options: Partial<BootstrapOptions> = {},
): (Estimate & { baseline: BestSingle }) | null {
  const budget = members.reduce((sum, member) => sum + member.k, 0);
  const baseline = bestSingle(matrix, budget, problems);
  if (!baseline) return null;
  return { ...bootstrapGainOver(matrix, members, baseline.checkpoint, problems, options), baseline };
}

/**
 * The gain of an ensemble's pass@K over one given checkpoint alone at the same K on `problems`,
 * with a paired bootstrap interval over problems (by cluster when the matrix says so).
 */
export function bootstrapGainOver(
  matrix: SweepMatrix,
  members: readonly EnsembleMember[],
  baseline: number,
  problems: ArrayLike<number>,
  options: Partial<BootstrapOptions> = {},
): Estimate {
  const { resamples, seed, level } = resolveBootstrapOptions(options);
  const budget = members.reduce((sum, member) => sum + member.k, 0);
  const ensemble = ensembleProblemPassProbabilities(matrix, members, problems);
  const single = ensembleProblemPassProbabilities(matrix, [{ checkpoint: baseline, k: budget }], problems);
  let ensembleSum = 0;
  let singleSum = 0;
  for (let i = 0; i < ensemble.length; i++) {
    ensembleSum += ensemble[i];
    singleSum += single[i];
  }
  const rng = createRng(seed);
  const counts = new Int32Array(problems.length);
  const clusters = clustersOf(matrix, problems);
  const values: number[] = [];
  for (let r = 0; r < resamples; r++) {
    drawCounts(rng, counts, clusters);
    let sum = 0;
    // A cluster resample's size varies with the clusters drawn; a problem resample's is the count.
    let drawn = 0;
    for (let i = 0; i < counts.length; i++) {
      sum += counts[i] * (ensemble[i] - single[i]);
      drawn += counts[i];
    }
    values.push(sum / drawn);
  }
  const [lower, upper] = percentileInterval(values, level);
  return { value: ensembleSum / ensemble.length - singleSum / single.length, lower, upper };
}
