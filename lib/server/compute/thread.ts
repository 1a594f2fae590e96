import { payloadToMatrix } from "../../api/payloadMatrix";
import type { ScalingMatrixPayload } from "../../api/scalingTypes";
import { evaluateEnsemble } from "../ensembles";
import { ApiError } from "../errors";
import { ensembleCurve } from "../scalingCurves";
import type { ComputeOutcome, ComputeTask } from "./task";

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
