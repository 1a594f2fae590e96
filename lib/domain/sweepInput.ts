import type { Difficulty } from "./difficulty";
import type { Setting } from "./setting";
import type { VerdictCounts } from "./verdicts";

/** Experiment metadata as given by a user, a manifest or the demo generator. */
export interface ExperimentInput {
  slug: string;
  name: string;
  description: string;
  benchmark: string;
  setting: Setting;
  modelFamily: string | null;
  modelScale: string | null;
  synthetic: boolean;
  endpointA: { label: string; model: string | null };
  endpointB: { label: string; model: string | null };
  /** The study it joins when created (a slug, and a name for a study not yet made); absent: none. */
  study?: { slug: string; name?: string } | null;
}

export interface ProblemInput {
  externalId: string;
  title: string | null;
  difficulty: Difficulty;
  platform: string | null;
  /** ISO date (YYYY-MM-DD) or full ISO timestamp, null when unknown. */
  contestDate: string | null;
}

/** One (checkpoint, problem) result: verdict counts summing to n, and pass runtimes where known. */
export interface ResultInput {
  problemExternalId: string;
  n: number;
  verdicts: VerdictCounts;
  /** Number of passing samples with a known runtime; 0 when none is known. */
  runtimeCount: number;
  /** Statistics of those runtimes in milliseconds; null when runtimeCount is 0. */
  runtimeMeanMs: number | null;
  runtimeMinMs: number | null;
  runtimeMaxMs: number | null;
  /** EvalPerf differential performance score (normalized, 0–100) where the harness reports it. */
  dpsNorm: number | null;
}

export interface CheckpointInput {
  alpha: number;
  label: string | null;
  model: string | null;
  results: ResultInput[];
}

/** A trained checkpoint beside the α line (a separate run) with its results. */
export interface TrainedInput {
  label: string;
  coverage: number | null;
  model: string | null;
  results: ResultInput[];
}

/** A whole experiment ready to store: what the demo generator and a manifest import produce. */
export interface SweepInput {
  experiment: ExperimentInput;
  problems: ProblemInput[];
  checkpoints: CheckpointInput[];
  /** Trained checkpoints, when the sweep has some. */
  trained?: TrainedInput[];
}
