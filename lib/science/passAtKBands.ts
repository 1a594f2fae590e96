import {
  type BootstrapOptions,
  drawCounts,
  type Estimate,
  type ProblemClusters,
  percentileInterval,
  resolveBootstrapOptions,
} from "./bootstrap";
import { meanPassAtK, noPassTable } from "./passAtK";
import { createRng } from "./random";

/**
 * The resamples of one seeded bootstrap over `size` problem positions, drawn once and read by every
 * checkpoint's bands: the draws depend only on the seed and the number of problems, so the 41 curves
 * of a sweep need not draw 41 times (the draws were most of the bands' time: see
 * docs/performance.md). counts[r × size + i]: how often resample r drew position i.
 */
export interface ProblemResamples {
  size: number;
  seed: number;
  resamples: number;
  /** The clusters drawn instead of single problems (positions), or null. */
  clusters: ProblemClusters | null;
  counts: Int32Array;
}

/**
 * bootstrapCI's resamples of `size` problems for these options (drawCounts, one seed), by cluster
 * when `clusters` are given, drawn once.
 */
export function drawProblemResamples(
  size: number,
  options: Partial<BootstrapOptions> = {},
  clusters: ProblemClusters | null = null,
): ProblemResamples {
  const { resamples, seed } = resolveBootstrapOptions(options);
  const rng = createRng(seed);
  const counts = new Int32Array(resamples * size);
  for (let r = 0; r < resamples; r++) drawCounts(rng, counts.subarray(r * size, (r + 1) * size), clusters);
  return { size, seed, resamples, clusters, counts };
}

/** Histogram cells meanPassAtK allows before it sums problem by problem (see sumPassAtK). */
function histogramBudget(problems: number): number {
  return 16 * problems + 4096;
}

/**
 * Mean pass@k over `problems` at each k of `ks` with its percentile interval: exactly, bit for bit,
 * what `bootstrapCI((sample) => meanPassAtK(n, c, k, sample), problems, options, draws.clusters)` gives for each k,
 * at a fraction of the cost. bootstrapCI with one seed draws the same resamples for every k, and
 * meanPassAtK of a resample depends only on its (n, c) histogram, so each resample's histograms
 * are built once from the draw counts (no materialised sample) and every k is read from them,
 * adding in meanPassAtK's order. Null when the sample counts are so varied that meanPassAtK would
 * sum problem by problem instead: the caller then uses bootstrapCI itself. `draws`, when given,
 * are these options' resamples of `problems.length` problems (drawProblemResamples), shared by
 * every checkpoint's call; a RangeError when they are another bootstrap's.
 */
export function passAtKBands(
  n: ArrayLike<number>,
  c: ArrayLike<number>,
  ks: readonly number[],
  problems: ArrayLike<number>,
  options: Partial<BootstrapOptions> = {},
  draws?: ProblemResamples,
): Estimate[] | null {
  const { resamples, seed, level } = resolveBootstrapOptions(options);
  if (draws && (draws.size !== problems.length || draws.seed !== seed || draws.resamples !== resamples)) {
    throw new RangeError("the draws are not this bootstrap's resamples of these problems");
  }
  // Point values first: they validate every count and k the resamples will read.
  const values = ks.map((k) => meanPassAtK(n, c, k, problems));
  // The distinct sample counts, each with its histogram and its pass@k table, c-major:
  // passTable[c × |ks| + j] = pass@ks[j] at c passes, so one cell's every k is read in a row.
  const sizeIndex = new Map<number, number>();
  const histograms: Int32Array[] = [];
  const passTables: Float64Array[] = [];
  /** Which histogram each position's problem adds to (−1: not evaluated). */
  const histogramOf = new Int32Array(problems.length).fill(-1);
  let cells = 0;
  for (let i = 0; i < problems.length; i++) {
    const samples = n[problems[i]];
    if (samples === 0) continue;
    let index = sizeIndex.get(samples);
    if (index === undefined) {
      index = histograms.length;
      sizeIndex.set(samples, index);
      histograms.push(new Int32Array(samples + 1));
      cells += samples + 1;
    }
    histogramOf[i] = index;
  }
  if (cells > histogramBudget(problems.length)) return null;
  const width = ks.length;
  for (const histogram of histograms) {
    const samples = histogram.length - 1;
    const table = new Float64Array(histogram.length * width);
    ks.forEach((k, j) => {
      const noPass = noPassTable(samples, k);
      for (let passes = 0; passes <= samples; passes++) table[passes * width + j] = 1 - noPass[passes];
    });
    passTables.push(table);
  }

  const { counts } = draws ?? drawProblemResamples(problems.length, options);
  const resampled = ks.map(() => new Float64Array(resamples));
  /** The histograms of the current resample, in the order its sample first meets them. */
  const order: number[] = [];
  const totals = new Float64Array(width);
  const sums = new Float64Array(width);
  for (let r = 0; r < resamples; r++) {
    for (const index of order) histograms[index].fill(0);
    order.length = 0;
    let count = 0;
    let last = -1;
    const drawn = r * problems.length;
    for (let i = 0; i < problems.length; i++) {
      const weight = counts[drawn + i];
      const index = histogramOf[i];
      if (weight === 0 || index < 0) continue;
      if (index !== last && !order.includes(index)) order.push(index);
      last = index;
      histograms[index][c[problems[i]]] += weight;
      count += weight;
    }
    // Each k adds its cells in ascending c and the histograms in order, as meanPassAtK does.
    totals.fill(0);
    for (const index of order) {
      const histogram = histograms[index];
      const table = passTables[index];
      sums.fill(0);
      for (let passes = 0; passes < histogram.length; passes++) {
        const weight = histogram[passes];
        if (weight === 0) continue;
        const row = passes * width;
        for (let j = 0; j < width; j++) sums[j] += weight * table[row + j];
      }
      for (let j = 0; j < width; j++) totals[j] += sums[j];
    }
    for (let j = 0; j < width; j++) resampled[j][r] = count === 0 ? Number.NaN : totals[j] / count;
  }
  return ks.map((_, j) => {
    const [lower, upper] = percentileInterval(resampled[j], level);
    return { value: values[j], lower, upper };
  });
}
