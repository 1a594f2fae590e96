import { quantileSorted } from "d3";
import { describe, expect, it } from "vitest";
import type { SweepMatrix } from "../../../lib/domain/sweep";
import { VERDICTS, type Verdict } from "../../../lib/domain/verdicts";
import { drawCounts } from "../../../lib/science/bootstrap";
import {
  type Claim,
  type ClaimId,
  claimEnsembleBudget,
  claimsBootstrap,
  complementaryProblems,
  DEFAULT_EQUIVALENCE_MARGIN,
  directionalVerdict,
  equivalenceVerdict,
  flatSolveRateClaim,
  hypervolumeReference,
  sliceClaims,
} from "../../../lib/science/claims";
import { collapsedFlags } from "../../../lib/science/collapse";
import { runEnsembleSearch } from "../../../lib/science/ensembleSearchSummary";
import { createRng } from "../../../lib/science/random";
import { syntheticMatrix } from "../../../lib/science/syntheticMatrix";
import { subsets } from "./enumerate";

const AXES = { x: "correctness", y: "efficiency" } as const;

function claimsOf(
  matrix: SweepMatrix,
  bootstrap: { resamples: number; seed: number; level: number },
  withEnsemble = true,
) {
  const problems = Int32Array.from(matrix.problems.keys());
  const slice = claimsBootstrap(matrix, [problems], bootstrap).combined;
  const budget = claimEnsembleBudget(matrix, problems);
  const ensemble =
    withEnsemble && budget !== null
      ? runEnsembleSearch(matrix, problems, "test", { budget, maxMembers: 3, difficulty: "all", top: 1 })
      : null;
  const claims = sliceClaims(matrix, slice, {
    margin: DEFAULT_EQUIVALENCE_MARGIN,
    axes: AXES,
    bootstrap,
    ensemble,
  });
  return { claims, ensemble, problems };
}

function byId(claims: readonly Claim[], id: ClaimId): Claim {
  const claim = claims.find((c) => c.id === id);
  if (!claim) throw new Error(`no claim ${id}`);
  return claim;
}

/** The percentile interval written out: R-7 quantiles of the sorted values. */
function interval(values: number[], level: number): [number, number] {
  const sorted = [...values].sort((a, b) => a - b);
  const tail = (1 - level) / 2;
  return [quantileSorted(sorted, tail) as number, quantileSorted(sorted, 1 - tail) as number];
}

/** How often each problem is drawn in each resample: the project's draws, one resample after another. */
function draws(size: number, resamples: number, seed: number): Int32Array[] {
  const rng = createRng(seed);
  return Array.from({ length: resamples }, () => {
    const counts = new Int32Array(size);
    drawCounts(rng, counts);
    return counts;
  });
}

/** A verdict's pooled share at checkpoint j, each problem weighted by how often it was drawn. */
function share(matrix: SweepMatrix, j: number, verdict: Verdict, weights: ArrayLike<number>): number {
  const cp = matrix.checkpoints[j];
  let hits = 0;
  let samples = 0;
  for (let p = 0; p < weights.length; p++) {
    hits += weights[p] * cp.verdicts[verdict][p];
    samples += weights[p] * cp.n[p];
  }
  return hits / samples;
}

function solveRate(matrix: SweepMatrix, j: number, weights: ArrayLike<number>): number {
  const cp = matrix.checkpoints[j];
  let sum = 0;
  let count = 0;
  for (let p = 0; p < weights.length; p++) {
    sum += (weights[p] * cp.verdicts.pass[p]) / cp.n[p];
    count += weights[p];
  }
  return sum / count;
}

/** The area of the union of the rectangles [0, x] × [0, y] (points already oriented, reference 0). */
function unionArea(points: { x: number; y: number }[]): number {
  const xs = [0, ...points.map((p) => p.x)].sort((a, b) => a - b);
  let area = 0;
  for (let i = 1; i < xs.length; i++) {
    const height = Math.max(0, ...points.filter((p) => p.x >= xs[i]).map((p) => p.y));
    area += (xs[i] - xs[i - 1]) * height;
  }
  return area;
}

const matrix = syntheticMatrix({
  alphas: [-1, -0.5, 0, 0.5, 1, 1.5, 2],
  problems: 45,
  samples: 12,
  seed: 31,
});
const bootstrap = { resamples: 300, seed: 11, level: 0.95 };
const { claims, ensemble, problems } = claimsOf(matrix, bootstrap);
const ones = new Int32Array(matrix.problems.length).fill(1);
const resampleWeights = draws(matrix.problems.length, bootstrap.resamples, bootstrap.seed);
const A = 2;
const B = 4;

