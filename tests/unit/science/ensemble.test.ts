import { describe, expect, it } from "vitest";
import {
  bestSingle,
  ensemblePassAtK,
  ensembleProblemPassProbabilities,
  searchEnsembles,
  searchFamilySize,
  splitBudgetByWeights,
  splitBudgetEqual,
} from "../../../lib/science/ensemble";
import { meanPassAtK } from "../../../lib/science/passAtK";
import { createRng, randomIndex } from "../../../lib/science/random";
import { sliceProblemIndices } from "../../../lib/science/slices";
import { syntheticMatrix } from "../../../lib/science/syntheticMatrix";
import { passMatrix } from "./buildMatrix";
import { subsets } from "./enumerate";

describe("ensemble pass@K", () => {
  it("equals the share of joint draws with a pass, enumerated exhaustively for small n", () => {
    // Three checkpoints with n = 6, 5 and 4 samples on one problem; samples below c pass.
    const cases = [
      { n: 6, c: 1 },
      { n: 6, c: 0 },
      { n: 6, c: 2 },
    ];
    const matrix = passMatrix(
      6,
      cases.map(({ c }) => [c]),
    );
    for (const ks of [
      [1, 1, 1],
      [2, 3, 1],
      [3, 0, 3],
      [6, 1, 2],
    ]) {
      const draws = ks.map((k) => subsets(6, k));
      let hits = 0;
      let total = 0;
      for (const a of draws[0])
        for (const b of draws[1])
          for (const c of draws[2]) {
            total++;
            if ([a, b, c].some((subset, i) => subset.some((sample) => sample < cases[i].c))) hits++;
          }
      const members = ks.map((k, checkpoint) => ({ checkpoint, k }));
      expect(ensemblePassAtK(matrix, members, [0])).toBeCloseTo(hits / total, 12);
    }
  });

  it("agrees with a seeded simulation for n = 100 per member", () => {
    const matrix = passMatrix(100, [[3], [1]]);
    const members = [
      { checkpoint: 0, k: 20 },
      { checkpoint: 1, k: 30 },
    ];
    const rng = createRng(3);
    const trials = 20_000;
    let hits = 0;
    // A draw of k from 100 without replacement hits one of the c passes (indices < c).
    const hitsPass = (c: number, k: number) => {
      const pool = Array.from({ length: 100 }, (_, i) => i);
      for (let i = 0; i < k; i++) {
        const j = i + randomIndex(rng, 100 - i);
        [pool[i], pool[j]] = [pool[j], pool[i]];
        if (pool[i] < c) return true;
      }
      return false;
    };
    for (let t = 0; t < trials; t++) if (hitsPass(3, 20) || hitsPass(1, 30)) hits++;
    const expected = ensemblePassAtK(matrix, members, [0]);
    expect(Math.abs(hits / trials - expected)).toBeLessThan(
      4 * Math.sqrt((expected * (1 - expected)) / trials),
    );
  });

  it("reduces to mean pass@k for one member and averages per-problem probabilities", () => {
    const matrix = passMatrix(10, [
      [0, 3, 10, 1],
      [5, 0, 2, 1],
    ]);
    const single = ensemblePassAtK(matrix, [{ checkpoint: 0, k: 4 }], [0, 1, 2, 3]);
    expect(single).toBeCloseTo(
      meanPassAtK(matrix.checkpoints[0].n, matrix.checkpoints[0].verdicts.pass, 4),
      14,
    );
    const members = [
      { checkpoint: 0, k: 2 },
      { checkpoint: 1, k: 2 },
    ];
    const perProblem = ensembleProblemPassProbabilities(matrix, members, [0, 1, 2, 3]);
    expect(perProblem[2]).toBe(1);
    expect(ensemblePassAtK(matrix, members, [1, 3])).toBeCloseTo((perProblem[1] + perProblem[3]) / 2, 15);
  });

  it("rejects a member with fewer samples than its k, and a checkpoint listed twice", () => {
    const matrix = passMatrix(4, [[1], [2]]);
    expect(() => ensemblePassAtK(matrix, [{ checkpoint: 0, k: 5 }], [0])).toThrow(/fewer than its k = 5/);
    expect(() =>
      ensemblePassAtK(
        matrix,
        [
          { checkpoint: 1, k: 1 },
          { checkpoint: 1, k: 1 },
        ],
        [0],
      ),
    ).toThrow(/appears twice/);
  });
});

