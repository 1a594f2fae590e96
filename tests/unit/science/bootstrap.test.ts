import { quantileSorted } from "d3";
import { describe, expect, it } from "vitest";
import type { CheckpointColumns, SweepMatrix } from "../../../lib/domain/sweep";
import {
  bootstrapCI,
  bootstrapEnsembleGain,
  bootstrapFrontier,
  bootstrapFrontierStrata,
  clustersOf,
  countScale,
  jointLevel,
  type ProblemClusters,
  percentileInterval,
  sortedPercentileInterval,
  tailsSorted,
} from "../../../lib/science/bootstrap";
import { ensemblePassAtK, searchEnsembles } from "../../../lib/science/ensemble";
import { getMetric, METRICS, type MetricId } from "../../../lib/science/metricRegistry";
import { sliceSummary } from "../../../lib/science/metrics";
import { createRng, randomIndex } from "../../../lib/science/random";
import { sliceProblemIndices } from "../../../lib/science/slices";
import { syntheticMatrix } from "../../../lib/science/syntheticMatrix";

const matrix = syntheticMatrix({
  alphas: [-1, -0.5, 0, 0.5, 1, 1.5, 2],
  problems: 150,
  samples: 16,
  seed: 12,
});
const all = sliceProblemIndices(matrix, "all");
const options = { resamples: 200, seed: 99, level: 0.95 };

describe("bootstrapFrontier", () => {
  const estimates = bootstrapFrontier(matrix, all, options);

  it("is deterministic for a seed and changes with the seed", () => {
    expect(bootstrapFrontier(matrix, all, options)).toEqual(estimates);
    expect(bootstrapFrontier(matrix, all, { ...options, seed: 100 })[0].solveRate).not.toEqual(
      estimates[0].solveRate,
    );
  });

  it("gives every defined metric of every checkpoint an interval around its point value", () => {
    expect(estimates).toHaveLength(matrix.checkpoints.length);
    estimates.forEach((byMetric, j) => {
      const summary = sliceSummary(matrix.checkpoints[j], all);
      const defined = METRICS.filter((m) => m.value(summary) !== null).map((m) => m.id);
      expect(Object.keys(byMetric)).toEqual(defined);
      for (const id of defined) {
        const estimate = byMetric[id];
        expect(estimate?.value).toBe(getMetric(id).value(summary));
        expect(estimate?.lower).toBeLessThanOrEqual(estimate?.value ?? Number.NaN);
        expect(estimate?.upper).toBeGreaterThanOrEqual(estimate?.value ?? Number.NaN);
      }
    });
    // A share that is 0 in every sample (no ungraded samples at α = 2) has a zero-width interval.
    expect(estimates[6].otherShare).toMatchObject({
      value: 0,
      lower: 0,
      upper: 0,
      lowerJoint: 0,
      upperJoint: 0,
    });
    expect(estimates[3].solveRate?.lower).toBeLessThan(estimates[3].solveRate?.upper ?? Number.NaN);
    expect(estimates[0].passAt10).toBeDefined();
    expect(estimates[0].passAt25).toBeUndefined();
  });

  it("matches resampling the problems directly with the same seed (paired draws)", () => {
    const ids: MetricId[] = ["solveRate", "wrongAnswerShare", "passAt5", "meanPassRuntimeMs"];
    for (const j of [0, 3, 6]) {
      for (const id of ids) {
        const direct = bootstrapCI(
          (problems) => getMetric(id).value(sliceSummary(matrix.checkpoints[j], problems)) ?? Number.NaN,
          all,
          options,
        );
        expect(estimates[j][id]?.lower).toBeCloseTo(direct.lower, 10);
        expect(estimates[j][id]?.upper).toBeCloseTo(direct.upper, 10);
      }
    }
  });
});

describe("bootstrapCI", () => {
  it("brackets a mean and narrows as the sample grows", () => {
    const values = Array.from({ length: 400 }, (_, i) => (i % 10) / 10);
    const mean = (problems: Int32Array) => problems.reduce((sum, p) => sum + values[p], 0) / problems.length;
    const small = bootstrapCI(
      mean,
      Int32Array.from({ length: 40 }, (_, i) => i),
      options,
    );
    const large = bootstrapCI(
      mean,
      Int32Array.from({ length: 400 }, (_, i) => i),
      options,
    );
    expect(small.value).toBeCloseTo(0.45, 15);
    expect(small.lower).toBeLessThan(0.45);
    expect(small.upper).toBeGreaterThan(0.45);
    expect(large.upper - large.lower).toBeLessThan((small.upper - small.lower) / 2);
  });
});

