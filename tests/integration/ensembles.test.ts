import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as postEnsemble } from "../../app/api/experiments/[slug]/ensembles/route";
import { GET as getMatrix } from "../../app/api/experiments/[slug]/matrix/route";
import { GET as getPassAtK } from "../../app/api/experiments/[slug]/pass-at-k/route";
import { runCli } from "../../lib/cli/main";
import type {
  EnsembleEvaluation,
  EnsembleSearchSummary,
  PassAtKCurves,
  ScalingMatrixPayload,
} from "../../lib/contracts/scalingTypes";
import { generateDemoSweep } from "../../lib/demo/generate";
import { alphaKind } from "../../lib/domain/alpha";
import type { SweepInput } from "../../lib/domain/sweepInput";
import { sweepInputToMatrix } from "../../lib/domain/toMatrix";
import { curveKs } from "../../lib/science/curveKs";
import { getEnsembleSearch } from "../../lib/server/ensembles";
import { bruteNoPass, brutePassAtK } from "../support/bruteForce";
import { storeSweep, testDatabaseUrl, testDb, truncateAll } from "./db";
import { computeAllStatistics } from "./statisticsSupport";

// The route handlers read the server's client from DATABASE_URL, as under `npm start`.
process.env.DATABASE_URL = testDatabaseUrl();
const db = testDb();

const SMALL = "ensemble-small";
const smallSweep: SweepInput = generateDemoSweep({
  seed: 99,
  problems: { easy: 4, medium: 4, hard: 6 },
  alphas: [-0.5, 0, 0.5, 1, 1.5],
  samples: 10,
});
// A benchmark of its own: problems are shared per benchmark, and the demo's difficulties contradict these.
smallSweep.experiment = {
  ...smallSweep.experiment,
  slug: SMALL,
  name: "Small seeded sweep",
  benchmark: "seeded-bench",
};
const small = sweepInputToMatrix(smallSweep);
const demo = generateDemoSweep();
const DEMO = demo.experiment.slug;

const context = (slug: string) => ({ params: Promise.resolve({ slug }) });

async function post(slug: string, body: unknown): Promise<{ status: number; json: unknown }> {
  const request = new Request(`http://test/api/experiments/${slug}/ensembles`, {
    method: "POST",
    body: typeof body === "string" ? body : JSON.stringify(body),
    headers: { "content-type": "application/json" },
  });
  const response = await postEnsemble(request, context(slug));
  return { status: response.status, json: await response.json() };
}

async function curves(slug: string, query: string): Promise<{ status: number; json: unknown }> {
  const response = await getPassAtK(
    new Request(`http://test/api/experiments/${slug}/pass-at-k?${query}`),
    context(slug),
  );
  return { status: response.status, json: await response.json() };
}

function errorMessage(json: unknown): string {
  return (json as { error: { message: string } }).error.message;
}

/** Indices of the problems of a slice in the matrix, computed here from the input. */
function sliceOf(difficulty: string): number[] {
  return small.problems.flatMap((p, i) => (difficulty === "all" || p.difficulty === difficulty ? [i] : []));
}

function checkpointAt(alpha: number) {
  const cp = small.checkpoints.find((c) => c.alpha === alpha);
  if (!cp) throw new Error(`no α ${alpha}`);
  return cp;
}

/** Ensemble pass@K by enumerating every k-subset of each member's samples. */
function bruteEnsemble(members: { alpha: number; samples: number }[], problems: number[]): number[] {
  return problems.map((p) => {
    let none = 1;
    for (const m of members) {
      const cp = checkpointAt(m.alpha);
      none *= bruteNoPass(cp.n[p], cp.verdicts.pass[p], m.samples);
    }
    return 1 - none;
  });
}

const mean = (values: number[]) => values.reduce((s, v) => s + v, 0) / values.length;

beforeAll(async () => {
  await truncateAll(db);
  await storeSweep(db, smallSweep);
  await storeSweep(db, demo);
  await computeAllStatistics(db);
});

afterAll(async () => {
  await db.$disconnect();
});

