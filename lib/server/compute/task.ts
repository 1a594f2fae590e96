import type { EnsembleRequest } from "../../contracts/scalingTypes";
import type { DifficultySlice } from "../../domain/difficulty";
import type { SweepMatrix } from "../../domain/sweep";
import type { ClaimAxes } from "../../science/claims";
import type { EnsembleMemberInput, EnsembleSearchSettings } from "../../science/ensembleSearchSummary";

/** Work for a compute thread, on an experiment version's stored matrix (its JSON text) or its whole sweep. */
export type ComputeTask =
  | { type: "ensemble"; matrix: string; request: EnsembleRequest }
  | { type: "ensemble-search"; matrix: string; settings: EnsembleSearchSettings }
  | {
      type: "ensemble-curve";
      matrix: string;
      difficulty: DifficultySlice;
      members: EnsembleMemberInput[];
      bands: boolean;
    }
  /** The whole sweep (verdicts too), passed by structured clone: the stored matrix holds passes only. */
  | { type: "claims-axes"; sweep: SweepMatrix; difficulty: DifficultySlice; axes: ClaimAxes };

/** A thread's answer: the value, or the API error (a 400 the request earned) to rethrow. */
export type ComputeOutcome =
  | { ok: true; value: unknown }
  | { ok: false; status: number; code: string; message: string };
