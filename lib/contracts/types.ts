import type { AlphaKind } from "../domain/alpha";
import type { ClusterBy } from "../domain/clusterBy";
import type { DifficultySlice } from "../domain/difficulty";
import type { Setting } from "../domain/setting";
import type { MetricId } from "../science/metricRegistry";
import type { CheckpointSummary, TrainedSummary } from "../science/metrics";

// The vocabulary the wire shapes are made of belongs to the domain and the science core;
// re-exported for the browser code that reads these shapes.
export { SETTING_LABELS } from "../domain/setting";
export type { Estimate } from "../science/bootstrap";
export type { ApiErrorBody } from "./errorSchema";

export interface Endpoint {
  label: string;
  model: string | null;
}

export interface ExperimentListItem extends Versioned {
  slug: string;
  name: string;
  benchmark: string;
  setting: Setting;
  synthetic: boolean;
  alphaMin: number | null;
  alphaMax: number | null;
  checkpoints: number;
  problems: number;
  updatedAt: string;
}

export interface ExperimentHeader {
  slug: string;
  name: string;
  description: string;
  benchmark: string;
  setting: Setting;
  modelFamily: string | null;
  modelScale: string | null;
  synthetic: boolean;
  /** How the bootstrap resamples problems: null one by one, else by cluster (docs/science.md). */
  clusterBy: ClusterBy | null;
  endpoints: { a: Endpoint; b: Endpoint };
  createdAt: string;
  updatedAt: string;
}

/** GET /api/experiments/[slug] */
export interface ExperimentDetail extends ExperimentHeader, Versioned {
  checkpoints: CheckpointSummary[];
  /**
   * Trained checkpoints beside the α line, by coverage (unknown last) then label; always present
   * in a live response, absent in views pinned before trained checkpoints existed.
   */
  trained?: TrainedSummary[];
}

/**
 * A metric value with its 95% bootstrap interval as the explorer receives it: the bounds are null
 * while the experiment version's intervals are still being computed (see FrontierData.status).
 */
export interface FrontierEstimate extends FrontierInterval {
  /** Paired change against endpoint A (α = 0) and B (α = 1); null where that endpoint has no value. */
  deltaA: FrontierInterval | null;
  deltaB: FrontierInterval | null;
}

/**
 * A value with its 95% interval and its bounds at 97.5% (`lowerJoint`, `upperJoint`: two of them
 * hold jointly at 95%, which the estimate between evaluated α uses); bounds null while computing.
 */
export interface FrontierInterval {
  value: number;
  lower: number | null;
  upper: number | null;
  lowerJoint: number | null;
  upperJoint: number | null;
}

/** One evaluated checkpoint as the explorer plots it, for one difficulty slice. */
export interface FrontierPoint {
  alpha: number;
  kind: AlphaKind;
  label: string | null;
  problems: number;
  samples: number;
  /**
   * Whether the checkpoint has collapsed on this slice (it crashes far more than, or solves far
   * less than, the endpoints: lib/science/collapse.ts); collapsed points stay out of `pareto`.
   */
  collapsed: boolean;
  /**
   * Share of bootstrap resamples in which the checkpoint is non-dominated on the Pareto axes
   * (a probable Pareto set); null for a point that does not compete (collapsed, or no value), while
   * intervals are computing, and for axes other than the default ones when not yet computed.
   */
  pNonDominated: number | null;
  /** Every registry metric that is defined for this checkpoint, keyed by metric id. */
  metrics: Record<string, FrontierEstimate>;
}

/** The evaluated α not dominated on metrics x and y, ascending. */
export interface FrontierPareto {
  x: MetricId;
  y: MetricId;
  /** False by default: collapsed checkpoints are left out of the set. */
  includesCollapsed: boolean;
  alphas: number[];
}

/**
 * A trained checkpoint (a separate run beside the α line) on one slice: a reference point, drawn
 * apart from the α path and never in its Pareto set.
 */
export interface TrainedPoint {
  label: string;
  coverage: number | null;
  problems: number;
  samples: number;
  metrics: Record<string, FrontierEstimate>;
}

export interface FrontierSlice {
  slice: DifficultySlice;
  problems: number;
  points: FrontierPoint[];
  /**
   * Trained checkpoints, by coverage (unknown last) then label; empty when there are none. Always
   * present in a live response, absent in views pinned before trained checkpoints existed.
   */
  trained?: TrainedPoint[];
  /** The Pareto set for the requested axes (the explorer's defaults when none are asked for). */
  pareto: FrontierPareto;
}

/**
 * Every read about an experiment says which version of its data the numbers come from (an opaque
 * id that changes with every import that changes it; the response's ETag is derived from it).
 */
export interface Versioned {
  version: string;
}

/** The clusters a version's bootstrap resamples: the experiment's option and how many there are. */
export interface ClusterSetting {
  by: ClusterBy;
  clusters: number;
}

/**
 * The one bootstrap of a version's intervals (frontier, pass@k bands, claims), echoed so a reader can
 * reproduce them; `cluster` null when problems are resampled one by one.
 */
export interface VersionBootstrap {
  resamples: number;
  seed: number;
  level: number;
  cluster: ClusterSetting | null;
}

/** "computing" while a version's intervals are still being computed (its points are final). */
export type StatisticsStatus = "ready" | "computing";

/** GET /api/experiments/[slug]/frontier: everything the explorer needs, loaded once. */
export interface FrontierData extends Versioned {
  status: StatisticsStatus;
  experiment: ExperimentHeader;
  bootstrap: VersionBootstrap;
  slices: Record<DifficultySlice, FrontierSlice>;
}