describe("sliceClaims against brute force", () => {
  it("tests every claim whose data is there, in order", () => {
    expect(claims.map((claim) => claim.id)).toEqual([
      "tradeoff-time-limit",
      "tradeoff-wrong-answer",
      "flat-solve-rate",
      "extrapolation-extends",
      "complementary-problems",
      "ensemble-gain",
    ]);
  });

  it.each([
    ["tradeoff-time-limit", "timeLimit"],
    ["tradeoff-wrong-answer", "wrongAnswer"],
  ] as const)("%s: the share at B minus at A, with the paired interval", (id, verdict) => {
    const claim = byId(claims, id);
    const change = (weights: ArrayLike<number>) =>
      share(matrix, B, verdict, weights) - share(matrix, A, verdict, weights);
    expect(claim.estimate).toBeCloseTo(change(ones), 12);
    const [lower, upper] = interval(resampleWeights.map(change), 0.95);
    expect(claim.ci[0]).toBeCloseTo(lower, 12);
    expect(claim.ci[1]).toBeCloseTo(upper, 12);
    expect(claim.level).toBe(0.95);
    expect(claim.verdict).toBe(
      directionalVerdict(claim.ci, id === "tradeoff-time-limit" ? "below" : "above"),
    );
  });

  it("flat-solve-rate: the solve-rate change with its 90 % interval, the 95 % one in the detail", () => {
    const claim = byId(claims, "flat-solve-rate");
    const change = (weights: ArrayLike<number>) =>
      solveRate(matrix, B, weights) - solveRate(matrix, A, weights);
    expect(claim.estimate).toBeCloseTo(change(ones), 12);
    const resampled = resampleWeights.map(change);
    const ci90 = interval(resampled, 0.9);
    const ci95 = interval(resampled, 0.95);
    expect(claim.ci[0]).toBeCloseTo(ci90[0], 12);
    expect(claim.ci[1]).toBeCloseTo(ci90[1], 12);
    expect(claim.level).toBe(0.9);
    expect(claim.verdict).toBe(equivalenceVerdict(ci90, ci95, DEFAULT_EQUIVALENCE_MARGIN));
    expect(claim.detail).toContain(`95 % interval [${ci95[0] >= 0 ? "+" : "−"}`);
  });

  it("extrapolation-extends: hypervolume of all non-collapsed α minus those in [0, 1]", () => {
    const claim = byId(claims, "extrapolation-extends");
    const collapsed = collapsedFlags(matrix.checkpoints, problems);
    const gain = (weights: ArrayLike<number>) => {
      const point = (j: number) => ({
        x: 1 - share(matrix, j, "wrongAnswer", weights),
        y: 1 - share(matrix, j, "timeLimit", weights),
      });
      const eligible = matrix.checkpoints.flatMap((_, j) => (collapsed[j] ? [] : [j]));
      const inside = eligible.filter(
        (j) => matrix.checkpoints[j].alpha >= 0 && matrix.checkpoints[j].alpha <= 1,
      );
      return unionArea(eligible.map(point)) - unionArea(inside.map(point));
    };
    expect(claim.estimate).toBeCloseTo(gain(ones), 12);
    const [lower, upper] = interval(resampleWeights.map(gain), 0.95);
    expect(claim.ci[0]).toBeCloseTo(lower, 12);
    expect(claim.ci[1]).toBeCloseTo(upper, 12);
    expect(claim.detail).toContain("reference point (0.00, 0.00)");
  });

  it("complementary-problems: problems passing only at non-collapsed extrapolated α, with the count's interval", () => {
    const claim = byId(claims, "complementary-problems");
    const collapsed = collapsedFlags(matrix.checkpoints, problems);
    const flags = matrix.problems.map((_, p) => {
      const passes = (inside: boolean) =>
        matrix.checkpoints.reduce((sum, cp, j) => {
          const isInside = cp.alpha >= 0 && cp.alpha <= 1;
          if (isInside !== inside || (!inside && collapsed[j])) return sum;
          return sum + cp.verdicts.pass[p];
        }, 0);
      return passes(false) > 0 && passes(true) === 0 ? 1 : 0;
    });
    const count = (weights: ArrayLike<number>) =>
      flags.reduce((sum: number, flag, p) => sum + flag * weights[p], 0);
    expect(claim.estimate).toBe(count(ones));
    expect(claim.ci).toEqual(interval(resampleWeights.map(count), 0.95));
  });

  it("ensemble-gain: the best equal-split ensemble of up to 3 over the best single, with the adjusted interval", () => {
    const claim = byId(claims, "ensemble-gain");
    const budget = 10; // the largest standard k ≤ 250 that 12 samples allow
    expect(ensemble?.budget).toBe(budget);
    const noPass = (j: number, p: number, k: number) => {
      const { n, verdicts } = matrix.checkpoints[j];
      let product = 1;
      for (let i = 0; i < k; i++) product *= (n[p] - verdicts.pass[p] - i) / (n[p] - i);
      return Math.max(0, product);
    };
    const passAtK = (members: number[]) => {
      const base = Math.floor(budget / members.length);
      const split = members.map((_, i) => base + (i < budget - base * members.length ? 1 : 0));
      let sum = 0;
      for (let p = 0; p < matrix.problems.length; p++)
        sum += 1 - members.reduce((product, j, i) => product * noPass(j, p, split[i]), 1);
      return sum / matrix.problems.length;
    };
    const checkpoints = matrix.checkpoints.length;
    const singles = subsets(checkpoints, 1).map(passAtK);
    const best = Math.max(...[1, 2, 3].flatMap((size) => subsets(checkpoints, size).map(passAtK)));
    expect(claim.estimate).toBeCloseTo(best - Math.max(...singles), 12);
    expect(claim.ci).toEqual([ensemble?.adjustedGainCI?.lower, ensemble?.adjustedGainCI?.upper]);
    expect(claim.verdict).toBe(directionalVerdict(claim.ci, "above"));
  });
});

