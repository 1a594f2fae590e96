import type { Estimate, FrontierPoint } from "../api/types";
import { type AlphaEstimate, createEstimator, type Knot } from "../science/estimate";
import { METRICS, type MetricDefinition } from "../science/metricRegistry";

/** Interpolation between evaluated α: monotone, so an estimate never overshoots its two neighbours. */
const METHOD = "monotone";

export type MetricEstimators = Map<string, (alpha: number) => AlphaEstimate | null>;

function isFiniteNumber(value: unknown): value is number {
  return typeof value === "number" && Number.isFinite(value);
}

/** Knots of one metric: its evaluated α with a finite value; intervals only if every knot has one. */
function knotsOf(points: readonly FrontierPoint[], metricId: string): Knot[] {
  const measured = points
    .map((point) => ({ alpha: point.alpha, estimate: point.metrics[metricId] as Estimate | undefined }))
    .filter((entry): entry is { alpha: number; estimate: Estimate } => isFiniteNumber(entry.estimate?.value));
  const withBounds = measured.every(
    (e) => isFiniteNumber(e.estimate.lower) && isFiniteNumber(e.estimate.upper),
  );
  return measured.map(({ alpha, estimate }) =>
    withBounds
      ? { alpha, value: estimate.value, lower: estimate.lower, upper: estimate.upper }
      : { alpha, value: estimate.value },
  );
}

/** One estimator per registry metric present in the points, built once per slice. */
export function createMetricEstimators(points: readonly FrontierPoint[]): MetricEstimators {
  const estimators: MetricEstimators = new Map();
  for (const metric of METRICS) {
    const knots = knotsOf(points, metric.id);
    if (knots.length > 0) estimators.set(metric.id, createEstimator(knots, METHOD));
  }
  return estimators;
}

export interface MetricScore {
  metric: MetricDefinition;
  /** Null where the metric has no value (outside the evaluated range, or not defined). */
  estimate: AlphaEstimate | null;
  /** Value at α minus the value at A (α = 0) and B (α = 1); null when that endpoint is not evaluated. */
  deltaA: number | null;
  deltaB: number | null;
}

/** Every metric of the slice at α, with its change against both endpoints. */
export function scoresAt(estimators: MetricEstimators, alpha: number): MetricScore[] {
  const scores: MetricScore[] = [];
  for (const metric of METRICS) {
    const estimator = estimators.get(metric.id);
    if (!estimator) continue;
    const estimate = estimator(alpha);
    const a = estimator(0);
    const b = estimator(1);
    scores.push({
      metric,
      estimate,
      deltaA: estimate && a?.measured ? estimate.value - a.value : null,
      deltaB: estimate && b?.measured ? estimate.value - b.value : null,
    });
  }
  return scores;
}

/** Whether a change is an improvement, a regression, or too small to call, given the metric's direction. */
export function deltaTone(metric: MetricDefinition, delta: number): "better" | "worse" | "same" {
  const epsilon = metric.unit === "fraction" ? 0.0005 : 0.5;
  if (Math.abs(delta) < epsilon) return "same";
  return delta > 0 === (metric.direction === "higher") ? "better" : "worse";
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