describe("POST /api/experiments/[slug]/ensembles", () => {
  const members = [
    { alpha: -0.5, samples: 3 },
    { alpha: 1.5, samples: 4 },
  ];

  it("matches a brute-force enumeration of ensemble and best single pass@K on seeded data", async () => {
    const { status, json } = await post(SMALL, { members, difficulty: "hard" });
    expect(status).toBe(200);
    const result = json as EnsembleEvaluation;
    const problems = sliceOf("hard");
    const ensemble = bruteEnsemble(members, problems);
    const singles = small.checkpoints.map((cp) => ({
      alpha: cp.alpha,
      perProblem: problems.map((p) => brutePassAtK(cp.n[p], cp.verdicts.pass[p], 7)),
    }));
    const best = singles.reduce((a, b) => (mean(b.perProblem) > mean(a.perProblem) ? b : a));
    expect(result.budget).toBe(7);
    expect(result.problems).toBe(6);
    expect(result.passAtK).toBeCloseTo(mean(ensemble), 12);
    expect(result.bestSingle.alpha).toBe(best.alpha);
    expect(result.bestSingle.passAtK).toBeCloseTo(mean(best.perProblem), 12);
    expect(result.gain).toBeCloseTo(mean(ensemble) - mean(best.perProblem), 12);
    expect(result.members.map((m) => [m.alpha, m.samples, m.kind])).toEqual([
      [-0.5, 3, alphaKind(-0.5)],
      [1.5, 4, alphaKind(1.5)],
    ]);
    const onlyEnsemble = ensemble.filter((e, i) => e >= 0.5 && best.perProblem[i] < 0.5).length;
    const onlySingle = ensemble.filter((e, i) => e < 0.5 && best.perProblem[i] >= 0.5).length;
    expect([result.solvedOnlyByEnsemble, result.solvedOnlyByBestSingle]).toEqual([onlyEnsemble, onlySingle]);
    // The interval brackets the gain and is about as wide as the normal approximation says.
    const [lo, hi] = result.gainCI;
    expect(lo).toBeLessThanOrEqual(result.gain);
    expect(hi).toBeGreaterThanOrEqual(result.gain);
    const differences = ensemble.map((e, i) => e - best.perProblem[i]);
    const sd = Math.sqrt(mean(differences.map((d) => (d - mean(differences)) ** 2)) / differences.length);
    if (sd > 0) {
      expect(hi - lo).toBeGreaterThan(1.5 * sd);
      expect(hi - lo).toBeLessThan(6 * sd);
    }
  });

  it.each([
    [{ members: [] }, /at least one member/],
    [
      { members: [{ alpha: 0.3, samples: 5 }] },
      /No checkpoint at α = 0\.3.*evaluated α: −0\.5, 0, 0\.5, 1, 1\.5/,
    ],
    [{ members: [{ alpha: 0, samples: 11 }] }, /asks for 11 samples but the checkpoint has only n = 10/],
    [
      {
        members: [
          { alpha: 0, samples: 2 },
          { alpha: 0, samples: 3 },
        ],
      },
      /α = 0 appears twice/,
    ],
    [{ members: [{ alpha: 0, samples: 2.5 }] }, /members\.0\.samples.*whole number/],
    [{ members: [{ alpha: 0, samples: 3 }], budget: 5 }, /add up to 3, not to the budget 5/],
    [
      {
        members: [
          { alpha: 0, samples: 6 },
          { alpha: 1, samples: 6 },
        ],
      },
      /No single checkpoint has n ≥ K = 12/,
    ],
    [{ members: [{ alpha: 0, samples: 3 }], difficulty: "extreme" }, /difficulty/],
    ["{not json", /not valid JSON/],
  ])("answers %j with a 400 that says what is wrong", async (body, message) => {
    const { status, json } = await post(SMALL, body);
    expect(status).toBe(400);
    expect(errorMessage(json)).toMatch(message);
  });

  it("answers an unknown experiment with a 404", async () => {
    const { status } = await post("no-such-experiment", { members: [{ alpha: 0, samples: 1 }] });
    expect(status).toBe(404);
  });

  it("on the demo sweep, a 3-member ensemble with extrapolated members beats the best single at pass@250 on hard", async () => {
    const search = await getEnsembleSearch(db, DEMO, {
      budget: 250,
      maxMembers: 3,
      difficulty: "hard",
      top: 50,
    });
    const pick = search?.ensembles.find(
      (e) => e.members.length === 3 && e.members.some((m) => alphaKind(m.alpha) === "extrapolated"),
    );
    expect(pick).toBeDefined();
    const { status, json } = await post(DEMO, { members: pick?.members, difficulty: "hard" });
    expect(status).toBe(200);
    const result = json as EnsembleEvaluation;
    expect(result.budget).toBe(250);
    expect(result.passAtK).toBeCloseTo(pick?.passAtK ?? 0, 12);
    expect(result.gain).toBeGreaterThan(0.01);
    expect(result.gainCI[0]).toBeGreaterThan(0);
    expect(result.solvedOnlyByEnsemble).toBeGreaterThan(result.solvedOnlyByBestSingle);
  });

  it("reports the winner's raw interval (the POST's) and a selection-adjusted one beside it", async () => {
    const search = await getEnsembleSearch(db, DEMO, {
      budget: 250,
      maxMembers: 3,
      difficulty: "hard",
      top: 5,
    });
    if (!search) throw new Error("the demo is stored");
    const winner = search.ensembles[0];
    const { json } = await post(DEMO, { members: winner.members, difficulty: "hard" });
    const evaluation = json as EnsembleEvaluation;
    expect(search.gainCI).toEqual(evaluation.gainCI);
    expect(search.bootstrap).toEqual(evaluation.bootstrap);
    const adjusted = search.adjustedGainCI;
    if (!adjusted) throw new Error("the hard slice has a winner and a best single");
    expect(adjusted.method).toBe("simultaneous-bonferroni");
    // The interval is the shown winner's: its members, its gain (the POST's), all the problems.
    expect(adjusted.members).toEqual(winner.members);
    expect(adjusted.gain).toBeCloseTo(evaluation.gain, 12);
    expect(adjusted.problems).toBe(evaluation.problems);
    expect(adjusted.bestSingleAlpha).toBe(evaluation.bestSingle.alpha);
    expect(adjusted.lower).toBeLessThanOrEqual(adjusted.gain);
    expect(adjusted.upper).toBeGreaterThanOrEqual(adjusted.gain);
    // Simultaneous over every set the search could pick: wider than the raw interval.
    expect(adjusted.upper - adjusted.lower).toBeGreaterThan(evaluation.gainCI[1] - evaluation.gainCI[0]);
  });
});

