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
  const histograms = new Map<number, Int32Array>();
  let cells = 0;
  for (let i = 0; i < problems.length; i++) {
    const samples = n[problems[i]];
    if (samples === 0 || histograms.has(samples)) continue;
    histograms.set(samples, new Int32Array(samples + 1));
    cells += samples + 1;
  }
  if (cells > histogramBudget(problems.length)) return null;
  const noPass = new Map(
    [...histograms.keys()].map((samples) => [samples, ks.map((k) => noPassTable(samples, k))]),
  );

  const { counts } = draws ?? drawProblemResamples(problems.length, options);
  const resampled = ks.map(() => new Array<number>(resamples));
  /** The distinct n of the current resample, in the order its sample first meets them. */
  const order: number[] = [];
  for (let r = 0; r < resamples; r++) {
    for (const samples of order) (histograms.get(samples) as Int32Array).fill(0);
    order.length = 0;
    let count = 0;
    let histogram: Int32Array = new Int32Array(0);
    let histogramN = -1;
    const drawn = r * problems.length;
    for (let i = 0; i < problems.length; i++) {
      const weight = counts[drawn + i];
      if (weight === 0) continue;
      const p = problems[i];
      const samples = n[p];
      if (samples === 0) continue;
      if (samples !== histogramN) {
        histogram = histograms.get(samples) as Int32Array;
        if (!order.includes(samples)) order.push(samples);
        histogramN = samples;
      }
      histogram[c[p]] += weight;
      count += weight;
    }
    ks.forEach((_, j) => {
      let total = 0;
      for (const samples of order) {
        const cells = histograms.get(samples) as Int32Array;
        const table = (noPass.get(samples) as Float64Array[])[j];
        let sum = 0;
        for (let passes = 0; passes <= samples; passes++) {
          if (cells[passes] !== 0) sum += cells[passes] * (1 - table[passes]);
        }
        total += sum;
      }
      resampled[j][r] = count === 0 ? Number.NaN : total / count;
    });
  }
  return ks.map((_, j) => {
    const [lower, upper] = percentileInterval(resampled[j], level);
    return { value: values[j], lower, upper };
  });
}
