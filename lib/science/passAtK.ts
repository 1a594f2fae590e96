/** The k for which pass@k is reported, where k ≤ n for every problem. */
export const STANDARD_KS = [1, 5, 10, 25, 50, 100, 250, 1000] as const;

function assertCounts(n: number, c: number): void {
  if (!Number.isInteger(n) || n < 0)
    throw new RangeError(`sample count n must be a non-negative integer, got ${n}`);
  if (!Number.isInteger(c) || c < 0 || c > n) {
    throw new RangeError(`passing count c must be an integer in [0, n = ${n}], got ${c}`);
  }
}

function assertK(n: number, k: number): void {
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`k must be a positive integer, got ${k}`);
  if (k > n) throw new RangeError(`pass@${k} is undefined with only n = ${n} samples (needs k ≤ n)`);
}

/**
 * Unbiased pass@k for one problem (Chen et al. 2021): 1 − C(n−c, k)/C(n, k), and 1 when n − c < k.
 * Computed as a product of min(c, k) ratios, never with factorials, so it is stable for any n.
 * Throws a RangeError when k > n or the counts are not valid.
 */
export function passAtK(n: number, c: number, k: number): number {
  assertCounts(n, c);
  assertK(n, k);
  if (n - c < k) return 1;
  let noPass = 1;
  if (k <= c) {
    for (let j = 0; j < k; j++) noPass *= (n - c - j) / (n - j);
  } else {
    for (let i = n - c + 1; i <= n; i++) noPass *= (i - k) / i;
  }
  return 1 - noPass;
}

// Tables are rebuilt on demand; the cap keeps the cache small when many distinct n occur.
const TABLE_CACHE_LIMIT = 4_000_000;
const tableCache = new Map<string, Float64Array>();
let tableCacheSize = 0;

/**
 * The probability that k samples drawn without replacement from n contain no pass, for every
 * c = 0…n: entry c is C(n−c, k)/C(n, k). Built by the recurrence
 * C(n−c, k)/C(n−c+1, k) = (n−c+1−k)/(n−c+1) (the same ratios as {@link passAtK}), cached, so that
 * per-problem lookups in hot loops cost O(1). k = 0 gives a table of ones. Do not mutate the result.
 */
export function noPassTable(n: number, k: number): Float64Array {
  const key = `${n}:${k}`;
  const cached = tableCache.get(key);
  if (cached) return cached;
  if (!Number.isInteger(n) || n < 0 || !Number.isInteger(k) || k < 0 || k > n) {
    throw new RangeError(`no-pass table needs integers 0 ≤ k ≤ n, got n = ${n}, k = ${k}`);
  }
  const table = new Float64Array(n + 1);
  table[0] = 1;
  for (let c = 1; c <= n; c++) {
    const remaining = n - c + 1;
    table[c] = remaining > k ? (table[c - 1] * (remaining - k)) / remaining : 0;
  }
  if (tableCacheSize + table.length > TABLE_CACHE_LIMIT) {
    tableCache.clear();
    tableCacheSize = 0;
  }
  tableCache.set(key, table);
  tableCacheSize += table.length;
  return table;
}

/**
 * Sums of unbiased pass@k over the included problems, one per k of `ks`, and how many problems
 * there are (problems with n = 0 are skipped). Throws a RangeError when an included problem has
 * fewer samples than some k.
 *
 * pass@k depends only on (n, c), so the problems are first counted per (n, c) and each distinct
 * pair is evaluated once: O(problems + distinct n × (n + 1) × |ks|) instead of O(problems × |ks|).
 * When the sample counts vary so much that the histograms would outgrow the problem list, each
 * problem is looked up directly instead.
 */
export function sumPassAtK(
  n: ArrayLike<number>,
  c: ArrayLike<number>,
  ks: readonly number[],
  problems?: ArrayLike<number>,
): { sums: Float64Array; count: number } {
  for (const k of ks)
    if (!Number.isInteger(k) || k < 1) throw new RangeError(`k must be a positive integer, got ${k}`);
  const length = problems ? problems.length : n.length;
  const histogramBudget = 16 * length + 4096;
  const histograms = new Map<number, Int32Array>();
  let histogramCells = 0;
  let histogram: Int32Array = new Int32Array(0);
  let histogramN = -1;
  let count = 0;
  for (let i = 0; i < length; i++) {
    const p = problems ? problems[i] : i;
    const samples = n[p];
    if (samples === 0) continue;
    if (samples !== histogramN) {
      const known = histograms.get(samples);
      if (known) histogram = known;
      else {
        for (const k of ks) assertK(samples, k);
        histogramCells += samples + 1;
        if (histogramCells > histogramBudget) return sumPassAtKDirect(n, c, ks, problems);
        histogram = new Int32Array(samples + 1);
        histograms.set(samples, histogram);
      }
      histogramN = samples;
    }
    const passes = c[p];
    if (!(passes >= 0 && passes <= samples && Number.isInteger(passes))) assertCounts(samples, passes);
    histogram[passes]++;
    count++;
  }
  const sums = new Float64Array(ks.length);
  for (const [samples, counts] of histograms) {
    ks.forEach((k, j) => {
      const noPass = noPassTable(samples, k);
      let sum = 0;
      for (let passes = 0; passes <= samples; passes++) {
        if (counts[passes] !== 0) sum += counts[passes] * (1 - noPass[passes]);
      }
      sums[j] += sum;
    });
  }
  return { sums, count };
}

/** {@link sumPassAtK} one problem at a time, for sample counts too varied to histogram. */
function sumPassAtKDirect(
  n: ArrayLike<number>,
  c: ArrayLike<number>,
  ks: readonly number[],
  problems?: ArrayLike<number>,
): { sums: Float64Array; count: number } {
  const sums = new Float64Array(ks.length);
  let count = 0;
  const length = problems ? problems.length : n.length;
  for (let i = 0; i < length; i++) {
    const p = problems ? problems[i] : i;
    const samples = n[p];
    if (samples === 0) continue;
    const passes = c[p];
    assertCounts(samples, passes);
    ks.forEach((k, j) => {
      assertK(samples, k);
      sums[j] += 1 - noPassTable(samples, k)[passes];
    });
    count++;
  }
  return { sums, count };
}

/**
 * Mean unbiased pass@k over problems. `problems` lists the problem indices to include (all when
 * omitted); problems with n = 0 (not evaluated) are skipped. Throws a RangeError when an included
 * problem has fewer than k samples. NaN when no included problem has samples.
 */
export function meanPassAtK(
  n: ArrayLike<number>,
  c: ArrayLike<number>,
  k: number,
  problems?: ArrayLike<number>,
): number {
  const { sums, count } = sumPassAtK(n, c, [k], problems);
  return count === 0 ? Number.NaN : sums[0] / count;
}

/** The smallest sample count among the included problems with n > 0; 0 when there is none. */
export function minSamples(n: ArrayLike<number>, problems?: ArrayLike<number>): number {
  let min = Number.POSITIVE_INFINITY;
  const length = problems ? problems.length : n.length;
  for (let i = 0; i < length; i++) {
    const samples = n[problems ? problems[i] : i];
    if (samples > 0 && samples < min) min = samples;
  }
  return Number.isFinite(min) ? min : 0;
}

/** The k among `ks` for which pass@k is defined when every problem has at least `minN` samples. */
export function availableKs(minN: number, ks: readonly number[] = STANDARD_KS): number[] {
  return ks.filter((k) => k <= minN);
}
