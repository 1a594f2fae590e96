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

/** What a metric means, in words a reader checks a number against (shown on hover and in the glossary). */
export interface MetricGlossary {
  /** What the metric measures, in one or two sentences. */
  measures: string;
  /** How it is computed from the per-problem counts. */
  formula: string;
}

/** Everything the UI and API need to show one metric: chosen by id for axes, tables and exports. */
export interface MetricDefinition {
  id: MetricId;
  /** The short name every label shows ("Solve rate"): short enough never to be cut. */
  label: string;
  glossary: MetricGlossary;
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
  glossary: MetricGlossary,
  direction: Direction,
  read: (summary: SliceSummary) => number | undefined,
): MetricDefinition {
  return {
    id,
    label,
    glossary,
    unit: "fraction",
    direction,
    allowsLog: false,
    format: formatPercent,
    value: (summary) => finiteOrNull(read(summary)),
  };
}

/** How the verdict of a share metric reads in a sentence. */
const VERDICT_WORDS: Record<Verdict, string> = {
  pass: "passed every test",
  wrongAnswer: "ran but gave a wrong answer",
  timeLimit: "ran past the time limit",
  runtimeError: "crashed while running",
  compileError: "did not compile or parse",
  other: "got no usable verdict from the grader",
};

function shareMetric(id: MetricId, verdict: Verdict, label: string): MetricDefinition {
  return fractionMetric(
    id,
    label,
    {
      measures: `The share of all samples that ${VERDICT_WORDS[verdict]}, pooled over problems (a problem with more samples weighs more).`,
      formula: `${verdict} samples / N, where N = Σₚ nₚ is the number of samples over all problems.`,
    },
    verdict === "pass" ? "higher" : "lower",
    (s) => s.shares[verdict],
  );
}

/** The k with a pass@k metric of their own (pass@1 is the solve rate). */
const METRIC_KS = [5, 10, 25, 50, 100, 250, 1000] as const;

function passAtKMetric(k: (typeof METRIC_KS)[number]): MetricDefinition {
  return fractionMetric(
    `passAt${k}` as const,
    `pass@${k}`,
    {
      measures: `The chance that at least one of ${k} samples drawn for a problem passes, averaged over problems: what a budget of ${k} attempts per problem buys. Defined only when every problem has at least ${k} samples.`,
      formula: `(1/P) Σₚ [1 − C(nₚ − cₚ, ${k}) / C(nₚ, ${k})], the unbiased estimator of Chen et al. (2021).`,
    },
    "higher",
    (s) => s.passAtK[String(k)],
  );
}

/** Every metric, in the order menus and tables list them. */
export const METRICS: readonly MetricDefinition[] = [
  fractionMetric(
    "solveRate",
    "Solve rate",
    {
      measures:
        "The chance that one sample solves a problem, averaged over problems (mean pass@1): every problem weighs the same however many samples it has.",
      formula: "(1/P) Σₚ cₚ / nₚ",
    },
    "higher",
    (s) => s.solveRate,
  ),
  fractionMetric(
    "correctness",
    "Correctness",
    {
      measures:
        "The share of samples that did not give a wrong answer: it counts a sample as correct unless its output was wrong, so timeouts and crashes do not lower it.",
      formula: "1 − wrongAnswer / N (1 − the wrong-answer rate)",
    },
    "higher",
    (s) => s.correctness,
  ),
  fractionMetric(
    "efficiency",
    "Efficiency",
    {
      measures:
        "The share of samples that finished within the time limit: the efficiency side of the correctness–efficiency trade-off.",
      formula: "1 − timeLimit / N (1 − the time-limit rate)",
    },
    "higher",
    (s) => s.efficiency,
  ),
  shareMetric("passShare", "pass", "Pass rate"),
  shareMetric("wrongAnswerShare", "wrongAnswer", "Wrong-answer rate"),
  shareMetric("timeLimitShare", "timeLimit", "Time-limit rate"),
  shareMetric("runtimeErrorShare", "runtimeError", "Runtime-error rate"),
  shareMetric("compileErrorShare", "compileError", "Compile-error rate"),
  shareMetric("otherShare", "other", "Ungraded rate"),
  {
    id: "meanPassRuntimeMs",
    label: "Mean pass runtime",
    glossary: {
      measures:
        "How long a passing sample runs, in milliseconds, averaged over the passing samples whose runtime was recorded (failed samples do not count). Undefined when no runtime is known.",
      formula: "Σ (runtime of passing samples) / (number of passing samples with a runtime)",
    },
    unit: "ms",
    direction: "lower",
    allowsLog: true,
    format: formatMs,
    value: (s) => finiteOrNull(s.meanPassRuntimeMs),
  },
  ...METRIC_KS.map(passAtKMetric),
];

/**
 * The symbols the formulas use, and how every metric's interval is computed (one bootstrap serves
 * them all, so it is said once).
 */