describe("bootstrapEnsembleGain", () => {
  const hard = sliceProblemIndices(matrix, "hard");
  const search = searchEnsembles({ matrix, budget: 12, maxMembers: 3, problems: hard, top: 1 });
  const top = search.ensembles[0];
  /** The gain's interval by brute force: bootstrapCI of the difference of the two pass@K. */
  const directGain = (clusters: ProblemClusters | null = null) => {
    const baseline = [{ checkpoint: search.bestSingle?.checkpoint ?? 0, k: 12 }];
    return bootstrapCI(
      (problems) =>
        ensemblePassAtK(matrix, top.members, problems) - ensemblePassAtK(matrix, baseline, problems),
      hard,
      options,
      clusters,
    );
  };

  it("gives the search's gain over the best single with a paired interval", () => {
    const gain = bootstrapEnsembleGain(matrix, top.members, hard, options);
    expect(gain?.value).toBeCloseTo(top.gain ?? Number.NaN, 14);
    expect(gain?.baseline).toEqual(search.bestSingle);
    const direct = directGain();
    expect(gain?.lower).toBeCloseTo(direct.lower, 12);
    expect(gain?.upper).toBeCloseTo(direct.upper, 12);
    expect(gain?.lower).toBeLessThanOrEqual(gain?.value ?? Number.NaN);
  });

  it("resamples whole clusters when the matrix has them: the same interval as bootstrapCI by cluster", () => {
    const keys = matrix.problems.map((_, i) => `contest ${i % 9}`);
    const clustered = { ...matrix, clusters: { by: "contest" as const, keys } };
    const gain = bootstrapEnsembleGain(clustered, top.members, hard, options);
    const direct = directGain(clustersOf(clustered, hard));
    expect(gain?.value).toBeCloseTo(top.gain ?? Number.NaN, 14);
    expect(gain?.lower).toBeCloseTo(direct.lower, 12);
    expect(gain?.upper).toBeCloseTo(direct.upper, 12);
    // Not the problem bootstrap's interval.
    expect(gain?.lower).not.toBeCloseTo(
      bootstrapEnsembleGain(matrix, top.members, hard, options)?.lower ?? 0,
      6,
    );
  });

  it("is null when no single checkpoint has K samples per problem", () => {
    const members = [
      { checkpoint: 0, k: 10 },
      { checkpoint: 1, k: 10 },
    ];
    expect(bootstrapEnsembleGain(matrix, members, hard, options)).toBeNull();
  });
});

describe("bootstrapFrontierStrata", () => {
  const strata = (["easy", "medium", "hard"] as const).map((slice) => sliceProblemIndices(matrix, slice));
  const stratified = bootstrapFrontierStrata(matrix, strata, options);

  /** The stratified bootstrap done by hand: every resample draws each stratum from itself. */
  function directStratified(statistic: (problems: Int32Array) => number) {
    const rng = createRng(options.seed);
    const perStratum: number[][] = strata.map(() => []);
    const combined: number[] = [];
    for (let r = 0; r < options.resamples; r++) {
      const drawn = strata.map((stratum) => {
        const counts = new Int32Array(stratum.length);
        for (let i = 0; i < stratum.length; i++) counts[randomIndex(rng, stratum.length)]++;
        return Int32Array.from(Array.from(stratum).flatMap((p, i) => Array<number>(counts[i]).fill(p)));
      });
      drawn.forEach((problems, s) => {
        perStratum[s].push(statistic(problems));
      });
      combined.push(statistic(Int32Array.from(drawn.flatMap((problems) => Array.from(problems)))));
    }
    const interval = (values: number[]) => {
      const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
      return [quantileSorted(sorted, 0.025), quantileSorted(sorted, 0.975)];
    };
    return { strata: perStratum.map(interval), combined: interval(combined) };
  }

  it("matches resampling each stratum directly, for each stratum and for their union", () => {
    const ids: MetricId[] = ["solveRate", "timeLimitShare", "passAt10", "meanPassRuntimeMs"];
    for (const j of [0, 4]) {
      for (const id of ids) {
        const direct = directStratified(
          (problems) => getMetric(id).value(sliceSummary(matrix.checkpoints[j], problems)) ?? Number.NaN,
        );
        strata.forEach((_, s) => {
          expect(stratified.strata[s][j][id]?.lower).toBeCloseTo(direct.strata[s][0] ?? Number.NaN, 10);
          expect(stratified.strata[s][j][id]?.upper).toBeCloseTo(direct.strata[s][1] ?? Number.NaN, 10);
        });
        expect(stratified.combined[j][id]?.lower).toBeCloseTo(direct.combined[0] ?? Number.NaN, 10);
        expect(stratified.combined[j][id]?.upper).toBeCloseTo(direct.combined[1] ?? Number.NaN, 10);
      }
    }
  });

  it("reports the point values of each stratum and of the union", () => {
    const union = Int32Array.from(strata.flatMap((stratum) => Array.from(stratum)));
    expect(stratified.combined[2].solveRate?.value).toBe(
      sliceSummary(matrix.checkpoints[2], union).solveRate,
    );
    expect(stratified.strata[2][2].solveRate?.value).toBe(
      sliceSummary(matrix.checkpoints[2], strata[2]).solveRate,
    );
  });

  it("gives a single stratum exactly the unstratified bootstrap", () => {
    expect(bootstrapFrontierStrata(matrix, [all], options).combined).toEqual(
      bootstrapFrontier(matrix, all, options),
    );
  });
});

