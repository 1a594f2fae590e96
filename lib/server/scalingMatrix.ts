import type { ScalingMatrixPayload } from "../api/scalingTypes";
import type { Db } from "../db/client";
import { derive, type LoadedSweep } from "./sweepCache";

/** The sample and pass counts the browser needs to search ensembles and draw coverage itself. */
export function scalingMatrixPayload({ header, matrix }: LoadedSweep): ScalingMatrixPayload {
  return {
    experiment: {
      slug: header.slug,
      name: header.name,
      synthetic: header.synthetic,
      endpoints: { a: header.endpoints.a.label, b: header.endpoints.b.label },
    },
    problems: matrix.problems.map(({ externalId, title, difficulty }) => ({ externalId, title, difficulty })),
    checkpoints: matrix.checkpoints.map((cp) => ({
      alpha: cp.alpha,
      label: cp.label,
      n: Array.from(cp.n),
      pass: Array.from(cp.verdicts.pass),
    })),
  };
}

/** GET /api/experiments/[slug]/matrix; null when there is no such experiment. */
export function getScalingMatrix(db: Db, slug: string): Promise<ScalingMatrixPayload | null> {
  return derive(db, slug, "scaling-matrix", scalingMatrixPayload);
}
