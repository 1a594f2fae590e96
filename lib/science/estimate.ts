/** A measured value at one evaluated α, with an optional interval. */
export interface Knot {
  alpha: number;
  value: number;
  lower?: number;
  upper?: number;
}

export type InterpolationMethod = "linear" | "monotone";

/**
 * A value at some α: measured when α was evaluated, otherwise an estimate from the two evaluated
 * neighbours (which are the same α when measured). lower/upper are null when the knots carry none.
 */
export interface AlphaEstimate {
  value: number;
  lower: number | null;
  upper: number | null;
  measured: boolean;
  neighbours: [number, number];
}

/** Evaluates one interpolated series on interval i at α (x[i] ≤ α ≤ x[i+1]). */
type Series = (i: number, alpha: number) => number;

function linearSeries(x: Float64Array, y: Float64Array): Series {
  return (i, alpha) => {
    const t = (alpha - x[i]) / (x[i + 1] - x[i]);
    return y[i] + t * (y[i + 1] - y[i]);
  };
}

/**
 * Monotone cubic Hermite interpolation (Steffen 1990): no overshoot, so on every interval the
 * curve stays between its two knot values and keeps the data's monotonicity. Tangents once.
 */
function monotoneSeries(x: Float64Array, y: Float64Array): Series {
  const last = x.length - 1;
  const slopes = new Float64Array(last);
  for (let i = 0; i < last; i++) slopes[i] = (y[i + 1] - y[i]) / (x[i + 1] - x[i]);
  const tangents = new Float64Array(x.length);
  tangents[0] = slopes[0];
  tangents[last] = slopes[last - 1];
  for (let i = 1; i < last; i++) {
    const h0 = x[i] - x[i - 1];
    const h1 = x[i + 1] - x[i];
    const s0 = slopes[i - 1];
    const s1 = slopes[i];
    const p = (s0 * h1 + s1 * h0) / (h0 + h1);
    tangents[i] = (Math.sign(s0) + Math.sign(s1)) * Math.min(Math.abs(s0), Math.abs(s1), 0.5 * Math.abs(p));
  }
  return (i, alpha) => {
    const h = x[i + 1] - x[i];
    const t = (alpha - x[i]) / h;
    const t2 = t * t;
    const t3 = t2 * t;
    return (
      (2 * t3 - 3 * t2 + 1) * y[i] +
      (t3 - 2 * t2 + t) * h * tangents[i] +
      (3 * t2 - 2 * t3) * y[i + 1] +
      (t3 - t2) * h * tangents[i + 1]
    );
  };
}

function seriesFor(method: InterpolationMethod, x: Float64Array, y: Float64Array): Series {
  return method === "linear" ? linearSeries(x, y) : monotoneSeries(x, y);
}

/** Index i of the interval with x[i] ≤ alpha ≤ x[i+1] (binary search; x ascending, ≥ 2 entries). */
function intervalOf(x: Float64Array, alpha: number): number {
  let lo = 0;
  let hi = x.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (x[mid] <= alpha) lo = mid;
    else hi = mid;
  }
  return lo;
}

/**
 * Prepares estimates of one metric along α from its measured knots (any order, distinct α, finite
 * values). The returned function gives the exact measured value at a knot, an estimate between
 * knots, and null outside the evaluated range ("no estimate").
 *
 * An estimate's interval carries both of its uncertainties (docs/science.md):
 * - sampling: the knots' bounds interpolated the same way as the value, widened to hold it;
 * - interpolation: nobody evaluated that model, so the interval is widened on both sides by the
 *   spread between the two interpolants, |monotone − straight line between the neighbours|;
 * and it is never narrower than the narrower of the two neighbours' measured intervals (widened
 * evenly about its middle when it would be). Measured values keep their measured interval.
 */