describe("paired changes against the endpoints", () => {
  const estimates = bootstrapFrontier(matrix, all, options);
  const a = matrix.checkpoints.findIndex((cp) => cp.alpha === 0);
  const b = matrix.checkpoints.findIndex((cp) => cp.alpha === 1);

  it("have value exactly the metric minus the endpoint's and the interval of the same resamples' differences (brute force)", () => {
    for (const j of [0, 3, 6]) {
      for (const id of ["solveRate", "timeLimitShare", "passAt5"] as const) {
        const metric = getMetric(id);
        const value = (cp: number, problems: ArrayLike<number>) =>
          metric.value(sliceSummary(matrix.checkpoints[cp], problems)) ?? Number.NaN;
        for (const [endpoint, field] of [
          [a, "deltaA"],
          [b, "deltaB"],
        ] as const) {
          const direct = bootstrapCI(
            (problems) => value(j, problems) - value(endpoint, problems),
            all,
            options,
          );
          const delta = estimates[j][id]?.[field];
          expect(delta?.value).toBe((estimates[j][id]?.value ?? 0) - (estimates[endpoint][id]?.value ?? 0));
          expect(delta?.lower).toBeCloseTo(direct.lower, 12);
          expect(delta?.upper).toBeCloseTo(direct.upper, 12);
        }
      }
    }
    expect(estimates[a].solveRate?.deltaA).toMatchObject({ value: 0, lower: 0, upper: 0 });
  });

  it("are null when the endpoint is not evaluated", () => {
    const withoutA = { ...matrix, checkpoints: matrix.checkpoints.filter((cp) => cp.alpha !== 0) };
    const [first] = bootstrapFrontier(withoutA, all, options);
    expect(first.solveRate?.deltaA).toBeNull();
    expect(first.solveRate?.deltaB).not.toBeNull();
  });

  it("cover the true change ≈ 95% of the time (seeded simulation of paired sweeps)", () => {
    // Each problem has a difficulty shared by both checkpoints (what pairing exploits); the true
    // change of the mean solve rate is known.
    const rng = createRng(2411);
    const trials = 200;
    const problems = 120;
    const samples = 8;
    let covered = 0;
    for (let trial = 0; trial < trials; trial++) {
      const easiness = Array.from({ length: problems }, () => rng());
      const rate = (alpha: number, i: number) => Math.min(1, easiness[i] * (alpha === 0 ? 0.8 : 0.9));
      // Over the population of problems (easiness uniform on [0, 1]): E[0.9 e − 0.8 e] = 0.05.
      const truth = 0.05;
      const sweep = syntheticPairedSweep([0, 1], problems, samples, rate, rng);
      const [, atB] = bootstrapFrontier(sweep, sliceProblemIndices(sweep, "all"), {
        resamples: 300,
        seed: trial,
        level: 0.95,
      });
      const delta = atB.solveRate?.deltaA;
      if (delta && delta.lower <= truth && truth <= delta.upper) covered++;
    }
    expect(covered / trials).toBeGreaterThanOrEqual(0.91);
    expect(covered / trials).toBeLessThanOrEqual(0.99);
  }, 60_000);
});

/** `count` easy problems p0, p1, … */
function easyProblems(count: number): SweepMatrix["problems"] {
  return Array.from({ length: count }, (_, i) => ({ externalId: `p${i}`, title: null, difficulty: "easy" }));
}

/** A checkpoint with `samples` samples per problem, pass[i] of them passing and the rest wrong, no runtimes. */
function passOrWrongCheckpoint(alpha: number, samples: number, pass: Int32Array): CheckpointColumns {
  const zeros = () => new Int32Array(pass.length);
  return {
    alpha,
    label: null,
    n: new Int32Array(pass.length).fill(samples),
    verdicts: {
      pass,
      wrongAnswer: pass.map((passed) => samples - passed),
      timeLimit: zeros(),
      runtimeError: zeros(),
      compileError: zeros(),
      other: zeros(),
    },
    runtimeMeanMs: new Float64Array(pass.length).fill(Number.NaN),
    runtimeCount: zeros(),
  };
}

