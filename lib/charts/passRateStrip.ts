/** One α of a pass-rate strip: where it is drawn and how strongly (null where the problem was not evaluated). */
export interface StripCell {
  x: number;
  width: number;
  /** pass / n at this α; null when n = 0. */
  rate: number | null;
}

/**
 * A problem's pass rate at every evaluated α as a row of equal cells, α ascending left to right,
 * `width` pixels wide (cells keep a one-pixel gap when there is room for one).
 */
export function passRateStrip(n: readonly number[], pass: readonly number[], width: number): StripCell[] {
  const step = n.length === 0 ? 0 : width / n.length;
  const gap = step >= 4 ? 1 : 0;
  return n.map((count, i) => ({
    x: Number((i * step).toFixed(2)),
    width: Number((step - gap).toFixed(2)),
    rate: count > 0 ? pass[i] / count : null,
  }));
}