export const METRIC_NOTATION =
  "P is the number of problems with at least one sample, nₚ the samples of problem p, cₚ its passing samples, N = Σₚ nₚ all samples; a verdict name stands for the number of samples with that verdict.";

export const METRIC_INTERVAL =
  "A 95% percentile bootstrap over problems: the problems are drawn with replacement (within each difficulty, so a resample keeps the mix of easy, medium and hard), the metric is recomputed on every resample, and the 2.5th and 97.5th percentiles of those values are the interval's bounds. The seed is fixed and every α is resampled with the same draws, so intervals are reproducible and paired across α; the responses' `bootstrap` field gives the resamples (2 000) and the seed, one for every page of a version.";

/**
 * The glossary's explanation of the comparison statistics (paired changes, P(non-dominated), estimates
 * between α, the searched ensemble's adjusted interval, resampling by cluster, minimum detectable effect).
 */
export const COMPARISON_GLOSSARY: readonly { term: string; text: string }[] = [
  {
    term: "Trained checkpoint",
    text: "A separately trained run beside the α line (e.g. RL at 25 % or 50 % unit-test coverage), imported with a label and an optional coverage level. Every frontier plot draws it as a labelled diamond (the explorer with its snapshots, presenting mode, SVG/PNG export and link-preview image; the compare page; a study's grid, its snapshot and export), never joined to the α path nor on the α slider, with its 95% intervals from the same problem resamples as the α points; it is never in the α Pareto set (a dotted step line shows the trained checkpoints' own front). The score panel and the CSV exports list it as a reference row; the `retraces` claim tests whether the interpolation path passes within a tolerance of it.",
  },
  {
    term: "Δ vs A, Δ vs B",
    text: "The metric minus endpoint A's (α = 0) or B's (α = 1), with a 95% interval of the paired differences in the same problem resamples. A change is coloured better or worse only when its interval excludes 0.",
  },
  {
    term: "P(non-dominated)",
    text: "The share of bootstrap resamples in which a checkpoint is on the Pareto front of the plotted metrics (collapsed checkpoints left out). The plot draws it as the dot's fill opacity; \"Pareto-optimal\" is the point estimates' front.",
  },
  {
    term: "Estimate between evaluated α",
    text: "The monotone interpolant, with the envelope of the two neighbours' 97.5% bounds: 95% jointly if the metric is monotone between them. Next to a collapsed α that assumption is not credible and the estimate is marked unreliable.",
  },
  {
    term: "Selection-adjusted gain interval",
    text: "The interval of a searched ensemble's gain over the best single checkpoint that holds although the search picked it on the same problems: 95% simultaneous (Bonferroni) over every set the search could pick against every single checkpoint, so it covers whichever ensemble is shown. Wider than the raw interval, which ignores the selection.",
  },
  {
    term: "Resampling by cluster",
    text: "An experiment's option (off by default, set in its metadata): the bootstrap draws whole clusters of problems — a LiveCodeBench contest (one platform on one contest date), or the problems sharing a platform or a contest date — instead of single problems, within each difficulty. Problems of one contest are correlated, so single-problem intervals are too narrow (Miller 2024 reports clustered errors up to 3× the naive ones). The responses' `bootstrap.cluster` names the option and the number of clusters.",
  },
  {
    term: "Minimum detectable effect",
    text: "Beside a comparison of two α on the problems page: the smallest true change in mean pass rate that a two-sided paired test at level 0.05 detects with 80% power, (z₀.₉₇₅ + z₀.₈) × the standard error of the mean per-problem change, with the problems and samples at hand; and how many samples per problem per α would detect a chosen Δ (only binomial noise falls with more samples: when the problems' own changes vary too much, more problems are needed instead).",
  },
];

/** The glossary anchor of the pass@k metrics as a group (the scaling page's curves). */
export const PASS_AT_K_ANCHOR = "pass-at-k";

/** The metrics in the groups the score panel and the glossary list them in. */
export const METRIC_GROUPS: readonly { title: string; anchor: string; ids: readonly MetricId[] }[] = [
  { title: "Headline", anchor: "headline", ids: ["solveRate", "correctness", "efficiency"] },
  {
    title: "pass@k",
    anchor: PASS_AT_K_ANCHOR,
    ids: ["passAt5", "passAt10", "passAt25", "passAt50", "passAt100", "passAt250", "passAt1000"],
  },
  {
    title: "Verdict shares",
    anchor: "verdict-shares",
    ids: [
      "passShare",
      "wrongAnswerShare",
      "timeLimitShare",
      "runtimeErrorShare",
      "compileErrorShare",
      "otherShare",
    ],
  },
  { title: "Runtime", anchor: "runtime", ids: ["meanPassRuntimeMs"] },
];

/** The glossary anchor of a metric ("solve-rate", "pass-at-5"): stable, from its id. */
export function metricAnchor(id: MetricId): string {
  return id
    .replace(/([a-z])([A-Z0-9])/g, "$1-$2")
    .replace(/([0-9])([A-Z])/g, "$1-$2")
    .toLowerCase();
}

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
