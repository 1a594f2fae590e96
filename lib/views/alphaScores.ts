import type { FrontierEstimate, FrontierInterval, FrontierPoint } from "../contracts/types";
import { type AlphaEstimate, createEstimator, type Knot } from "../science/estimate";
import { METRICS, type MetricDefinition } from "../science/metricRegistry";

/** Interpolation between evaluated α: monotone, so an estimate never overshoots its two neighbours. */
const METHOD = "monotone";

/**
 * One metric along α: its estimator, and estimators of its paired change against A (α = 0) and B
 * (α = 1) built from the evaluated α's paired differences (null when that endpoint has none).
 */
interface MetricEstimator {
  metric: MetricDefinition;
  at: (alpha: number) => AlphaEstimate | null;
  deltaA: ((alpha: number) => AlphaEstimate | null) | null;
  deltaB: ((alpha: number) => AlphaEstimate | null) | null;
}

type MetricEstimators = MetricEstimator[];

function isFiniteNumber(value: unknown): value is number {
  return typeof value === "number" && Number.isFinite(value);
}

/** Knots of intervals along α: finite values; bounds only if every knot has them. */
function knotsFrom(
  entries: readonly { alpha: number; collapsed: boolean; interval: FrontierInterval | null | undefined }[],
): Knot[] {
  const measured = entries.filter(
    (entry): entry is { alpha: number; collapsed: boolean; interval: FrontierInterval } =>
      isFiniteNumber(entry.interval?.value),
  );
  const withBounds = measured.every(
    (e) => isFiniteNumber(e.interval.lower) && isFiniteNumber(e.interval.upper),
  );
  const withJoint =
    withBounds &&
    measured.every((e) => isFiniteNumber(e.interval.lowerJoint) && isFiniteNumber(e.interval.upperJoint));
  return measured.map(({ alpha, collapsed, interval }) => ({
    alpha,
    value: interval.value,
    collapsed,
    ...(withBounds ? { lower: interval.lower as number, upper: interval.upper as number } : {}),
    ...(withJoint
      ? { lowerJoint: interval.lowerJoint as number, upperJoint: interval.upperJoint as number }
      : {}),
  }));
}

/** An estimator along α of one field of every point's metric, or null when no point has it. */
function estimatorOf(
  points: readonly FrontierPoint[],
  field: (estimate: FrontierEstimate | undefined) => FrontierInterval | null | undefined,
  metricId: string,
): ((alpha: number) => AlphaEstimate | null) | null {
  const knots = knotsFrom(
    points.map((point) => ({
      alpha: point.alpha,
      collapsed: point.collapsed,
      interval: field(point.metrics[metricId] as FrontierEstimate | undefined),
    })),
  );
  return knots.length === 0 ? null : createEstimator(knots, METHOD);
}

/** One estimator per registry metric present in the points (registry order), built once per slice. */
export function createMetricEstimators(points: readonly FrontierPoint[]): MetricEstimators {
  return METRICS.flatMap((metric) => {
    const at = estimatorOf(points, (estimate) => estimate, metric.id);
    if (!at) return [];
    return [
      {
        metric,
        at,
        deltaA: estimatorOf(points, (estimate) => estimate?.deltaA, metric.id),
        deltaB: estimatorOf(points, (estimate) => estimate?.deltaB, metric.id),
      },
    ];
  });
}

export interface MetricScore {
  metric: MetricDefinition;
  /** Null where the metric has no value (outside the evaluated range, or not defined). */
  estimate: AlphaEstimate | null;
  /**
   * Value at α minus the value at A (α = 0) and B (α = 1), with the paired interval (measured α) or
   * the between-α envelope of the neighbours' paired intervals; null when that endpoint is not evaluated.
   */
  deltaA: AlphaEstimate | null;
  deltaB: AlphaEstimate | null;
}

/**
 * Everything the explorer shows at one α, computed once per α and shared by the score panel and
 * the plot's marker, so both show the same numbers.
 */
export interface AlphaReadout {
  alpha: number;
  /** Every metric of the slice at α, in registry order. */
  scores: MetricScore[];
  /** A metric's estimate at α by id; null outside the evaluated range or where it has no value. */
  estimates: ReadonlyMap<string, AlphaEstimate | null>;
  /** Whether α is evaluated, by the headline metric (the solve rate, else the first metric). */
  measured: boolean;
  /** The evaluated α an estimate lies between (by the headline metric); null without an estimate. */
  neighbours: [number, number] | null;
}

/** Evaluates every metric once at α, with its change against both endpoints. */
export function readoutAt(estimators: MetricEstimators, alpha: number): AlphaReadout {
  const scores = estimators.map(
    ({ metric, at, deltaA, deltaB }): MetricScore => ({
      metric,
      estimate: at(alpha),
      deltaA: deltaA?.(alpha) ?? null,
      deltaB: deltaB?.(alpha) ?? null,
    }),
  );
  const headline = (scores.find((score) => score.metric.id === "solveRate") ?? scores[0])?.estimate ?? null;
  return {
    alpha,
    scores,
    estimates: new Map(scores.map((score) => [score.metric.id, score.estimate])),
    measured: headline?.measured ?? true,
    neighbours: headline?.neighbours ?? null,
  };
}

/**
 * Whether a change is an improvement or a regression given the metric's direction, or "same" when
 * its interval holds 0 or there is no interval yet: a change is only called when the data back it.
 */
export function deltaTone(
  metric: MetricDefinition,
  delta: Pick<AlphaEstimate, "value" | "lower" | "upper">,
): "better" | "worse" | "same" {
  if (delta.lower === null || delta.upper === null) return "same";
  if (delta.lower <= 0 && delta.upper >= 0) return "same";
  return delta.value > 0 === (metric.direction === "higher") ? "better" : "worse";
}

/** A change as researchers write it: percentage points for fractions, ms for runtimes, always signed. */
export function formatDelta(metric: MetricDefinition, delta: number): string {
  const magnitude = Math.abs(delta);
  const text =
    metric.unit === "fraction"
      ? `${(magnitude * 100).toFixed(1)} pp`
      : `${magnitude >= 100 ? magnitude.toFixed(0) : magnitude.toPrecision(3)} ms`;
  // A change that rounds to zero has no sign worth showing.
  const sign = /^[0.]+ /.test(text) ? "±" : delta > 0 ? "+" : "−";
  return `${sign}${text}`;
}
