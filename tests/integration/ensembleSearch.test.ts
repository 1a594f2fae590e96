import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as postSearch } from "../../app/api/experiments/[slug]/ensembles/search/route";
import { runCli } from "../../lib/cli/main";
import type { EnsembleSearchSummary } from "../../lib/contracts/scalingTypes";
import { generateDemoSweep } from "../../lib/demo/generate";
import type { SweepInput } from "../../lib/domain/sweepInput";
import { sweepInputToMatrix } from "../../lib/domain/toMatrix";
import { runEnsembleSearch } from "../../lib/science/ensembleSearchSummary";
import { bruteNoPass } from "../support/bruteForce";
import { storeSweep, testDatabaseUrl, testDb, truncateAll } from "./db";
import { computeAllStatistics } from "./statisticsSupport";

// The route handlers read the server's client from DATABASE_URL, as under `npm start`.
process.env.DATABASE_URL = testDatabaseUrl();
const db = testDb();

const SLUG = "ensemble-search-small";
const sweep: SweepInput = generateDemoSweep({
  seed: 7,
  problems: { easy: 4, medium: 4, hard: 8 },
  alphas: [-0.5, 0, 0.5, 1, 1.5],
  samples: 10,
});
// A benchmark of its own: problems are shared per benchmark, and the demo's difficulties contradict these.
sweep.experiment = { ...sweep.experiment, slug: SLUG, name: "Search sweep", benchmark: "search-bench" };
const matrix = sweepInputToMatrix(sweep);
const hard = matrix.problems.flatMap((p, i) => (p.difficulty === "hard" ? [i] : []));

async function search(slug: string, body: unknown): Promise<{ status: number; json: unknown }> {
  const request = new Request(`http://test/api/experiments/${slug}/ensembles/search`, {
    method: "POST",
    body: JSON.stringify(body),
    headers: { "content-type": "application/json" },
  });
  const response = await postSearch(request, { params: Promise.resolve({ slug }) });
  return { status: response.status, json: await response.json() };
}

/** Every set of 1–3 of the five checkpoints, K = 8 split equally (remainder to the lower α), by enumeration. */
function bruteRanking(budget: number, problems: number[]): { alphas: number[]; passAtK: number }[] {
  const sets: number[][] = [];
  const grow = (set: number[], next: number) => {
    if (set.length > 0) sets.push(set);
    if (set.length === 3) return;
    for (let i = next; i < matrix.checkpoints.length; i++) grow([...set, i], i + 1);
  };
  grow([], 0);
  return sets
    .map((set) => {
      const shares = set.map((_, i) => Math.floor(budget / set.length) + (i < budget % set.length ? 1 : 0));
      const perProblem = problems.map((p) => {
        let none = 1;
        set.forEach((cp, i) => {
          none *= bruteNoPass(
            matrix.checkpoints[cp].n[p],
            matrix.checkpoints[cp].verdicts.pass[p],
            shares[i],
          );
        });
        return 1 - none;
      });
      return {
        alphas: set.map((cp) => matrix.checkpoints[cp].alpha),
        passAtK: perProblem.reduce((sum, value) => sum + value, 0) / problems.length,
      };
    })
    .sort((a, b) => b.passAtK - a.passAtK);
}

beforeAll(async () => {
  await truncateAll(db);
  await storeSweep(db, sweep);
  await computeAllStatistics(db);
});

afterAll(async () => {
  await db.$disconnect();
});

describe("POST /api/experiments/[slug]/ensembles/search", () => {
  const settings = { budget: 8, maxMembers: 3, difficulty: "hard", top: 5 } as const;

  it("ranks the ensembles as an enumeration of every set and every k-subset of samples does", async () => {
    const { status, json } = await search(SLUG, settings);
    expect(status).toBe(200);
    const result = json as EnsembleSearchSummary;
    const ranking = bruteRanking(8, hard);
    expect(result.method).toBe("exact");
    expect(result.evaluated).toBe(ranking.length);
    // The top passAtK values in order, and each listed ensemble's value is its own (ties may swap sets).
    expect(result.ensembles.map((e) => e.passAtK)).toEqual(
      ranking.slice(0, 5).map((r) => expect.closeTo(r.passAtK, 12)),
    );
    const singles = ranking.filter((r) => r.alphas.length === 1);
    expect(result.bestSingle?.passAtK).toBeCloseTo(singles[0].passAtK, 12);
    for (const ensemble of result.ensembles) {
      const alphas = ensemble.members.map((m) => m.alpha);
      const brute = ranking.find((r) => r.alphas.join() === alphas.join());
      expect(ensemble.passAtK).toBeCloseTo(brute?.passAtK ?? Number.NaN, 12);
      expect(ensemble.gain).toBeCloseTo(ensemble.passAtK - singles[0].passAtK, 12);
      expect(ensemble.members.reduce((sum, m) => sum + m.samples, 0)).toBe(8);
    }
  });

  it("answers the science core's document for the same input: raw and selection-adjusted intervals", async () => {
    const { json } = await search(SLUG, settings);
    const core = runEnsembleSearch(matrix, Int32Array.from(hard), SLUG, settings);
    expect(json).toEqual(JSON.parse(JSON.stringify(core)));
    const result = json as EnsembleSearchSummary;
    expect(result.adjustedGainCI?.method).toBe("simultaneous-bonferroni");
    expect(result.adjustedGainCI?.members).toEqual(result.ensembles[0].members);
    expect(result.adjustedGainCI?.gain).toBeCloseTo(result.ensembles[0].gain ?? Number.NaN, 12);
    expect(result.gainCI).not.toBeNull();
  });

  it("fills in the defaults (up to 3 members, the top 5, all problems)", async () => {
    const { status, json } = await search(SLUG, { budget: 8 });
    expect(status).toBe(200);
    const result = json as EnsembleSearchSummary;
    expect([result.maxMembers, result.ensembles.length, result.difficulty]).toEqual([3, 5, "all"]);
  });

  it("answers what `alphascope ensemble --search --json` prints", async () => {
    const out: string[] = [];
    const io = { out: (text: string) => out.push(text), err: () => undefined };
    const args = ["ensemble", SLUG, "--search", "--budget", "8", "--difficulty", "hard", "--json"];
    expect(await runCli(args, io)).toBe(0);
    expect(JSON.parse(out.join("\n"))).toEqual((await search(SLUG, settings)).json);
  });

  it.each([
    [{ maxMembers: 3 }, /"budget"/],
    [{ budget: 2.5 }, /"budget".*whole number/],
    [{ budget: 1_000_000 }, /"budget".*at most 100000/],
    [{ budget: 8, maxMembers: 7 }, /"maxMembers".*at most 6/],
    [{ budget: 8, top: 0 }, /"top".*at least 1/],
    [{ budget: 8, difficulty: "extreme" }, /"difficulty"/],
    [{ budget: 50, maxMembers: 1 }, /No ensemble of up to 1 checkpoints fits the budget K = 50/],
  ])("answers %j with a 400 that names what is wrong", async (body, message) => {
    const { status, json } = await search(SLUG, body);
    expect(status).toBe(400);
    expect((json as { error: { message: string } }).error.message).toMatch(message);
  });

  it("answers an unknown experiment with a 404", async () => {
    expect((await search("no-such-experiment", settings)).status).toBe(404);
  });
});
