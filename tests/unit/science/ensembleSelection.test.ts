import { describe, expect, it } from "vitest";
import type { CheckpointColumns, SweepMatrix } from "../../../lib/domain/sweep";
import { SAMPLE_SPLIT_METHOD, sampleSplitGainCI } from "../../../lib/science/ensembleSelection";
import { createRng } from "../../../lib/science/random";
import { syntheticMatrix } from "../../../lib/science/syntheticMatrix";

const BOOTSTRAP = { resamples: 200, seed: 11, level: 0.95 };

/**
 * A sweep with no true gain anywhere: every checkpoint samples every problem with the same pass
 * probability, so every ensemble's expected pass@K equals every single checkpoint's (the unbiased
 * estimator's expectation is 1 − (1 − p)^K however K is split).
 */
function nullSweep(seed: number, checkpoints: number, problems: number, samples: number): SweepMatrix {
  const rng = createRng(seed);
  const rates = Array.from({ length: problems }, () => (rng() < 0.5 ? rng() * 0.15 : rng() * 0.6));
  const columns = Array.from({ length: checkpoints }, (_, j): CheckpointColumns => {
    const pass = Int32Array.from(rates, (p) => {
      let passes = 0;
      for (let s = 0; s < samples; s++) if (rng() < p) passes++;
      return passes;
    });
    const zeros = () => new Int32Array(problems);
    return {
      alpha: j / (checkpoints - 1),
      label: null,
      n: new Int32Array(problems).fill(samples),
      verdicts: {
        pass,
        wrongAnswer: Int32Array.from(pass, (c) => samples - c),
        timeLimit: zeros(),
        runtimeError: zeros(),
        compileError: zeros(),
        other: zeros(),
      },
      runtimeMeanMs: new Float64Array(problems).fill(Number.NaN),
      runtimeCount: zeros(),
    };
  });
  return {
    problems: rates.map((_, i) => ({ externalId: `p${i}`, title: null, difficulty: "hard" as const })),
    checkpoints: columns,
  };
}

describe("sampleSplitGainCI", () => {
  it("covers the true gain (none) near its nominal 95%, also when its pick is an ensemble (seeded simulation)", () => {
    const trials = 300;
    let covered = 0;
    let ensembles = 0;
    let ensemblesCovered = 0;
    for (let trial = 1; trial <= trials; trial++) {
      const matrix = nullSweep(trial, 6, 60, 8);
      const problems = Int32Array.from(matrix.problems, (_, i) => i);
      const split = sampleSplitGainCI({
        matrix,
        problems,
        budget: 8,
        maxMembers: 2,
        bootstrap: { ...BOOTSTRAP, seed: trial },
      });
      if (!split) throw new Error("every simulated sweep has enough samples");
      const hit = split.lower <= 0 && 0 <= split.upper;
      if (hit) covered++;
      expect(split.pickedEnsemble).toBe(split.members.length > 1);
      if (split.pickedEnsemble) {
        ensembles++;
        if (hit) ensemblesCovered++;
      } else {
        // A single checkpoint picked: gain 0 by construction, said in words rather than as [0, 0].
        expect(split.gain).toBe(0);
        expect(split.explanation).toContain("picked a single checkpoint, not an ensemble");
      }
    }
    expect(covered / trials).toBeGreaterThanOrEqual(0.92);
    expect(covered / trials).toBeLessThanOrEqual(0.99);
    // A picked ensemble is where a winner's curse would show: still near nominal.
    expect(ensembles).toBeGreaterThanOrEqual(30);
    expect(ensemblesCovered / ensembles).toBeGreaterThanOrEqual(0.88);
  });

  it("is seeded, says how it was made, and picks on one half while measuring on the other", () => {
    const matrix = syntheticMatrix({ alphas: [-0.5, 0, 0.5, 1, 1.5], problems: 61, samples: 20, seed: 3 });
    const problems = Int32Array.from(matrix.problems, (_, i) => i);
    const options = { matrix, problems, budget: 12, maxMembers: 2, bootstrap: BOOTSTRAP };
    const first = sampleSplitGainCI(options);
    expect(sampleSplitGainCI(options)).toEqual(first);
    expect(first).toMatchObject({
      method: SAMPLE_SPLIT_METHOD,
      selectionProblems: 31,
      estimationProblems: 30,
    });
    expect(first?.explanation).toMatch(/^Sample split: /);
    if (!first) throw new Error("enough samples");
    expect(first.lower).toBeLessThanOrEqual(first.gain);
    expect(first.upper).toBeGreaterThanOrEqual(first.gain);
    expect(first.members.reduce((sum, m) => sum + m.k, 0)).toBe(12);
  });

  it("gives no interval without two problems or without enough samples for the budget", () => {
    const matrix = syntheticMatrix({ alphas: [0, 1], problems: 6, samples: 4, seed: 1 });
    expect(sampleSplitGainCI({ matrix, problems: [0], budget: 2, maxMembers: 2 })).toBeNull();
    expect(sampleSplitGainCI({ matrix, problems: [0, 1, 2, 3], budget: 5, maxMembers: 2 })).toBeNull();
  });
});
