import type { ScalingMatrixPayload } from "../contracts/scalingTypes";
import type { SweepMatrix } from "../domain/sweep";
import { VERDICTS, type Verdict } from "../domain/verdicts";

/**
 * A SweepMatrix rebuilt from the matrix route's payload so the science core runs in the browser.
 * Only n and pass counts travel (and the cluster keys, when the experiment resamples by cluster);
 * every other verdict column is zero and runtimes are unknown, which is all pass@k, ensembles and
 * their search read.
 */
export function payloadToMatrix(payload: ScalingMatrixPayload): SweepMatrix {
  const size = payload.problems.length;
  return {
    problems: payload.problems.map(({ externalId, title, difficulty }) => ({
      externalId,
      title,
      difficulty,
    })),
    checkpoints: payload.checkpoints.map((cp) => {
      const verdicts = Object.fromEntries(VERDICTS.map((v) => [v, new Int32Array(size)])) as Record<
        Verdict,
        Int32Array
      >;
      verdicts.pass = Int32Array.from(cp.pass);
      return {
        alpha: cp.alpha,
        label: cp.label,
        n: Int32Array.from(cp.n),
        verdicts,
        runtimeMeanMs: new Float64Array(size).fill(Number.NaN),
        runtimeCount: new Int32Array(size),
      };
    }),
    ...(payload.clusters ? { clusters: payload.clusters } : {}),
  };
}
