import { describe, expect, it } from "vitest";
import type { CheckpointColumns, SweepMatrix } from "../../../lib/domain/sweep";
import { bootstrapEnsembleGain } from "../../../lib/science/bootstrap";
import { ensemblePassAtK, ensembleProblemPassProbabilities } from "../../../lib/science/ensemblePassAtK";
import { searchEnsembles } from "../../../lib/science/ensembleSearch";
import { SIMULTANEOUS_METHOD, selectionAdjustedGain } from "../../../lib/science/ensembleSelection";
import { normalQuantile } from "../../../lib/science/normalQuantile";
import { createRng } from "../../../lib/science/random";
import { syntheticMatrix } from "../../../lib/science/syntheticMatrix";
import { subsets } from "./enumerate";

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

describe("selectionAdjustedGain", () => {
  it("covers the shown winner's true gain (none) at least 90% of the time on null sweeps (seeded simulation)", () => {
    const trials = 600;
    let covered = 0;
    let ensembles = 0;
    let ensemblesCovered = 0;
    for (let trial = 1; trial <= trials; trial++) {
      const matrix = nullSweep(trial, 6, 60, 8);
      const problems = Int32Array.from(matrix.problems, (_, i) => i);
      // The full search's winner: the set the page, the API and the CLI show.
      const [winner] = searchEnsembles({ matrix, problems, budget: 8, maxMembers: 2, top: 1 }).ensembles;
      const adjusted = selectionAdjustedGain({ matrix, members: winner.members, problems, maxMembers: 2 });
      if (!adjusted) throw new Error("every simulated sweep has enough samples");
      expect(adjusted.gain).toBeCloseTo(winner.gain ?? Number.NaN, 12);
      const hit = adjusted.lower <= 0 && 0 <= adjusted.upper;
      if (hit) covered++;
      expect(adjusted.pickedEnsemble).toBe(winner.members.length > 1);
      if (adjusted.pickedEnsemble) {
        ensembles++;
        if (hit) ensemblesCovered++;
      } else {
        // A single checkpoint shown: gain 0 by construction, said in words rather than as [0, 0].
        expect(adjusted.gain).toBe(0);
        expect(adjusted.explanation).toContain("a single checkpoint, not an ensemble");
      }
    }
    expect(covered / trials).toBeGreaterThanOrEqual(0.9);
    // A shown ensemble is where the winner's curse bites (it won because its noise was lucky).
    expect(ensembles).toBeGreaterThanOrEqual(80);
    expect(ensemblesCovered / ensembles).toBeGreaterThanOrEqual(0.9);
  });

  it("matches a brute-force computation over every single checkpoint and every set", () => {
    const matrix = syntheticMatrix({ alphas: [-0.5, 0, 0.5, 1, 1.5], problems: 41, samples: 20, seed: 3 });
    const problems = Int32Array.from(matrix.problems, (_, i) => i);
    const members = [
      { checkpoint: 1, k: 6 },
      { checkpoint: 3, k: 6 },
    ];
    const adjusted = selectionAdjustedGain({ matrix, members, problems, maxMembers: 3 });
    if (!adjusted) throw new Error("enough samples");

    const sets = [1, 2, 3].reduce((sum, size) => sum + subsets(5, size).length, 0);
    const comparisons = sets * 5;
    const z = normalQuantile(1 - 0.05 / (2 * comparisons));
    const ensemble = Array.from(ensembleProblemPassProbabilities(matrix, members, problems));
    const intervals = [0, 1, 2, 3, 4].map((single) => {
      const alone = ensembleProblemPassProbabilities(matrix, [{ checkpoint: single, k: 12 }], problems);
      const differences = ensemble.map((value, i) => value - alone[i]);
      const mean = differences.reduce((sum, d) => sum + d, 0) / differences.length;
      const variance = differences.reduce((sum, d) => sum + (d - mean) ** 2, 0) / (differences.length - 1);
      const se = Math.sqrt(variance / differences.length);
      return { single, mean, lower: mean - z * se, upper: mean + z * se };
    });
    const singles = [0, 1, 2, 3, 4].map((single) =>
      ensemblePassAtK(matrix, [{ checkpoint: single, k: 12 }], problems),
    );
    const best = singles.indexOf(Math.max(...singles));

    expect(adjusted).toMatchObject({ method: SIMULTANEOUS_METHOD, comparisons: 25 * 5, problems: 41 });
    expect(sets).toBe(25);
    expect(adjusted.baseline).toBe(best);
    expect(adjusted.criticalValue).toBeCloseTo(z, 6);
    expect(adjusted.gain).toBeCloseTo(intervals[best].mean, 12);
    expect(adjusted.upper).toBeCloseTo(intervals[best].upper, 6);
    expect(adjusted.lower).toBeCloseTo(Math.min(...intervals.map((i) => i.lower)), 6);
    expect(adjusted.lower).toBeLessThanOrEqual(adjusted.gain);
    expect(adjusted.upper).toBeGreaterThanOrEqual(adjusted.gain);
    expect(adjusted.explanation).toMatch(/^Simultaneous over every set of up to 3 of the 5 checkpoints/);
  });

  it("with clusters, uses the cluster-robust standard error (brute force), equal to the usual one for clusters of one", () => {
    const matrix = syntheticMatrix({ alphas: [-0.5, 0, 0.5, 1, 1.5], problems: 41, samples: 20, seed: 3 });
    const problems = Int32Array.from(matrix.problems, (_, i) => i);
    const members = [
      { checkpoint: 1, k: 6 },
      { checkpoint: 3, k: 6 },
    ];
    const plain = selectionAdjustedGain({ matrix, members, problems, maxMembers: 3 });
    const singletons = selectionAdjustedGain({
      matrix: { ...matrix, clusters: { by: "contest", keys: matrix.problems.map(() => null) } },
      members,
      problems,
      maxMembers: 3,
    });
    if (!plain || !singletons) throw new Error("enough samples");
    expect(singletons.lower).toBeCloseTo(plain.lower, 12);
    expect(singletons.upper).toBeCloseTo(plain.upper, 12);

    // Seven contests of 5–6 problems (problem i in contest i mod 7).
    const keys = matrix.problems.map((_, i) => `c${i % 7}`);
    const clustered = selectionAdjustedGain({
      matrix: { ...matrix, clusters: { by: "contest", keys } },
      members,
      problems,
      maxMembers: 3,
    });
    if (!clustered) throw new Error("enough samples");
    const ensemble = ensembleProblemPassProbabilities(matrix, members, problems);
    const alone = ensembleProblemPassProbabilities(
      matrix,
      [{ checkpoint: clustered.baseline, k: 12 }],
      problems,
    );
    const differences = Array.from(ensemble, (value, i) => value - alone[i]);
    const mean = differences.reduce((sum, d) => sum + d, 0) / differences.length;
    const clusterSums = [0, 1, 2, 3, 4, 5, 6].map((contest) =>
      differences.reduce((sum, d, i) => (i % 7 === contest ? sum + d - mean : sum), 0),
    );
    const se = Math.sqrt((7 / 6) * clusterSums.reduce((sum, x) => sum + x * x, 0)) / differences.length;
    expect(clustered.gain).toBeCloseTo(mean, 12);
    expect(clustered.upper).toBeCloseTo(mean + clustered.criticalValue * se, 9);
  });

  it("is wider than the raw interval yet finds a real gain: members that solve disjoint problems", () => {
    // Two checkpoints each solving half of the problems: together at k = 4 + 4 they solve nearly all.
    const matrix = syntheticMatrix({ alphas: [0, 1], problems: 200, samples: 8, seed: 5 });
    for (const [j, cp] of matrix.checkpoints.entries())
      for (let p = 0; p < 200; p++) cp.verdicts.pass[p] = p % 2 === j ? 4 : 0;
    const problems = Int32Array.from(matrix.problems, (_, i) => i);
    const members = [
      { checkpoint: 0, k: 4 },
      { checkpoint: 1, k: 4 },
    ];
    const adjusted = selectionAdjustedGain({ matrix, members, problems, maxMembers: 2 });
    const raw = bootstrapEnsembleGain(matrix, members, problems, { resamples: 500, seed: 1 });
    if (!adjusted || !raw) throw new Error("enough samples");
    expect(adjusted.pickedEnsemble).toBe(true);
    expect(adjusted.gain).toBeCloseTo(raw.value, 12);
    expect(adjusted.lower).toBeGreaterThan(0.3);
    expect(adjusted.lower).toBeLessThan(raw.lower);
    expect(adjusted.upper).toBeGreaterThan(raw.upper);
    // 3 sets (two singles and the pair) against 2 singles: z = Φ⁻¹(1 − 0.05 / 12).
    expect(adjusted.comparisons).toBe(6);
    expect(adjusted.criticalValue).toBeCloseTo(normalQuantile(1 - 0.05 / 12), 9);
  });

  it("gives no interval without two problems or without a single checkpoint with n ≥ K", () => {
    const matrix = syntheticMatrix({ alphas: [0, 1], problems: 6, samples: 4, seed: 1 });
    const members = [
      { checkpoint: 0, k: 1 },
      { checkpoint: 1, k: 1 },
    ];
    expect(selectionAdjustedGain({ matrix, members, problems: [0], maxMembers: 2 })).toBeNull();
    const wide = [
      { checkpoint: 0, k: 3 },
      { checkpoint: 1, k: 2 },
    ];
    expect(
      selectionAdjustedGain({ matrix, members: wide, problems: [0, 1, 2, 3], maxMembers: 2 }),
    ).toBeNull();
  });
});
