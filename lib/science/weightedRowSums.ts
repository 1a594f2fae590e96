/**
 * The bootstrap's inner product: for every resample r, Σ_i counts(i, r) × row i of a problem-major
 * table, over rows [from, to). Two loops give the same sums bit for bit: every sum adds its terms in
 * ascending row order, one rounding per product and one per addition.
 */

/** Rows [from, to) of a table. */
export interface RowRange {
  from: number;
  to: number;
}

/** Where count (i, r) is: counts[i × row + r × resample]. */
export interface CountsLayout {
  row: number;
  resample: number;
}

/**
 * The straightforward loop, the reference {@link weightedRowSums} must equal (tests, and the baseline
 * of `npm run bench:science`, where counts are problem-major: { row: resamples, resample: 1 }). Each
 * table row is read once for all resamples, but every row updates all R × width sums, which exceed
 * the cache.
 */
export function straightforwardWeightedRowSums(
  table: Float64Array,
  width: number,
  counts: Int32Array,
  layout: CountsLayout,
  resamples: number,
  rows: RowRange,
  sums: Float64Array,
): void {
  for (let i = rows.from; i < rows.to; i++) {
    const base = i * width;
    for (let r = 0; r < resamples; r++) {
      const weight = counts[i * layout.row + r * layout.resample];
      if (weight === 0) continue;
      const out = r * width;
      for (let q = 0; q < width; q++) sums[out + q] += weight * table[base + q];
    }
  }
}

/** Rows added per load and store of a sum. */
const ROW_GROUP = 4;

/**
 * The same sums as {@link straightforwardWeightedRowSums}, bit for bit, in about half the time (see
 * docs/performance.md). `counts` is resample-major, counts[r × rowCount + i], the order the draws
 * are made in. Resample by resample, it lists the rows drawn (weight > 0) in ascending order and
 * adds them four at a time per load and store of a sum, as ((((s + a) + b) + c) + d): the same
 * additions in the same order as four passes, with one resample's sums (a row of the output) in
 * the first-level cache throughout. Measured against the straightforward loop and against tiling
 * both loops by blocks of resamples and columns (a 1.5× gain) before choosing this one.
 */
export function weightedRowSums(
  table: Float64Array,
  width: number,
  counts: Int32Array,
  rowCount: number,
  resamples: number,
  rows: RowRange,
  sums: Float64Array,
): void {
  const drawn = new Int32Array(rows.to - rows.from);
  const weights = new Int32Array(rows.to - rows.from);
  for (let r = 0; r < resamples; r++) {
    let size = 0;
    for (let i = rows.from; i < rows.to; i++) {
      const weight = counts[r * rowCount + i];
      if (weight === 0) continue;
      drawn[size] = i * width;
      weights[size] = weight;
      size++;
    }
    const out = r * width;
    const grouped = size - (size % ROW_GROUP);
    for (let k = 0; k < grouped; k += ROW_GROUP) {
      const a = drawn[k];
      const b = drawn[k + 1];
      const c = drawn[k + 2];
      const d = drawn[k + 3];
      const wa = weights[k];
      const wb = weights[k + 1];
      const wc = weights[k + 2];
      const wd = weights[k + 3];
      for (let q = 0; q < width; q++) {
        sums[out + q] =
          sums[out + q] + wa * table[a + q] + wb * table[b + q] + wc * table[c + q] + wd * table[d + q];
      }
    }
    for (let k = grouped; k < size; k++) {
      const base = drawn[k];
      const weight = weights[k];
      for (let q = 0; q < width; q++) sums[out + q] += weight * table[base + q];
    }
  }
}