describe("claims whose data is missing are absent", () => {
  it("leaves out the extrapolation claims without α outside [0, 1], and the endpoint claims without B", () => {
    const inside = { ...matrix, checkpoints: matrix.checkpoints.slice(2, 5) };
    expect(claimsOf(inside, bootstrap, false).claims.map((c) => c.id)).toEqual([
      "tradeoff-time-limit",
      "tradeoff-wrong-answer",
      "flat-solve-rate",
    ]);
    const noB = { ...matrix, checkpoints: matrix.checkpoints.filter((cp) => cp.alpha !== 1) };
    expect(claimsOf(noB, bootstrap, false).claims.map((c) => c.id)).toEqual([
      "extrapolation-extends",
      "complementary-problems",
    ]);
    const single = { ...matrix, checkpoints: [matrix.checkpoints[A]] };
    expect(claimsOf(single, bootstrap).claims).toEqual([]);
  });
});

describe("verdict rules", () => {
  it("directional: the side of 0 the whole interval is on", () => {
    expect(directionalVerdict([-0.2, -0.01], "below")).toBe("supported");
    expect(directionalVerdict([0.01, 0.2], "below")).toBe("contradicted");
    expect(directionalVerdict([-0.1, 0.1], "below")).toBe("inconclusive");
    expect(directionalVerdict([0.01, 0.2], "above")).toBe("supported");
    expect(directionalVerdict([Number.NaN, 0.2], "above")).toBe("inconclusive");
  });

  it("equivalence: 90 % inside the margin supports, 95 % outside it contradicts", () => {
    expect(equivalenceVerdict([-0.01, 0.015], [-0.012, 0.018], 0.02)).toBe("supported");
    expect(equivalenceVerdict([-0.01, 0.025], [-0.012, 0.03], 0.02)).toBe("inconclusive");
    expect(equivalenceVerdict([0.03, 0.05], [0.025, 0.06], 0.02)).toBe("contradicted");
    expect(equivalenceVerdict([-0.05, -0.03], [-0.06, -0.021], 0.02)).toBe("contradicted");
    const claim = flatSolveRateClaim(0.001, [-0.01, 0.015], [-0.012, 0.018], 0.01);
    expect(claim.verdict).toBe("inconclusive");
    expect(claim.rule).toContain("±1.0 points");
  });

  it("complementary: a problem passing often only at extrapolated α is a discovery; chance passes are not", () => {
    const cells = (pass: number) => Array.from({ length: 30 }, (_, p) => ({ p, pass: p === 0 ? pass : 0 }));
    const build = (passAtExtrapolated: number): SweepMatrix => {
      const m = syntheticMatrix({ alphas: [0, 1, 2], problems: 30, samples: 20, seed: 4 });
      for (const [j, cp] of m.checkpoints.entries()) {
        for (const { p, pass } of cells(j === 2 ? passAtExtrapolated : 0)) {
          cp.verdicts.wrongAnswer[p] += cp.verdicts.pass[p] - pass;
          cp.verdicts.pass[p] = pass;
        }
      }
      return m;
    };
    const strong = complementaryProblems(
      build(15),
      Int32Array.from({ length: 30 }, (_, i) => i),
      [false, false, false],
    );
    expect(strong?.counted[0]).toBe(1);
    expect(strong?.q[0]).toBeLessThan(0.05);
    const weak = complementaryProblems(
      build(1),
      Int32Array.from({ length: 30 }, (_, i) => i),
      [false, false, false],
    );
    expect(weak?.counted[0]).toBe(1);
    expect(weak?.q[0]).toBeGreaterThan(0.05);
  });

  it("takes each axis's worst value as the hypervolume reference, 1.1 × the slowest for runtimes", () => {
    expect(hypervolumeReference({ x: "correctness", y: "timeLimitShare" }, [])).toEqual({ x: 0, y: 1 });
    expect(
      hypervolumeReference({ x: "solveRate", y: "meanPassRuntimeMs" }, [
        { x: 0.5, y: 100 },
        { x: 0.4, y: 200 },
      ]),
    ).toEqual({ x: 0, y: 220.00000000000003 });
  });
});