export function createEstimator(
  knots: readonly Knot[],
  method: InterpolationMethod,
): (alpha: number) => AlphaEstimate | null {
  const sorted = [...knots].sort((a, b) => a.alpha - b.alpha);
  sorted.forEach((knot, i) => {
    if (!Number.isFinite(knot.alpha) || !Number.isFinite(knot.value)) {
      throw new RangeError(`knot at α = ${knot.alpha} has a non-finite α or value`);
    }
    if (i > 0 && knot.alpha === sorted[i - 1].alpha) throw new RangeError(`two knots at α = ${knot.alpha}`);
  });
  const x = Float64Array.from(sorted, (k) => k.alpha);
  const hasBounds = sorted.length > 0 && sorted.every((k) => k.lower !== undefined && k.upper !== undefined);
  const values = Float64Array.from(sorted, (k) => k.value);
  const value = seriesFor(method, x, values);
  // The other interpolant, whose distance from the chosen one measures the interpolation uncertainty.
  const alternative = seriesFor(method === "linear" ? "monotone" : "linear", x, values);
  const lower = hasBounds
    ? seriesFor(
        method,
        x,
        Float64Array.from(sorted, (k) => k.lower ?? k.value),
      )
    : null;
  const upper = hasBounds
    ? seriesFor(
        method,
        x,
        Float64Array.from(sorted, (k) => k.upper ?? k.value),
      )
    : null;
  const widths = Float64Array.from(sorted, (k) => (k.upper ?? k.value) - (k.lower ?? k.value));
  const at = new Map(sorted.map((knot) => [knot.alpha, knot]));

  return (alpha) => {
    const knot = at.get(alpha);
    if (knot) {
      return {
        value: knot.value,
        lower: hasBounds ? (knot.lower ?? null) : null,
        upper: hasBounds ? (knot.upper ?? null) : null,
        measured: true,
        neighbours: [alpha, alpha],
      };
    }
    if (x.length < 2 || !(alpha > x[0] && alpha < x[x.length - 1])) return null;
    const i = intervalOf(x, alpha);
    const estimate = value(i, alpha);
    const neighbours: [number, number] = [x[i], x[i + 1]];
    if (!lower || !upper) return { value: estimate, lower: null, upper: null, measured: false, neighbours };
    const spread = Math.abs(alternative(i, alpha) - estimate);
    let low = Math.min(lower(i, alpha), estimate) - spread;
    let high = Math.max(upper(i, alpha), estimate) + spread;
    const shortfall = Math.min(widths[i], widths[i + 1]) - (high - low);
    if (shortfall > 0) {
      low -= shortfall / 2;
      high += shortfall / 2;
    }
    return { value: estimate, lower: low, upper: high, measured: false, neighbours };
  };
}

/** One-off estimate at α (see {@link createEstimator}; build the estimator once for many α). */
export function estimateAt(
  knots: readonly Knot[],
  alpha: number,
  method: InterpolationMethod,
): AlphaEstimate | null {
  return createEstimator(knots, method)(alpha);
}

/** A measured (x, y) frontier position at one evaluated α. */
export interface PointKnot {
  alpha: number;
  x: number;
  y: number;
}

export interface PointEstimate {
  x: number;
  y: number;
  measured: boolean;
  neighbours: [number, number];
}

/**
 * Prepares estimates of the (x, y) frontier position along α, each coordinate interpolated like
 * {@link createEstimator}, so a slider can move a marker along the α path; null outside the range.
 */
export function createPointEstimator(
  knots: readonly PointKnot[],
  method: InterpolationMethod,
): (alpha: number) => PointEstimate | null {
  const xs = createEstimator(
    knots.map((k) => ({ alpha: k.alpha, value: k.x })),
    method,
  );
  const ys = createEstimator(
    knots.map((k) => ({ alpha: k.alpha, value: k.y })),
    method,
  );
  return (alpha) => {
    const x = xs(alpha);
    const y = ys(alpha);
    if (!x || !y) return null;
    return { x: x.value, y: y.value, measured: x.measured, neighbours: x.neighbours };
  };
}

/** One-off (x, y) estimate at α (see {@link createPointEstimator}). */
export function estimatePointAt(
  knots: readonly PointKnot[],
  alpha: number,
  method: InterpolationMethod,
): PointEstimate | null {
  return createPointEstimator(knots, method)(alpha);
}
