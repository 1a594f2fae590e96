import type { Estimate, FrontierPoint } from "../contracts/types";
import { type AlphaEstimate, createEstimator, type Knot } from "../science/estimate";
import { METRICS, type MetricDefinition } from "../science/metricRegistry";

/** Interpolation between evaluated α: monotone, so an estimate never overshoots its two neighbours. */
const METHOD = "monotone";

/** One metric along α: its estimator and its values at A (α = 0) and B (α = 1), computed once. */
interface MetricEstimator {
  metric: MetricDefinition;
  at: (alpha: number) => AlphaEstimate | null;
  atA: AlphaEstimate | null;
  atB: AlphaEstimate | null;
}

type MetricEstimators = MetricEstimator[];

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

/** One estimator per registry metric present in the points (registry order), built once per slice. */
export function createMetricEstimators(points: readonly FrontierPoint[]): MetricEstimators {
  return METRICS.flatMap((metric) => {
    const knots = knotsOf(points, metric.id);
    if (knots.length === 0) return [];
    const at = createEstimator(knots, METHOD);
    return [{ metric, at, atA: at(0), atB: at(1) }];
  });
}

export interface MetricScore {
  metric: MetricDefinition;
  /** Null where the metric has no value (outside the evaluated range, or not defined). */
  estimate: AlphaEstimate | null;
  /** Value at α minus the value at A (α = 0) and B (α = 1); null when that endpoint is not evaluated. */
  deltaA: number | null;
  deltaB: number | null;
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
  const scores = estimators.map(({ metric, at, atA, atB }): MetricScore => {
    const estimate = at(alpha);
    return {
      metric,
      estimate,
      deltaA: estimate && atA?.measured ? estimate.value - atA.value : null,
      deltaB: estimate && atB?.measured ? estimate.value - atB.value : null,
    };
  });
  const headline = (scores.find((score) => score.metric.id === "solveRate") ?? scores[0])?.estimate ?? null;
  return {
    alpha,
    scores,
    estimates: new Map(scores.map((score) => [score.metric.id, score.estimate])),
    measured: headline?.measured ?? true,
    neighbours: headline?.neighbours ?? null,
  };
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
