import type { ScalingMatrixPayload } from "../../contracts/scalingTypes";
import type { SweepMatrix } from "../../domain/sweep";
import { claimsOnAxes } from "../../responses/claims";
import { payloadToMatrix } from "../../responses/payloadMatrix";
import { statisticBody } from "../../responses/statisticPayloads";
import { sweepFromColumns } from "../../responses/sweepColumns";
import { evaluateEnsemble, searchEnsemblesOf } from "../ensembles";
import { ApiError } from "../errors";
import { ensembleCurve } from "../scalingCurves";
import { zipFolder } from "../zipFolder";
import type { ComputeOutcome, ComputeTask } from "./task";
import { lowerThisThreadPriority } from "./threadPriority";

lowerThisThreadPriority();

type MatrixTask = Exclude<ComputeTask, { type: "claims-axes" | "zip-folder" | "version-statistic" }>;

function run(task: MatrixTask, slug: string, matrix: SweepMatrix): unknown {
  switch (task.type) {
    case "ensemble":
      return evaluateEnsemble(slug, matrix, task.request);
    case "ensemble-search":
      return searchEnsemblesOf(slug, matrix, task.settings);
    case "ensemble-curve":
      return ensembleCurve(matrix, task.difficulty, task.members, task.bands);
  }
}

/**
 * Runs one task in a pool thread (see pool.ts). Ensembles need only n and pass per problem, which
 * is exactly what the stored matrix holds, so the numbers equal those computed from the full results.
 */
export default function compute(task: ComputeTask): ComputeOutcome {
  try {
    if (task.type === "zip-folder")
      return { ok: true, value: zipFolder(task.folder, task.files, new Date(task.mtime)) };
    if (task.type === "version-statistic")
      return { ok: true, value: statisticBody(task.kind, task.version, task.sweep) };
    if (task.type === "claims-axes")
      return {
        ok: true,
        value: claimsOnAxes(sweepFromColumns(JSON.parse(task.sweep)), task.difficulty, task.axes),
      };
    const payload = JSON.parse(task.matrix) as ScalingMatrixPayload;
    const matrix = payloadToMatrix(payload);
    return { ok: true, value: run(task, payload.experiment.slug, matrix) };
  } catch (error) {
    if (error instanceof ApiError)
      return { ok: false, status: error.status, code: error.code, message: error.message };
    throw error;
  }
}
