import { payloadToMatrix } from "../../api/payloadMatrix";
import type { EnsembleMemberInput, EnsembleRequest, ScalingMatrixPayload } from "../../api/scalingTypes";
import type { DifficultySlice } from "../../domain/difficulty";
import { evaluateEnsemble } from "../ensembles";
import { ApiError } from "../errors";
import { ensembleCurve } from "../scalingCurves";

/** Work for a compute thread, on an experiment version's stored matrix (its JSON text). */
export type ComputeTask =
  | { type: "ensemble"; matrix: string; request: EnsembleRequest }
  | {
      type: "ensemble-curve";
      matrix: string;
      difficulty: DifficultySlice;
      members: EnsembleMemberInput[];
      bands: boolean;
    };

/** A thread's answer: the value, or the API error (a 400 the request earned) to rethrow. */
export type ComputeOutcome =
  | { ok: true; value: unknown }
  | { ok: false; status: number; code: string; message: string };

/**
 * Runs one task in a pool thread (see pool.ts). Ensembles need only n and pass per problem, which
 * is exactly what the stored matrix holds, so the numbers equal those computed from the full results.
 */
export default function compute(task: ComputeTask): ComputeOutcome {
  try {
    const payload = JSON.parse(task.matrix) as ScalingMatrixPayload;
    const matrix = payloadToMatrix(payload);
    const value =
      task.type === "ensemble"
        ? evaluateEnsemble(payload.experiment.slug, matrix, task.request)
        : ensembleCurve(matrix, task.difficulty, task.members, task.bands);
    return { ok: true, value };
  } catch (error) {
    if (error instanceof ApiError)
      return { ok: false, status: error.status, code: error.code, message: error.message };
    throw error;
  }
}