/** A sweep in which every α has the same per-problem chances (no true effect of α on anything). */
function nullSweep(
  seed: number,
  alphas: readonly number[],
  problems: number,
  n: number,
  shift = 0,
): SweepMatrix {
  const rng = createRng(seed);
  const chance = Array.from({ length: problems }, () => 0.1 + 0.7 * rng());
  return {
    problems: chance.map((_, i) => ({ externalId: `p${i}`, title: null, difficulty: "hard" as const })),
    checkpoints: alphas.map((alpha) => {
      const verdicts = Object.fromEntries(VERDICTS.map((v) => [v, new Int32Array(problems)])) as Record<
        Verdict,
        Int32Array
      >;
      for (let p = 0; p < problems; p++) {
        const pass = chance[p] + (alpha === 1 ? shift : 0);
        for (let s = 0; s < n; s++) {
          const u = rng();
          if (u < pass) verdicts.pass[p]++;
          else if (u < pass + (1 - pass) * 0.5) verdicts.wrongAnswer[p]++;
          else if (u < pass + (1 - pass) * 0.9) verdicts.timeLimit[p]++;
          else verdicts.runtimeError[p]++;
        }
      }
      return {
        alpha,
        label: null,
        n: new Int32Array(problems).fill(n),
        verdicts,
        runtimeMeanMs: new Float64Array(problems).fill(Number.NaN),
        runtimeCount: new Int32Array(problems),
      };
    }),
  };
}

describe("seeded simulation: no true effect is rarely called supported", () => {
  const TRIALS = 120;

  it("each directional claim is supported in at most about 5 % of null sweeps", () => {
    const supported = new Map<ClaimId, number>();
    for (let trial = 0; trial < TRIALS; trial++) {
      const sweep = nullSweep(1000 + trial, [-1, -0.5, 0, 0.5, 1, 1.5, 2], 50, 10);
      const run = claimsOf(sweep, { resamples: 200, seed: 5000 + trial, level: 0.95 });
      for (const claim of run.claims)
        if (claim.verdict === "supported") supported.set(claim.id, (supported.get(claim.id) ?? 0) + 1);
    }
    const rates = Object.fromEntries(
      (
        [
          "tradeoff-time-limit",
          "tradeoff-wrong-answer",
          "extrapolation-extends",
          "complementary-problems",
          "ensemble-gain",
        ] as const
      ).map((id) => [id, (supported.get(id) ?? 0) / TRIALS]),
    );
    for (const rate of Object.values(rates)) expect(rate).toBeLessThanOrEqual(0.075);
  }, 120_000);

  it("flat-solve-rate is supported in at most about 5 % of sweeps whose true change is the margin", () => {
    let supported = 0;
    let inconclusive = 0;
    const TRIALS = 400; // two checkpoints only: cheap enough for a tighter rate
    for (let trial = 0; trial < TRIALS; trial++) {
      const sweep = nullSweep(9000 + trial, [0, 1], 400, 20, DEFAULT_EQUIVALENCE_MARGIN);
      const claim = byId(
        claimsOf(sweep, { resamples: 200, seed: 7000 + trial, level: 0.95 }, false).claims,
        "flat-solve-rate",
      );
      if (claim.verdict === "supported") supported++;
      if (claim.verdict === "inconclusive") inconclusive++;
    }
    expect(supported / TRIALS).toBeLessThanOrEqual(0.075);
    // The intervals are narrow enough for the test to mean something: most trials do not rule out the margin.
    expect(inconclusive / TRIALS).toBeGreaterThan(0.5);
  }, 120_000);

  it("finds a real effect: the synthetic sweep's wrong answers rise from A to B", () => {
    const sweep = syntheticMatrix({ alphas: [0, 1], problems: 300, samples: 20, seed: 8 });
    expect(byId(claimsOf(sweep, bootstrap, false).claims, "tradeoff-wrong-answer").verdict).toBe("supported");
  });
});
