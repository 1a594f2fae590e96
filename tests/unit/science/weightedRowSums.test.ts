import { describe, expect, it } from "vitest";
import { drawCounts } from "../../../lib/science/bootstrap";
import { createRng } from "../../../lib/science/random";
import {
  type RowRange,
  straightforwardWeightedRowSums,
  weightedRowSums,
} from "../../../lib/science/weightedRowSums";

const ROWS = 203;
const WIDTH = 37;
const RESAMPLES = 61;

/** Values of very different magnitudes, so that adding them in another order changes the bits. */
function randomTable(seed: number): Float64Array {
  const rng = createRng(seed);
  return Float64Array.from({ length: ROWS * WIDTH }, () => {
    const kind = rng();
    if (kind < 0.2) return 0;
    if (kind < 0.4) return Math.floor(rng() * 256);
    if (kind < 0.6) return rng() * 1e12;
    return rng();
  });
}

/** Bootstrap draws within each range, resample-major (counts[r × ROWS + i]), as the bootstrap makes them. */
function drawnCounts(ranges: readonly RowRange[], seed: number): Int32Array {
  const rng = createRng(seed);
  const counts = new Int32Array(ROWS * RESAMPLES);
  for (let r = 0; r < RESAMPLES; r++) {
    for (const { from, to } of ranges) drawCounts(rng, counts.subarray(r * ROWS + from, r * ROWS + to));
  }
  return counts;
}

/** The same counts problem-major (counts[i × RESAMPLES + r]), the straightforward loop's former layout. */
function problemMajor(counts: Int32Array): Int32Array {
  const transposed = new Int32Array(counts.length);
  for (let r = 0; r < RESAMPLES; r++) {
    for (let i = 0; i < ROWS; i++) transposed[i * RESAMPLES + r] = counts[r * ROWS + i];
  }
  return transposed;
}

/** The bits of every sum, so that equality means bit for bit (−0 and NaN payloads included). */
function bits(sums: Float64Array): BigUint64Array {
  return new BigUint64Array(sums.buffer);
}

// Strata of 1, 2, 3 and 4k + r rows: every remainder of the four-row groups, and an empty range.
const RANGES: RowRange[] = [
  { from: 0, to: 1 },
  { from: 1, to: 3 },
  { from: 3, to: 6 },
  { from: 6, to: 6 },
  { from: 6, to: 107 },
  { from: 107, to: ROWS },
];

describe("weightedRowSums", () => {
  const table = randomTable(1);
  const counts = drawnCounts(RANGES, 2);

  /** Both loops' sums over `rows` of `source`, the straightforward one on problem-major counts. */
  function bothWays(source: Float64Array, rows: RowRange) {
    const fast = new Float64Array(RESAMPLES * WIDTH);
    const reference = new Float64Array(RESAMPLES * WIDTH);
    weightedRowSums(source, WIDTH, counts, ROWS, RESAMPLES, rows, fast);
    const layout = { row: RESAMPLES, resample: 1 };
    straightforwardWeightedRowSums(source, WIDTH, problemMajor(counts), layout, RESAMPLES, rows, reference);
    return { fast, reference };
  }

  it("equals the straightforward loop bit for bit on every range of a random table", () => {
    for (const rows of [...RANGES, { from: 0, to: ROWS }]) {
      const { fast, reference } = bothWays(table, rows);
      expect(bits(fast)).toEqual(bits(reference));
    }
  });

  it("is checked on a table where the order of the additions shows in the bits", () => {
    const rows = { from: 0, to: ROWS };
    const inOrder = new Float64Array(RESAMPLES * WIDTH);
    weightedRowSums(table, WIDTH, counts, ROWS, RESAMPLES, rows, inOrder);
    // The same rows added last to first: a different rounding somewhere, so the test above can fail.
    const reversed = new Float64Array(RESAMPLES * WIDTH);
    for (let i = ROWS - 1; i >= 0; i--) {
      weightedRowSums(table, WIDTH, counts, ROWS, RESAMPLES, { from: i, to: i + 1 }, reversed);
    }
    expect(bits(reversed)).not.toEqual(bits(inOrder));
    // ... while the values agree to rounding: the same sums.
    reversed.forEach((sum, at) => {
      expect(Math.abs(sum - inOrder[at])).toBeLessThanOrEqual(1e-12 * Math.abs(inOrder[at]));
    });
  });

  it("adds a drawn row's weight times the row, and nothing for a row not drawn", () => {
    const small = Float64Array.from([1, 2, 10, 20, 100, 200, 1000, 2000, 0.5, 0.25]);
    // Two resamples over five rows of width 2: weights 3 0 1 0 2, and 0 1 0 0 0.
    const weights = Int32Array.from([3, 0, 1, 0, 2, 0, 1, 0, 0, 0]);
    const sums = new Float64Array(4);
    weightedRowSums(small, 2, weights, 5, 2, { from: 0, to: 5 }, sums);
    expect(Array.from(sums)).toEqual([3 * 1 + 100 + 2 * 0.5, 3 * 2 + 200 + 2 * 0.25, 10, 20]);
  });

  it("keeps a value that is not finite where the straightforward loop does (a row not drawn adds nothing)", () => {
    const odd = Float64Array.from(table);
    odd[5 * WIDTH + 3] = Number.POSITIVE_INFINITY;
    odd[150 * WIDTH] = Number.NaN;
    const { fast, reference } = bothWays(odd, { from: 0, to: ROWS });
    expect(bits(fast)).toEqual(bits(reference));
    expect(fast.some(Number.isNaN)).toBe(true);
    expect(fast.some((sum) => sum === Number.POSITIVE_INFINITY)).toBe(true);
  });
});
