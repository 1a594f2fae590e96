/**
 * A measured value at one evaluated α, with an optional interval, optionally its bounds at the joint
 * (Bonferroni) level used between α (bootstrap.ts `jointLevel`), and whether the checkpoint collapsed.
 */
export interface Knot {
  alpha: number;
  value: number;
  lower?: number;
  upper?: number;
  lowerJoint?: number;
  upperJoint?: number;
  collapsed?: boolean;
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
  /**
   * An estimate next to a collapsed checkpoint: the monotone assumption behind its interval is not
   * credible across a collapse (the metric may drop anywhere between the neighbours).
   */
  unreliable: boolean;
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
 * An estimate's value is the interpolant's; its interval is the envelope of its two neighbours'
 * bounds at the joint level (97.5 % each for 95 %: Bonferroni), falling back to their plain bounds
 * when the knots carry no joint ones. Guarantee (docs/science.md): if the metric is monotone between
 * the two neighbouring evaluated α, the true value at α lies between the neighbours' true values, so
 * the envelope covers it whenever both neighbours' intervals cover theirs: ≥ 95 % jointly. Measured
 * values keep their measured interval.
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
  const value = seriesFor(
    method,
    x,
    Float64Array.from(sorted, (k) => k.value),
  );
  const envelopeLower = sorted.map((k) => k.lowerJoint ?? k.lower ?? k.value);
  const envelopeUpper = sorted.map((k) => k.upperJoint ?? k.upper ?? k.value);
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
        unreliable: false,
      };
    }
    if (x.length < 2 || !(alpha > x[0] && alpha < x[x.length - 1])) return null;
    const i = intervalOf(x, alpha);
    const estimate = value(i, alpha);
    const neighbours: [number, number] = [x[i], x[i + 1]];
    const unreliable = Boolean(sorted[i].collapsed || sorted[i + 1].collapsed);
    if (!hasBounds)
      return { value: estimate, lower: null, upper: null, measured: false, neighbours, unreliable };
    return {
      value: estimate,
      lower: Math.min(envelopeLower[i], envelopeLower[i + 1], estimate),
      upper: Math.max(envelopeUpper[i], envelopeUpper[i + 1], estimate),
      measured: false,
      neighbours,
      unreliable,
    };
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
