import { DIFFICULTIES } from "../domain/difficulty";
import type { CheckpointColumns, SweepMatrix, SweepProblem } from "../domain/sweep";
import { emptyVerdictCounts, VERDICTS, type Verdict } from "../domain/verdicts";
import { createRng } from "./random";

export interface SyntheticMatrixOptions {
  alphas: readonly number[];
  problems: number;
  /** Samples per (checkpoint, problem); a function lets tests vary n per problem. */
  samples: number | ((checkpoint: number, problem: number) => number);
  seed: number;
}

/**
 * A seeded random sweep matrix for tests and benchmarks of the science core: per problem a latent
 * difficulty, per checkpoint a pass probability that peaks inside the α range, and the failures
 * split between wrong answers and time limits by α. Not a model of real data (see lib/demo).
 */
export function syntheticMatrix({ alphas, problems, samples, seed }: SyntheticMatrixOptions): SweepMatrix {
  const rng = createRng(seed);
  const buckets = DIFFICULTIES.slice(0, 3);
  const problemList: SweepProblem[] = Array.from({ length: problems }, (_, i) => ({
    externalId: `p${i}`,
    title: null,
    difficulty: buckets[i % buckets.length],
  }));
  const hardness = Float64Array.from(problemList, (_, i) => (i % 3) + rng() * 2 - 1);
  // Each problem is easiest at its own α, so ensembles of different α can beat any single one.
  const lo = Math.min(...alphas);
  const hi = Math.max(...alphas);
  const preferred = Float64Array.from(problemList, () => lo + rng() * (hi - lo));
  const checkpoints = alphas.map((alpha, j): CheckpointColumns => {
    const zeros = () => new Int32Array(problems);
    const columns: Record<Verdict, Int32Array> = {
      pass: zeros(),
      wrongAnswer: zeros(),
      timeLimit: zeros(),
      runtimeError: zeros(),
      compileError: zeros(),
      other: zeros(),
    };
    const n = new Int32Array(problems);
    const runtimeMeanMs = new Float64Array(problems).fill(Number.NaN);
    const runtimeCount = new Int32Array(problems);
    for (let p = 0; p < problems; p++) {
      n[p] = typeof samples === "number" ? samples : samples(j, p);
      const logit = 1 - 1.8 * hardness[p] - 1.5 * (alpha - preferred[p]) ** 2;
      const pass = 1 / (1 + Math.exp(-logit));
      const wrongShare = 0.3 + 0.25 * Math.tanh(alpha);
      const counts = emptyVerdictCounts();
      for (let s = 0; s < n[p]; s++) {
        const u = rng();
        if (u < pass) counts.pass++;
        else if (u < pass + (1 - pass) * wrongShare) counts.wrongAnswer++;
        else if (u < pass + (1 - pass) * (wrongShare + 0.5)) counts.timeLimit++;
        else counts[VERDICTS[3 + Math.floor(rng() * 3)]]++;
      }
      for (const v of VERDICTS) columns[v][p] = counts[v];
      if (counts.pass > 0) {
        runtimeCount[p] = counts.pass;
        runtimeMeanMs[p] = 50 + 400 * rng() * (1 + hardness[p]);
      }
    }
    return { alpha, label: null, n, verdicts: columns, runtimeMeanMs, runtimeCount };
  });
  return { problems: problemList, checkpoints };
}
