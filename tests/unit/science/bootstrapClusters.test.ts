import { describe, expect, it } from "vitest";
import type { SweepMatrix } from "../../../lib/domain/sweep";
import {
  bootstrapCI,
  bootstrapFrontier,
  bootstrapFrontierStrata,
  drawCounts,
} from "../../../lib/science/bootstrap";
import { clusterGroups } from "../../../lib/science/clusterResample";
import { passAtKBands } from "../../../lib/science/passAtKBands";
import { createRng } from "../../../lib/science/random";
import { sliceProblemIndices } from "../../../lib/science/slices";
import { syntheticMatrix } from "../../../lib/science/syntheticMatrix";
import { passMatrix } from "./buildMatrix";

describe("the bootstrap with the cluster option off", () => {
  const matrix = syntheticMatrix({ alphas: [0, 0.5, 1], problems: 60, samples: 8, seed: 5 });
  const strata = (["easy", "medium", "hard"] as const).map((d) => sliceProblemIndices(matrix, d));
  const all = sliceProblemIndices(matrix, "all");
  const options = { resamples: 200, seed: 3, level: 0.95 };

  it("gives, bit for bit, the intervals of the bootstrap before the option existed", () => {
    // Printed by the same calls on main at 2d89d81, before clustered draws were added.
    const frontier = bootstrapFrontierStrata(matrix, strata, options);
    expect(
      frontier.combined.map(({ solveRate }) => [
        solveRate?.lower,
        solveRate?.upper,
        solveRate?.deltaB?.lower,
        solveRate?.deltaB?.upper,
      ]),
    ).toEqual([
      [0.2623958333333334, 0.3877604166666667, -0.04598958333333331, 0.08963541666666669],
      [0.29375, 0.42083333333333334, -0.014583333333333337, 0.11463541666666666],
      [0.24786458333333336, 0.36046875, 0, 0],
    ]);
    expect(frontier.strata[2].map(({ solveRate }) => [solveRate?.lower, solveRate?.upper])).toEqual([
      [0.04375, 0.16281250000000008],
      [0.04359375000000002, 0.1875],
      [0.01875, 0.10015625000000004],
    ]);
    const cp = matrix.checkpoints[1];
    expect(
      passAtKBands(cp.n, cp.verdicts.pass, [1, 4], all, options)?.map((e) => [e.lower, e.upper]),
    ).toEqual([
      [0.27708333333333335, 0.4356770833333334],
      [0.5223095238095238, 0.7304285714285713],
    ]);
    const ci = bootstrapCI((s) => s.reduce((sum, p) => sum + (p % 7), 0) / s.length, all, options);
    expect([ci.lower, ci.upper]).toEqual([2.481666666666667, 3.334166666666667]);
  });

  it("is the same with every problem its own cluster (all keys null)", () => {
    const singletons: SweepMatrix = {
      ...matrix,
      clusters: { by: "contest", keys: matrix.problems.map(() => null) },
    };
    expect(bootstrapFrontierStrata(singletons, strata, options)).toEqual(
      bootstrapFrontierStrata(matrix, strata, options),
    );
  });
});

describe("drawCounts by cluster", () => {
  it("draws whole clusters, as many draws as clusters", () => {
    const keys = ["a", "a", "b", null, "b", "c", "c", "c"];
    const groups = clusterGroups(keys);
    const rng = createRng(8);
    const counts = new Int32Array(keys.length);
    for (let r = 0; r < 500; r++) {
      drawCounts(rng, counts, groups);
      // Every problem of a cluster is drawn as often as the cluster.
      const times = groups.map((group) => counts[group[0]]);
      groups.forEach((group, g) => {
        for (const problem of group) expect(counts[problem]).toBe(times[g]);
      });
      expect(times.reduce((sum, t) => sum + t, 0)).toBe(groups.length);
    }
  });
});

/**
 * Seeded coverage simulation: 24 contests of 5 problems; a contest's problems share its difficulty
 * (pass rate uniform in [0.1, 0.9], each problem within ±0.05 of it), so the population mean solve
 * rate is 0.5 and problems of one contest are strongly correlated. The problem bootstrap treats 120
 * problems as independent and under-covers; the cluster bootstrap resamples the 24 contests.
 */
describe("cluster bootstrap coverage", () => {
  const contests = 24;
  const perContest = 5;
  const samples = 4;
  const trials = 300;
  const options = { resamples: 300, level: 0.95 };

  function trialMatrix(rng: () => number): SweepMatrix {
    const passes: number[] = [];
    const keys: string[] = [];
    for (let g = 0; g < contests; g++) {
      const contestRate = 0.1 + 0.8 * rng();
      for (let i = 0; i < perContest; i++) {
        const rate = contestRate + 0.1 * (rng() - 0.5);
        let pass = 0;
        for (let s = 0; s < samples; s++) if (rng() < rate) pass++;
        passes.push(pass);
        keys.push(`contest-${g}`);
      }
    }
    return { ...passMatrix(samples, [passes]), clusters: { by: "contest", keys } };
  }

  it("is near 95 % by cluster while the problem bootstrap under-covers", () => {
    const rng = createRng(2411);
    let clusteredHits = 0;
    let naiveHits = 0;
    for (let t = 0; t < trials; t++) {
      const clustered = trialMatrix(rng);
      const { clusters: _, ...naive } = clustered;
      const all = sliceProblemIndices(clustered, "all");
      const covers = (matrix: SweepMatrix) => {
        const estimate = bootstrapFrontier(matrix, all, { ...options, seed: t })[0].solveRate;
        return estimate !== undefined && estimate.lower <= 0.5 && 0.5 <= estimate.upper ? 1 : 0;
      };
      clusteredHits += covers(clustered);
      naiveHits += covers(naive);
    }
    const clusteredCoverage = clusteredHits / trials;
    const naiveCoverage = naiveHits / trials;
    expect(clusteredCoverage).toBeGreaterThanOrEqual(0.9);
    expect(clusteredCoverage).toBeLessThanOrEqual(0.99);
    expect(naiveCoverage).toBeLessThan(0.85);
  }, 120_000);
});