describe("GET /api/experiments/[slug]/pass-at-k", () => {
  it("returns every k up to n with pass@k equal to the enumeration, bands around it", async () => {
    const { status, json } = await curves(SMALL, "alphas=0,1.5&difficulty=hard&bands=1");
    expect(status).toBe(200);
    const result = json as PassAtKCurves;
    expect(result.maxK).toBe(10);
    expect(result.curves.map((c) => c.alpha)).toEqual([0, 1.5]);
    const problems = sliceOf("hard");
    for (const curve of result.curves) {
      const cp = checkpointAt(curve.alpha ?? Number.NaN);
      expect(curve.points.map((p) => p.k)).toEqual(curveKs(10));
      for (const point of curve.points) {
        expect(point.passAtK).toBeCloseTo(
          mean(problems.map((p) => brutePassAtK(cp.n[p], cp.verdicts.pass[p], point.k))),
          12,
        );
        expect(point.lower).toBeLessThanOrEqual(point.passAtK);
        expect(point.upper).toBeGreaterThanOrEqual(point.passAtK);
      }
    }
  });

  it("adds the ensemble curve, which at K agrees with the ensembles route", async () => {
    const { json } = await curves(SMALL, "difficulty=hard&members=-0.5:3,1.5:4");
    const result = json as PassAtKCurves;
    expect(result.curves).toHaveLength(small.checkpoints.length + 1);
    const ensemble = result.curves[result.curves.length - 1];
    expect(ensemble.type).toBe("ensemble");
    const atK = ensemble.points.find((p) => p.k === 7);
    const evaluation = (
      await post(SMALL, {
        members: [
          { alpha: -0.5, samples: 3 },
          { alpha: 1.5, samples: 4 },
        ],
        difficulty: "hard",
      })
    ).json as EnsembleEvaluation;
    expect(atK?.passAtK).toBeCloseTo(evaluation.passAtK, 12);
  });

  it.each([
    ["alphas=0,0.3", /No checkpoint at α = 0\.3/],
    ["alphas=zero", /alphas/],
    ["members=0:11", /n = 10/],
    ["members=0-3", /not a member/],
    ["bands=2", /bands/],
  ])("answers ?%s with a 400", async (query, message) => {
    const { status, json } = await curves(SMALL, query);
    expect(status).toBe(400);
    expect(errorMessage(json)).toMatch(message);
  });
});

