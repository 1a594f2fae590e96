import { describe, expect, it } from "vitest";
import type { Difficulty } from "../../../lib/domain/difficulty";
import type { SweepMatrix } from "../../../lib/domain/sweep";
import { sliceSummary } from "../../../lib/science/metrics";
import { availableKs, meanPassAtK, minSamples, noPassTable, passAtK } from "../../../lib/science/passAtK";
import { createRng, randomIndex } from "../../../lib/science/random";
import { sliceProblemIndices } from "../../../lib/science/slices";
import { lcbText } from "../../support/lcbFixture";
import { subsets } from "./enumerate";

describe("passAtK", () => {
  it("equals the share of k-subsets containing a pass, for every n ≤ 9", () => {
    for (let n = 1; n <= 9; n++) {
      for (let c = 0; c <= n; c++) {
        for (let k = 1; k <= n; k++) {
          // Samples 0…c−1 pass.
          const all = subsets(n, k);
          const hits = all.filter((subset) => subset.some((sample) => sample < c)).length;
          expect(passAtK(n, c, k)).toBeCloseTo(hits / all.length, 12);
        }
      }
    }
  });

  it("agrees with a seeded simulation of drawing without replacement for n = 200", () => {
    const rng = createRng(11);
    const n = 200;
    const c = 7;
    const k = 40;
    const trials = 20_000;
    let hits = 0;
    const pool = Array.from({ length: n }, (_, i) => i);
    for (let t = 0; t < trials; t++) {
      // Partial Fisher–Yates: the first k entries are a uniform k-subset.
      for (let i = 0; i < k; i++) {
        const j = i + randomIndex(rng, n - i);
        [pool[i], pool[j]] = [pool[j], pool[i]];
      }
      if (pool.slice(0, k).some((sample) => sample < c)) hits++;
    }
    const expected = passAtK(n, c, k);
    const standardError = Math.sqrt((expected * (1 - expected)) / trials);
    expect(Math.abs(hits / trials - expected)).toBeLessThan(4 * standardError);
  });

  it("stays exact for n = 100 000", () => {
    // C(n−3, k)/C(n, k) = (n−k)(n−k−1)(n−k−2) / (n(n−1)(n−2)).
    const n = 100_000;
    const k = 50_000;
    const expected = 1 - ((n - k) * (n - k - 1) * (n - k - 2)) / (n * (n - 1) * (n - 2));
    expect(passAtK(n, 3, k)).toBeCloseTo(expected, 13);
    expect(passAtK(n, 60_000, k)).toBe(1);
    expect(passAtK(n, 0, k)).toBe(0);
  });

  it("is 1 when fewer than k samples fail", () => {
    expect(passAtK(10, 8, 3)).toBe(1);
    expect(passAtK(10, 7, 3)).toBeLessThan(1);
  });

  it("rejects k > n and invalid counts with a RangeError that says why", () => {
    expect(() => passAtK(5, 1, 6)).toThrow(RangeError);
    expect(() => passAtK(5, 1, 6)).toThrow(/k ≤ n/);
    expect(() => passAtK(5, 6, 1)).toThrow(/passing count/);
    expect(() => passAtK(5, 1, 0)).toThrow(/positive integer/);
    expect(() => passAtK(5.5, 1, 1)).toThrow(RangeError);
  });

  it("has a no-pass table equal to 1 − pass@k for every c", () => {
    const table = noPassTable(30, 7);
    for (let c = 0; c <= 30; c++) expect(1 - table[c]).toBeCloseTo(passAtK(30, c, 7), 14);
  });
});

