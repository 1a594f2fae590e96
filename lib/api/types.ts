import type { AlphaKind } from "../domain/alpha";
import type { DifficultySlice } from "../domain/difficulty";
import type { SliceSummary } from "../science/metrics";

export type { SliceSummary } from "../science/metrics";

/** The inference setting an experiment was evaluated in. */
export const SETTINGS = ["pure-reasoning", "tool-use", "agentic"] as const;
export type Setting = (typeof SETTINGS)[number];

export const SETTING_LABELS: Record<Setting, string> = {
  "pure-reasoning": "Pure reasoning",
  "tool-use": "Tool use",
  agentic: "Agentic coding",
};

/** The k for which pass@k is reported, where k ≤ n for every problem. */
export const STANDARD_KS = [1, 5, 10, 25, 50, 100, 250, 1000] as const;

export interface Endpoint {
  label: string;
  model: string | null;
}

export interface CheckpointSummary extends SliceSummary {
  alpha: number;
  kind: AlphaKind;
  label: string | null;
  model: string | null;
  byDifficulty: { easy?: SliceSummary; medium?: SliceSummary; hard?: SliceSummary };
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
  endpoints: { a: Endpoint; b: Endpoint };
  createdAt: string;
  updatedAt: string;
}

/** GET /api/experiments/[slug] */
export interface ExperimentDetail extends ExperimentHeader, Versioned {
  checkpoints: CheckpointSummary[];
}

/** A metric value with its 95% bootstrap interval over problems. */
export interface Estimate {
  value: number;
  lower: number;
  upper: number;
}

/**
 * A metric value with its 95% bootstrap interval as the explorer receives it: the bounds are null
 * while the experiment version's intervals are still being computed (see FrontierData.status).
 */
export interface FrontierEstimate {
  value: number;
  lower: number | null;
  upper: number | null;
}

/** One evaluated checkpoint as the explorer plots it, for one difficulty slice. */
export interface FrontierPoint {
  alpha: number;
  kind: AlphaKind;
  label: string | null;
  problems: number;
  samples: number;
  /** Every registry metric that is defined for this checkpoint, keyed by metric id. */
  metrics: Record<string, FrontierEstimate>;
}

export interface FrontierSlice {
  slice: DifficultySlice;
  problems: number;
  points: FrontierPoint[];
}

/**
 * Every read about an experiment says which version of its data the numbers come from (an opaque
 * id that changes with every import that changes it; the response's ETag is derived from it).
 */
export interface Versioned {
  version: string;
}

/** "computing" while a version's intervals are still being computed (its points are final). */
export type StatisticsStatus = "ready" | "computing";

/** GET /api/experiments/[slug]/frontier: everything the explorer needs, loaded once. */
export interface FrontierData extends Versioned {
  status: StatisticsStatus;
  experiment: ExperimentHeader;
  bootstrap: { resamples: number; seed: number; level: number };
  slices: Record<DifficultySlice, FrontierSlice>;
}

/** The single error shape of every API failure. */
export interface ApiErrorBody {
  error: { code: string; message: string; details?: unknown };
}
