import type { AlphaKind } from "../domain/alpha";
import type { Difficulty, DifficultySlice } from "../domain/difficulty";
import type { SweepMatrix } from "../domain/sweep";
import type { EnsembleMemberInput } from "../science/ensembleSearchSummary";
import type { StatisticsStatus, VersionBootstrap, Versioned } from "./types";

// Re-exported for the browser and CLI code that reads these shapes.
export type { EnsembleSearchSummary } from "../science/ensembleSearchSummary";

/** Settings of a seeded bootstrap over problems, echoed so a reader can reproduce an interval. */
export interface BootstrapSettings {
  resamples: number;
  seed: number;
  level: number;
}

/** POST /api/experiments/[slug]/ensembles */
export interface EnsembleRequest {
  members: EnsembleMemberInput[];
  difficulty?: DifficultySlice;
  /** When given, must equal Σ samples (a guard against a split that does not add up). */
  budget?: number;
}

export interface EnsembleMemberResult extends EnsembleMemberInput {
  kind: AlphaKind;
  /** The member alone at its own k = samples. */
  passAtK: number;
}

/** The answer of POST /api/experiments/[slug]/ensembles and of `alphascope ensemble --json`. */
export interface EnsembleEvaluation {
  experiment: string;
  difficulty: DifficultySlice;
  /** Number of problems in the slice. */
  problems: number;
  /** K = Σ samples. */
  budget: number;
  members: EnsembleMemberResult[];
  /** Ensemble pass@K, mean over problems of 1 − Π_i C(n_i−c_i, k_i)/C(n_i, k_i). */
  passAtK: number;
  /** The best of all evaluated checkpoints with n ≥ K, alone at the full K. */
  bestSingle: { alpha: number; passAtK: number };
  /** passAtK − bestSingle.passAtK (a share: 0.033 is 3.3 points). */
  gain: number;
  /** Paired bootstrap interval of the gain over problems. */
  gainCI: [number, number];
  bootstrap: BootstrapSettings;
  /** A problem counts as solved by a configuration when its pass@K there is at least this. */
  solvedThreshold: number;
  /** Problems solved by the ensemble and not by the best single. */
  solvedOnlyByEnsemble: number;
  /** Problems solved by the best single and not by the ensemble. */
  solvedOnlyByBestSingle: number;
}

export interface PassAtKCurvePoint {
  k: number;
  passAtK: number;
  /** Bootstrap band over problems, present when bands were asked for. */
  lower?: number;
  upper?: number;
}

export interface PassAtKCurve {
  /** "checkpoint" for one evaluated α, "ensemble" for the members' split scaled to each k. */
  type: "checkpoint" | "ensemble";
  /** The checkpoint's α; null for an ensemble. */
  alpha: number | null;
  kind: AlphaKind | null;
  label: string;
  /** The ensemble's members with their share of the budget (an ensemble curve only). */
  members?: EnsembleMemberInput[];
  points: PassAtKCurvePoint[];
}

/** GET /api/experiments/[slug]/pass-at-k ("computing": the bands asked for are not ready yet, none are drawn). */
export interface PassAtKCurves extends Versioned {
  status: StatisticsStatus;
  experiment: string;
  difficulty: DifficultySlice;
  problems: number;
  /** The largest k with pass@k defined for every curve (k ≤ the smallest n). */
  maxK: number;
  bootstrap: VersionBootstrap | null;
  curves: PassAtKCurve[];
}

/**
 * GET /api/experiments/[slug]/matrix: the per-problem sample and pass counts of every checkpoint,
 * column-wise (entry i of each array belongs to problem i), for computations in the browser.
 */
export interface ScalingMatrixPayload extends Versioned {
  experiment: { slug: string; name: string; synthetic: boolean; endpoints: { a: string; b: string } };
  problems: { externalId: string; title: string | null; difficulty: Difficulty }[];
  checkpoints: {
    alpha: number;
    label: string | null;
    /** The slices on which this checkpoint has collapsed (lib/science/collapse.ts). */
    collapsedIn: DifficultySlice[];
    n: number[];
    pass: number[];
  }[];
  /**
   * Each problem's cluster key when the experiment resamples by cluster (SweepMatrix.clusters), else
   * null; absent in snapshots pinned before clusters existed.
   */
  clusters?: NonNullable<SweepMatrix["clusters"]> | null;
}