/** A sweep of checkpoints at `alphas` whose samples pass with probability rate(α, problem), else answer wrong. */
function syntheticPairedSweep(
  alphas: number[],
  problems: number,
  samples: number,
  rate: (alpha: number, problem: number) => number,
  rng: () => number,
): SweepMatrix {
  return {
    problems: easyProblems(problems),
    checkpoints: alphas.map((alpha) => {
      const pass = Int32Array.from({ length: problems }, (_, i) => {
        let passed = 0;
        for (let s = 0; s < samples; s++) if (rng() < rate(alpha, i)) passed++;
        return passed;
      });
      return passOrWrongCheckpoint(alpha, samples, pass);
    }),
  };
}

describe("percentileInterval", () => {
  /** The former implementation: the finite values sorted with a comparator, d3's quantile of them. */
  function comparatorInterval(values: number[], level: number): [number, number] {
    const finite = values.filter(Number.isFinite).sort((a, b) => a - b);
    const tail = (1 - level) / 2;
    return [quantileSorted(finite, tail) ?? Number.NaN, quantileSorted(finite, 1 - tail) ?? Number.NaN];
  }

  it("equals the comparator sort's bounds, ties, NaN and infinities included (brute force)", () => {
    const rng = createRng(31);
    for (const size of [1, 2, 7, 200, 2001]) {
      const values = Array.from({ length: size }, () => {
        const u = rng();
        if (u < 0.05) return Number.NaN;
        if (u < 0.07) return Number.POSITIVE_INFINITY;
        if (u < 0.09) return Number.NEGATIVE_INFINITY;
        if (u < 0.4) return Math.round(rng() * 10) / 10 - 0.55; // ties, never zero
        return rng() * 100 - 50;
      });
      const full = values.filter(Number.isFinite).sort((a, b) => a - b);
      const sorted = tailsSorted(values, 0.05);
      // Every value is there; each end's 5 % is in its sorted place.
      expect(Array.from(sorted).sort((a, b) => a - b)).toEqual(full);
      const end = Math.floor((full.length - 1) * 0.05) + 1;
      expect(Array.from(sorted.subarray(0, end + 1))).toEqual(full.slice(0, end + 1));
      expect(Array.from(sorted.subarray(full.length - 1 - end))).toEqual(full.slice(full.length - 1 - end));
      for (const level of [0.5, 0.9, 0.95, jointLevel(0.95)]) {
        const expected = comparatorInterval(values, level);
        expect(percentileInterval(values, level)).toEqual(expected);
        expect(percentileInterval(Float64Array.from(values), level)).toEqual(expected);
        if (level >= 0.9) expect(sortedPercentileInterval(sorted, level)).toEqual(expected);
      }
    }
  });

  it("has NaN bounds when no value is finite", () => {
    expect(percentileInterval([Number.NaN, Number.POSITIVE_INFINITY], 0.95)).toEqual([
      Number.NaN,
      Number.NaN,
    ]);
    expect(percentileInterval([], 0.95)).toEqual([Number.NaN, Number.NaN]);
  });
});

describe("counts sharing a column in the frontier bootstrap", () => {
  it("share one when every sum stays an exact integer, not otherwise", () => {
    // 5 000 problems of 256 samples: sums up to 1 280 000 < 2²¹; 2²¹ × 1 280 000 < 2⁵³.
    expect(countScale(5000, 256, true)).toBe(2 ** 21);
    expect(countScale(1, 1, true)).toBe(2);
    expect(countScale(1000, 2 ** 17, true)).toBe(1);
    expect(countScale(5000, 256, false)).toBe(1);
  });

  it("give the brute-force intervals when the counts are too large to share (800 problems, n = 2¹⁷)", () => {
    const size = 800;
    const n = 2 ** 17;
    expect(countScale(size, n, true)).toBe(1);
    const rng = createRng(8);
    const pass = Int32Array.from({ length: size }, () => Math.floor(rng() * rng() * n));
    const large: SweepMatrix = {
      problems: easyProblems(size),
      checkpoints: [
        {
          ...passOrWrongCheckpoint(0, n, pass),
          runtimeMeanMs: Float64Array.from(pass, (c) => (c > 0 ? 100 + c / 1000 : Number.NaN)),
          runtimeCount: pass.map((c) => c),
        },
      ],
    };
    const problems = Int32Array.from({ length: size }, (_, i) => i);
    const few = { ...options, resamples: 40 };
    const [estimates] = bootstrapFrontier(large, problems, few);
    const ids: MetricId[] = ["solveRate", "wrongAnswerShare", "passAt1000", "meanPassRuntimeMs"];
    for (const id of ids) {
      const value = (set: Int32Array) =>
        getMetric(id).value(sliceSummary(large.checkpoints[0], set)) ?? Number.NaN;
      const direct = bootstrapCI(value, problems, few);
      expect(estimates[id]?.value).toBe(value(problems));
      expect(estimates[id]?.lower).toBeCloseTo(direct.lower, 10);
      expect(estimates[id]?.upper).toBeCloseTo(direct.upper, 10);
    }
  });
});
