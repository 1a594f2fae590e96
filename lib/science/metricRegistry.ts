import type { Verdict } from "../domain/verdicts";
import type { Direction } from "./direction";
import type { SliceSummary } from "./metrics";

export const METRIC_IDS = [
  "solveRate",
  "correctness",
  "efficiency",
  "passShare",
  "wrongAnswerShare",
  "timeLimitShare",
  "runtimeErrorShare",
  "compileErrorShare",
  "otherShare",
  "meanPassRuntimeMs",
  "passAt5",
  "passAt10",
  "passAt25",
  "passAt50",
  "passAt100",
  "passAt250",
  "passAt1000",
] as const;

export type MetricId = (typeof METRIC_IDS)[number];

/** Everything the UI and API need to show one metric: chosen by id for axes, tables and exports. */
export interface MetricDefinition {
  id: MetricId;
  label: string;
  shortLabel: string;
  /** "fraction": a value in [0, 1] shown as a percentage; "ms": milliseconds. */
  unit: "fraction" | "ms";
  direction: Direction;
  /** Whether a log scale makes sense (strictly positive values). */
  allowsLog: boolean;
  format(value: number): string;
  /** The metric of a summary; null when it is not defined there (e.g. pass@k with k > n). */
  value(summary: SliceSummary): number | null;
}

function formatPercent(value: number): string {
  return `${(value * 100).toFixed(1)}%`;
}

function formatMs(value: number): string {
  return `${value >= 100 ? value.toFixed(0) : value.toPrecision(3)} ms`;
}

function finiteOrNull(value: number | null | undefined): number | null {
  return value !== null && value !== undefined && Number.isFinite(value) ? value : null;
}

function fractionMetric(
  id: MetricId,
  label: string,
  shortLabel: string,
  direction: Direction,
  read: (summary: SliceSummary) => number | undefined,
): MetricDefinition {
  return {
    id,
    label,
    shortLabel,
    unit: "fraction",
    direction,
    allowsLog: false,
    format: formatPercent,
    value: (summary) => finiteOrNull(read(summary)),
  };
}

function shareMetric(id: MetricId, verdict: Verdict, label: string, shortLabel: string): MetricDefinition {
  return fractionMetric(
    id,
    label,
    shortLabel,
    verdict === "pass" ? "higher" : "lower",
    (s) => s.shares[verdict],
  );
}

/** The k with a pass@k metric of their own (pass@1 is the solve rate). */
const METRIC_KS = [5, 10, 25, 50, 100, 250, 1000] as const;

function passAtKMetric(k: (typeof METRIC_KS)[number]): MetricDefinition {
  return fractionMetric(`passAt${k}` as const, `pass@${k}`, `p@${k}`, "higher", (s) => s.passAtK[String(k)]);
}

/** Every metric, in the order menus and tables list them. */
export const METRICS: readonly MetricDefinition[] = [
  fractionMetric("solveRate", "Solve rate (mean pass@1)", "Solve", "higher", (s) => s.solveRate),
  fractionMetric(
    "correctness",
    "Correctness (1 − wrong-answer rate)",
    "Correct",
    "higher",
    (s) => s.correctness,
  ),
  fractionMetric(
    "efficiency",
    "Efficiency (1 − time-limit rate)",
    "Efficient",
    "higher",
    (s) => s.efficiency,
  ),
  shareMetric("passShare", "pass", "Pass rate", "Pass"),
  shareMetric("wrongAnswerShare", "wrongAnswer", "Wrong-answer rate", "WA"),
  shareMetric("timeLimitShare", "timeLimit", "Time-limit rate", "TLE"),
  shareMetric("runtimeErrorShare", "runtimeError", "Runtime-error rate", "RE"),
  shareMetric("compileErrorShare", "compileError", "Compile-error rate", "CE"),
  shareMetric("otherShare", "other", "Ungraded rate", "Other"),
  {
    id: "meanPassRuntimeMs",
    label: "Mean runtime of passing samples",
    shortLabel: "Runtime",
    unit: "ms",
    direction: "lower",
    allowsLog: true,
    format: formatMs,
    value: (s) => finiteOrNull(s.meanPassRuntimeMs),
  },
  ...METRIC_KS.map(passAtKMetric),
];

const BY_ID = new Map<string, MetricDefinition>(METRICS.map((metric) => [metric.id, metric]));

export function isMetricId(value: unknown): value is MetricId {
  return typeof value === "string" && BY_ID.has(value);
}

/** The definition of a metric id. */
export function getMetric(id: MetricId): MetricDefinition {
  const metric = BY_ID.get(id);
  if (!metric) throw new RangeError(`unknown metric id "${id}"`);
  return metric;
}
