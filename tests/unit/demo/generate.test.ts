import { describe, expect, it } from "vitest";
import { generateDemoSweep } from "../../../lib/demo/generate";
import { alphaGrid, DEFAULT_DEMO_OPTIONS } from "../../../lib/demo/options";
import { sweepInputToMatrix } from "../../../lib/domain/toMatrix";
import { sumVerdicts } from "../../../lib/domain/verdicts";
import { sliceSummary } from "../../../lib/science/metrics";
import { sliceProblemIndices } from "../../../lib/science/slices";

const SMALL = { problems: { easy: 3, medium: 4, hard: 5 }, alphas: [0, 0.5, 1], samples: 10 };

describe("generateDemoSweep", () => {
  it("is deterministic in its seed", () => {
    expect(generateDemoSweep({ ...SMALL, seed: 7 })).toEqual(generateDemoSweep({ ...SMALL, seed: 7 }));
    expect(generateDemoSweep({ ...SMALL, seed: 8 })).not.toEqual(generateDemoSweep({ ...SMALL, seed: 7 }));
  });

  it("leaves the other checkpoints unchanged when an α is added to the grid", () => {
    const three = generateDemoSweep(SMALL);
    const four = generateDemoSweep({ ...SMALL, alphas: [0, 0.25, 0.5, 1] });
    expect(four.problems).toEqual(three.problems);
    expect(four.checkpoints.filter((cp) => cp.alpha !== 0.25)).toEqual(three.checkpoints);
  });

  it("produces the requested sizes with verdict counts summing to n", () => {
    const sweep = generateDemoSweep(SMALL);
    expect(sweep.problems.filter((p) => p.difficulty === "easy")).toHaveLength(3);
    expect(sweep.problems.filter((p) => p.difficulty === "medium")).toHaveLength(4);
    expect(sweep.problems.filter((p) => p.difficulty === "hard")).toHaveLength(5);
    expect(sweep.checkpoints.map((cp) => cp.alpha)).toEqual([0, 0.5, 1]);
    for (const cp of sweep.checkpoints) {
      expect(cp.results.map((r) => r.problemExternalId)).toEqual(sweep.problems.map((p) => p.externalId));
      for (const result of cp.results) {
        expect(result.n).toBe(10);
        expect(sumVerdicts(result.verdicts)).toBe(10);
      }
    }
  });

  it("defaults to 420 LiveCodeBench-like problems, α −1 … 2 in steps of 0.25 and 256 samples", () => {
    const sweep = generateDemoSweep();
    expect(sweep.problems).toHaveLength(420);
    expect(sweep.checkpoints.map((cp) => cp.alpha)).toEqual([
      -1, -0.75, -0.5, -0.25, 0, 0.25, 0.5, 0.75, 1, 1.25, 1.5, 1.75, 2,
    ]);
    expect(new Set(sweep.problems.map((p) => p.externalId)).size).toBe(420);
    expect(new Set(sweep.problems.map((p) => p.platform))).toEqual(
      new Set(["leetcode", "atcoder", "codeforces"]),
    );
    for (const problem of sweep.problems) {
      expect(problem.title).toMatch(/^[A-Z][A-Za-z ]+$/);
      expect(problem.contestDate).toMatch(/^202[45]-\d\d-\d\d$/);
    }
    for (const cp of sweep.checkpoints) {
      for (const result of cp.results) {
        expect(result.n).toBe(256);
        expect(sumVerdicts(result.verdicts)).toBe(256);
      }
    }
  });

  it("gives runtimes exactly for the passing samples, with min ≤ mean ≤ max", () => {
    for (const cp of generateDemoSweep({ ...SMALL, samples: 64 }).checkpoints) {
      for (const result of cp.results) {
        expect(result.runtimeCount).toBe(result.verdicts.pass);
        if (result.runtimeCount === 0) {
          expect([result.runtimeMeanMs, result.runtimeMinMs, result.runtimeMaxMs]).toEqual([
            null,
            null,
            null,
          ]);
        } else {
          expect(result.runtimeMinMs).toBeLessThanOrEqual(result.runtimeMeanMs ?? Number.NaN);
          expect(result.runtimeMeanMs).toBeLessThanOrEqual(result.runtimeMaxMs ?? Number.NaN);
        }
      }
    }
  });

  it("labels the experiment as synthetic, with low coverage at α = 0 and high coverage at α = 1", () => {
    const sweep = generateDemoSweep(SMALL);
    expect(sweep.experiment).toMatchObject({
      slug: "demo-coverage-sweep",
      name: "Low vs high test coverage (synthetic demo)",
      benchmark: "livecodebench-v5-synthetic",
      setting: "pure-reasoning",
      modelFamily: "CWM",
      modelScale: "32B",
      synthetic: true,
      endpointA: { label: "Low coverage", model: "demo/cwm-32b-rl-low-coverage" },
      endpointB: { label: "High coverage", model: "demo/cwm-32b-rl-high-coverage" },
    });
    expect(sweep.experiment.description).toMatch(/^Synthetic demo data/);
    expect(sweep.checkpoints.map((cp) => [cp.label, cp.model])).toEqual([
      ["Low coverage", "demo/cwm-32b-rl-low-coverage"],
      [null, "demo/cwm-32b-rl-merge-alpha-0.5"],
      ["High coverage", "demo/cwm-32b-rl-high-coverage"],
    ]);
  });
});

describe("alphaGrid", () => {
  it("spaces α evenly and hits the endpoints exactly", () => {
    expect(alphaGrid(-1, 2, 13)).toContain(0);
    expect(alphaGrid(-1, 2, 13)).toContain(1);
    expect(alphaGrid(-1, 2, 41)).toHaveLength(41);
    expect(alphaGrid(-1, 2, 41)[1]).toBe(-0.925);
    expect(alphaGrid(0.5, 0.5, 1)).toEqual([0.5]);
  });
});

describe("the demo's trained checkpoints", () => {
  const matrix = sweepInputToMatrix(generateDemoSweep());

  it("are two synthetic runs at 25 % and 50 % coverage, beside the α grid", () => {
    expect(matrix.trained?.map((cp) => [cp.label, cp.coverage, cp.model])).toEqual([
      ["Coverage 25%", 25, "demo/cwm-32b-rl-coverage-25"],
      ["Coverage 50%", 50, "demo/cwm-32b-rl-coverage-50"],
    ]);
    expect(matrix.checkpoints.map((cp) => cp.alpha)).toEqual(DEFAULT_DEMO_OPTIONS.alphas);
  });

  it("lie near the interpolation path: between A and B on both default axes, at the endpoints' solve rate", () => {
    for (const slice of ["all", "hard"] as const) {
      const problems = sliceProblemIndices(matrix, slice);
      const at = (alpha: number) =>
        sliceSummary(
          matrix.checkpoints.find((cp) => cp.alpha === alpha) as (typeof matrix.checkpoints)[number],
          problems,
        );
      const [a, b] = [at(0), at(1)];
      for (const cp of matrix.trained ?? []) {
        const s = sliceSummary(cp, problems);
        expect(s.correctness).toBeLessThan(a.correctness);
        expect(s.correctness).toBeGreaterThan(b.correctness);
        expect(s.efficiency).toBeGreaterThan(a.efficiency);
        expect(s.efficiency).toBeLessThan(b.efficiency);
        expect(Math.abs(s.solveRate - a.solveRate)).toBeLessThan(0.015);
      }
    }
  });
});