describe("budget splits", () => {
  it("splits equally, the remainder to the first members", () => {
    expect(splitBudgetEqual(250, 3)).toEqual([84, 83, 83]);
    expect(splitBudgetEqual(10, 4)).toEqual([3, 3, 2, 2]);
    expect(splitBudgetEqual(2, 3)).toEqual([1, 1, 0]);
  });

  it("splits by weights with parts summing to the budget, ties to the earlier member", () => {
    expect(splitBudgetByWeights(250, [1, 1, 2])).toEqual([63, 62, 125]);
    expect(splitBudgetByWeights(10, [0.2, 0.8])).toEqual([2, 8]);
    expect(splitBudgetByWeights(7, [1, 1, 1]).reduce((a, b) => a + b)).toBe(7);
    expect(() => splitBudgetByWeights(10, [0, 0])).toThrow(RangeError);
  });
});

describe("bestSingle", () => {
  it("picks the highest pass@K among checkpoints with n ≥ K on every problem", () => {
    const matrix = passMatrix(8, [
      [1, 0],
      [2, 2],
      [8, 0],
    ]);
    matrix.checkpoints[2].n[1] = 3;
    matrix.checkpoints[2].verdicts.wrongAnswer[1] = 3;
    const best = bestSingle(matrix, 4, [0, 1]);
    expect(best?.checkpoint).toBe(1);
    // C(6, 4)/C(8, 4) = 15/70 of 4-draws miss both passes, on both problems.
    expect(best?.passAtK).toBeCloseTo(1 - 15 / 70, 12);
    expect(bestSingle(matrix, 9, [0, 1])).toBeNull();
  });
});

describe("searchFamilySize", () => {
  it("counts every set of 1 … min(maxMembers, K, checkpoints) checkpoints, as an enumeration does", () => {
    const count = (checkpoints: number, largest: number) =>
      Array.from({ length: largest }, (_, i) => subsets(checkpoints, i + 1).length).reduce(
        (a, b) => a + b,
        0,
      );
    expect(searchFamilySize(7, 3, 250)).toBe(count(7, 3));
    expect(searchFamilySize(7, 6, 2)).toBe(count(7, 2)); // K = 2 allows two members at most
    expect(searchFamilySize(3, 6, 250)).toBe(7);
    expect(searchFamilySize(41, 3, 250)).toBe(11521);
  });
});

describe("searchEnsembles", () => {
  const matrix = syntheticMatrix({
    alphas: [-1, -0.5, 0, 0.5, 1, 1.5, 2],
    problems: 60,
    samples: 24,
    seed: 1,
  });
  const hard = sliceProblemIndices(matrix, "hard");

  it("finds the same ranking as evaluating every set of up to 3 checkpoints by brute force", () => {
    const result = searchEnsembles({ matrix, budget: 20, maxMembers: 3, problems: hard, top: 5 });
    const all: { checkpoints: number[]; passAtK: number }[] = [];
    for (let size = 1; size <= 3; size++) {
      for (const set of subsets(7, size)) {
        const split = splitBudgetEqual(20, size);
        const members = set.map((checkpoint, i) => ({ checkpoint, k: split[i] }));
        all.push({ checkpoints: set, passAtK: ensemblePassAtK(matrix, members, hard) });
      }
    }
    all.sort((a, b) => b.passAtK - a.passAtK);
    expect(result.method).toBe("exact");
    expect(result.evaluated).toBe(7 + 21 + 35);
    expect(result.ensembles.map((e) => e.passAtK)).toEqual(all.slice(0, 5).map((e) => e.passAtK));
    expect(result.ensembles[0].members.map((m) => m.checkpoint)).toEqual(all[0].checkpoints);
    const best = bestSingle(matrix, 20, hard);
    expect(result.bestSingle).toEqual(best);
    expect(result.ensembles[0].gain).toBe(result.ensembles[0].passAtK - (best?.passAtK ?? 0));
    expect(result.ensembles[0].gain).toBeGreaterThan(0);
  });

  it("turns greedy when the space is too large, and says so", () => {
    const wide = syntheticMatrix({
      alphas: Array.from({ length: 41 }, (_, i) => -1 + i * 0.075),
      problems: 30,
      samples: 16,
      seed: 2,
    });
    const problems = sliceProblemIndices(wide, "all");
    const progress: number[] = [];
    const result = searchEnsembles({
      matrix: wide,
      budget: 12,
      maxMembers: 6,
      problems,
      onProgress: (done) => progress.push(done),
    });
    expect(result.method).toBe("greedy");
    expect(result.approximation).toMatch(/Not guaranteed optimal/);
    expect(progress.at(-1)).toBe(result.evaluated);
    const top = result.ensembles[0];
    expect(top.passAtK).toBeGreaterThanOrEqual(result.bestSingle?.passAtK ?? 1);
    expect(ensemblePassAtK(wide, top.members, problems)).toBe(top.passAtK);
    expect(top.members.reduce((sum, m) => sum + m.k, 0)).toBe(12);
  });
});