describe("meanPassAtK", () => {
  const n = Int32Array.from([4, 0, 4, 2]);
  const c = Int32Array.from([1, 0, 4, 1]);

  it("averages over problems and skips problems without samples", () => {
    expect(meanPassAtK(n, c, 1)).toBeCloseTo((0.25 + 1 + 0.5) / 3, 15);
    expect(meanPassAtK(n, c, 2)).toBeCloseTo((0.5 + 1 + 1) / 3, 15);
  });

  it("equals the per-problem mean whether sample counts repeat (histogram) or all differ (direct)", () => {
    const rng = createRng(11);
    for (const distinctN of [false, true]) {
      const n = Array.from({ length: 300 }, (_, i) => (distinctN ? 300 + 7 * i : 50 + (i % 3)));
      const c = n.map((samples) => Math.floor(rng() * (samples + 1)));
      for (const k of [1, 7, 50]) {
        const expected = n.reduce((sum, samples, i) => sum + passAtK(samples, c[i], k), 0) / n.length;
        expect(meanPassAtK(n, c, k)).toBeCloseTo(expected, 12);
      }
    }
  });

  it("restricts to the listed problems and is NaN when none has samples", () => {
    expect(meanPassAtK(n, c, 1, [0, 2])).toBeCloseTo(0.625, 15);
    expect(meanPassAtK(n, c, 1, [1])).toBeNaN();
  });

  it("refuses a k larger than an included problem's n", () => {
    expect(() => meanPassAtK(n, c, 3)).toThrow(/pass@3 is undefined with only n = 2/);
    expect(meanPassAtK(n, c, 3, [0, 2])).toBeCloseTo(0.875, 15);
  });

  it("gives a curve that never decreases in k, over the defined k only", () => {
    const ks = availableKs(minSamples(n, [0, 2]), [1, 2, 3, 4, 5]);
    expect(ks).toEqual([1, 2, 3, 4]);
    const curve = ks.map((k) => meanPassAtK(n, c, k, [0, 2]));
    for (let i = 1; i < curve.length; i++) expect(curve[i]).toBeGreaterThanOrEqual(curve[i - 1]);
  });

  it("lists the standard k available for n = 256", () => {
    expect(availableKs(256)).toEqual([1, 5, 10, 25, 50, 100, 250]);
  });
});

describe("the LiveCodeBench Qwen-3-8B run (n = 1 per problem)", () => {
  const rows: { question_id: string; difficulty: Difficulty; graded_list: boolean[] }[] = JSON.parse(
    lcbText("eval_all.json"),
  );
  const n = Int32Array.from(rows, (row) => row.graded_list.length);
  const pass = Int32Array.from(rows, (row) => (row.graded_list[0] ? 1 : 0));
  const zeros = () => new Int32Array(rows.length);
  // Failures are all counted as wrong answers here: only passes matter for pass@1.
  const wrongAnswer = Int32Array.from(n, (samples, i) => samples - pass[i]);
  const matrix: SweepMatrix = {
    problems: rows.map((row) => ({ externalId: row.question_id, title: null, difficulty: row.difficulty })),
    checkpoints: [
      {
        alpha: 0,
        label: "Qwen-3-8B",
        n,
        verdicts: {
          pass,
          wrongAnswer,
          timeLimit: zeros(),
          runtimeError: zeros(),
          compileError: zeros(),
          other: zeros(),
        },
        runtimeMeanMs: new Float64Array(rows.length).fill(Number.NaN),
        runtimeCount: zeros(),
      },
    ],
  };

  it("has pass@1 = 305/1055", () => {
    expect(Math.abs(meanPassAtK(n, pass, 1) - 305 / 1055)).toBeLessThan(1e-12);
    expect(
      Math.abs(
        sliceSummary(matrix.checkpoints[0], sliceProblemIndices(matrix, "all")).solveRate - 305 / 1055,
      ),
    ).toBeLessThan(1e-12);
  });

  it("has 322 easy, 383 medium and 350 hard problems", () => {
    const sizes = (["easy", "medium", "hard"] as const).map(
      (slice) => sliceProblemIndices(matrix, slice).length,
    );
    expect(sizes).toEqual([322, 383, 350]);
  });
});