describe("GET /api/experiments/[slug]/matrix", () => {
  it("carries n and pass of every checkpoint column-wise, in the matrix's problem order", async () => {
    const response = await getMatrix(
      new Request(`http://test/api/experiments/${SMALL}/matrix`),
      context(SMALL),
    );
    const payload = (await response.json()) as ScalingMatrixPayload;
    expect(payload.problems.map((p) => p.externalId)).toEqual(small.problems.map((p) => p.externalId));
    expect(payload.checkpoints.map((c) => c.alpha)).toEqual([-0.5, 0, 0.5, 1, 1.5]);
    expect(payload.checkpoints[2].pass).toEqual(Array.from(small.checkpoints[2].verdicts.pass));
    expect(payload.checkpoints[2].n).toEqual(Array.from(small.checkpoints[2].n));
  });
});

describe("alphascope ensemble", () => {
  function capture() {
    const out: string[] = [];
    const err: string[] = [];
    return { io: { out: (t: string) => out.push(t), err: (t: string) => err.push(t) }, out, err };
  }

  it("prints with --json exactly what the API answers", async () => {
    const { io, out } = capture();
    const code = await runCli(
      ["ensemble", SMALL, "--members=-0.5:3,1.5:4", "--difficulty", "hard", "--json"],
      io,
    );
    expect(code).toBe(0);
    const api = await post(SMALL, {
      members: [
        { alpha: -0.5, samples: 3 },
        { alpha: 1.5, samples: 4 },
      ],
      difficulty: "hard",
    });
    expect(JSON.parse(out.join("\n"))).toEqual(api.json);
  });

  it("prints a readable summary and the top 5 of a search", async () => {
    const summary = capture();
    expect(await runCli(["ensemble", SMALL, "--members", "0:3,1:4"], summary.io)).toBe(0);
    expect(summary.out.join("\n")).toMatch(/gain: [+−]\d+\.\d points \(95% CI/);
    const search = capture();
    expect(
      await runCli(
        ["ensemble", SMALL, "--search", "--budget", "8", "--max-members", "3", "--json"],
        search.io,
      ),
    ).toBe(0);
    const document = JSON.parse(search.out.join("\n")) as EnsembleSearchSummary;
    expect(document.ensembles).toHaveLength(5);
    // Without --json: the winner's selection-adjusted interval first (or "no ensemble picked"), then the raw one.
    const text = capture();
    expect(
      await runCli(["ensemble", SMALL, "--search", "--budget", "8", "--max-members", "3"], text.io),
    ).toBe(0);
    const printed = text.out.join("\n");
    const adjusted = document.adjustedGainCI;
    if (!adjusted) throw new Error("the small sweep has a winner and a best single");
    if (adjusted.pickedEnsemble) {
      const line = printed.match(
        /winner's gain, selection-adjusted 95% CI \(simultaneous-bonferroni\): ([+−]\d+\.\d) … ([+−]\d+\.\d)/,
      );
      const bounds = line?.slice(1).map((text) => Number(text.replace("−", "-")));
      expect(bounds).toEqual([adjusted.lower, adjusted.upper].map((x) => Number((x * 100).toFixed(1))));
    } else expect(printed).toContain("selection-adjusted (simultaneous-bonferroni): no ensemble picked");
    expect(printed).toContain(adjusted.explanation);
    expect(printed).toMatch(/winner's gain, raw 95% CI \(ignores the selection\): /);
  });

  it("turns the API's 400 into a usage error with the same sentence", async () => {
    const { io, err } = capture();
    expect(await runCli(["ensemble", SMALL, "--members", "0.3:4"], io)).toBe(2);
    expect(err.join("\n")).toMatch(/No checkpoint at α = 0\.3/);
  });
});
