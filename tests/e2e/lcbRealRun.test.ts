import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ComparisonData } from "../../lib/contracts/compareTypes";
import type { ProblemChangesPage, ProblemDetail } from "../../lib/contracts/problemTypes";
import type { ExperimentDetail, FrontierData } from "../../lib/contracts/types";
import { DEMO_EXPERIMENT_SLUG } from "../../lib/demo/experiment";
import { DIFFICULTY_SLICES } from "../../lib/domain/difficulty";
import type { Verdict } from "../../lib/domain/verdicts";
import { getMetric } from "../../lib/science/metricRegistry";
import { formatCount } from "../../lib/views/format";
import { lcbFileName, lcbText } from "../support/lcbFixture";
import { type BrowserSession, baseUrl, openBrowser } from "./browser";

/**
 * The problems view, a problem page, the collapse marks and the comparison on the real Qwen3-8B
 * LiveCodeBench run (tests/fixtures/livecodebench). The fixture is one evaluation, so α = 0 is that
 * file as the harness wrote it, and α = 1 is the same file with every problem's graded samples
 * (code, output, verdict, metadata) moved to the problem before it: real records, real problem
 * metadata and the run's own totals, with different problems solved at the two α. Every expected
 * number below is recomputed here from the raw JSON, and compared with the API and the page.
 */
const SLUG = "qwen3-8b-lcb-two-alpha";
const SAMPLE_FIELDS = ["output_list", "code_list", "graded_list", "pass@1", "metadata"] as const;

interface LcbRecord {
  question_id: string;
  difficulty: string;
  graded_list: boolean[];
  metadata: string[];
}

const atZero = JSON.parse(lcbText("eval_all.json")) as LcbRecord[];
const atOne = atZero.map((record, i) => {
  const donor = atZero[(i + 1) % atZero.length] as unknown as Record<string, unknown>;
  return {
    ...record,
    ...Object.fromEntries(SAMPLE_FIELDS.map((field) => [field, donor[field]])),
  } as LcbRecord;
});
const TOTAL = atZero.length;

/** The one sample's verdict as lcb_runner graded it (2025 grader codes; the run has no others). */
function verdictOf(record: LcbRecord): Verdict {
  if (record.graded_list[0]) return "pass";
  const code = (JSON.parse(record.metadata[0]) as { error_code: number }).error_code;
  const verdicts: Record<number, Verdict> = { [-2]: "wrongAnswer", [-3]: "timeLimit", [-4]: "runtimeError" };
  return verdicts[code];
}

/** Gained, lost and unchanged problems from α = 1 to α = 0 on a slice, from the raw records. */
function changes(difficulty: string): [number, number, number] {
  const counts: [number, number, number] = [0, 0, 0];
  atZero.forEach((record, i) => {
    if (difficulty !== "all" && record.difficulty !== difficulty) return;
    const delta = Number(record.graded_list[0]) - Number(atOne[i].graded_list[0]);
    counts[delta > 0 ? 0 : delta < 0 ? 1 : 2]++;
  });
  return counts;
}

let session: BrowserSession;
const page = () => session.page;

async function api<T>(path: string): Promise<T> {
  const response = await fetch(`${baseUrl()}/api${path}`);
  expect(response.status, path).toBe(200);
  return (await response.json()) as T;
}

async function importRun(alpha: number, records: LcbRecord[]): Promise<void> {
  const response = await fetch(`${baseUrl()}/api/imports`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      experiment: SLUG,
      name: "Qwen3-8B on LiveCodeBench (real run, two α)",
      alpha,
      files: [{ name: lcbFileName("eval_all.json"), content: JSON.stringify(records) }],
    }),
  });
  expect(response.status, await response.clone().text()).toBe(201);
}

/** Problem ids of the rows rendered right now, top to bottom. */
function renderedIds(): Promise<string[]> {
  return page()
    .getByTestId("problem-row")
    .evaluateAll((rows) => rows.map((row) => row.getAttribute("data-problem") ?? ""));
}

beforeAll(async () => {
  await importRun(0, atZero);
  await importRun(1, atOne);
  session = await openBrowser({ width: 1400, height: 900 });
});

afterAll(async () => {
  await session?.close();
});

describe("an imported real LiveCodeBench run at two α", () => {
  it("the problems view: pick two α, gained and lost counted as the raw records and the API count them", async () => {
    await page().goto(`${baseUrl()}/experiments/${SLUG}/problems`);
    await page().locator('[data-testid="problems-view"][data-hydrated="true"]').waitFor();
    await page().getByTestId("problems-from").selectOption("1");
    await page().waitForURL(/from=1&to=1/);
    await page().getByTestId("problems-to").selectOption("0");
    await page().waitForURL(/from=1&to=0/);

    const [gained, lost, unchanged] = changes("all");
    expect(gained).toBeGreaterThan(50);
    expect(lost).toBeGreaterThan(50);
    const first = await api<ProblemChangesPage>(`/experiments/${SLUG}/problems?from=1&to=0&limit=1000`);
    const rest = await api<ProblemChangesPage>(`/experiments/${SLUG}/problems?from=1&to=0&offset=1000`);
    const rows = [...first.problems, ...rest.problems];
    expect(first.total).toBe(TOTAL);
    expect(rows.filter((row) => row.delta > 0)).toHaveLength(gained);
    expect(rows.filter((row) => row.delta < 0)).toHaveLength(lost);
    await expect
      .poll(() => page().getByTestId("problems-summary").textContent())
      .toContain(
        `${gained} gained, ${lost} lost, ${formatCount(unchanged)} unchanged of ${formatCount(TOTAL)}`,
      );
    await expect
      .poll(async () => (await renderedIds()).slice(0, 20))
      .toEqual(rows.slice(0, 20).map((row) => row.id));

    await page().getByTestId("problems-difficulty").selectOption("hard");
    await page().waitForURL(/difficulty=hard/);
    const [hardGained, hardLost, hardUnchanged] = changes("hard");
    await expect
      .poll(() => page().getByTestId("problems-summary").textContent())
      .toContain(`${hardGained} gained, ${hardLost} lost, ${hardUnchanged} unchanged of 350`);
  });

  it("a problem page: its verdict table is the API's and the raw records' at both α", async () => {
    const [top] = (await api<ProblemChangesPage>(`/experiments/${SLUG}/problems?from=1&to=0&limit=1`))
      .problems;
    expect(top.delta).toBe(1);
    await page().goto(`${baseUrl()}/experiments/${SLUG}/problems?from=1&to=0`);
    await page().locator(`[data-problem="${top.id}"] a`).click();
    await page().getByTestId("problem-verdicts").waitFor();
    const detail = await api<ProblemDetail>(`/experiments/${SLUG}/problems/${encodeURIComponent(top.id)}`);
    const index = atZero.findIndex((record) => record.question_id === top.id);
    const raw = { 0: verdictOf(atZero[index]), 1: verdictOf(atOne[index]) } as Record<number, Verdict>;
    expect(raw[0]).toBe("pass");
    expect(detail.checkpoints.map((cp) => cp.alpha)).toEqual([0, 1]);
    for (const cp of detail.checkpoints) {
      expect(cp.n).toBe(1);
      expect(cp.verdicts[raw[cp.alpha]]).toBe(1);
      const row = page().locator(`[data-testid="problem-verdicts"] tr[data-alpha="${cp.alpha}"]`);
      for (const [verdict, count] of Object.entries(cp.verdicts)) {
        expect(await row.locator(`[data-verdict="${verdict}"]`).textContent()).toBe(
          `${count} (${((count / cp.n) * 100).toFixed(1)}%)`,
        );
      }
    }
  });

  it("the explorer marks no checkpoint collapsed, as the API says: both are the trained endpoints", async () => {
    const frontier = await api<FrontierData>(`/experiments/${SLUG}/frontier`);
    for (const slice of DIFFICULTY_SLICES)
      expect(frontier.slices[slice].points.map((p) => [p.alpha, p.collapsed])).toEqual([
        [0, false],
        [1, false],
      ]);
    for (const slice of ["all", "hard"]) {
      await page().goto(`${baseUrl()}/experiments/${SLUG}?difficulty=${slice}&alpha=1`);
      await page().locator('.explorer[data-hydrated="true"]').waitFor();
      expect(await page().locator(".frontier-point").count()).toBe(2);
      expect(await page().locator(".frontier-point--collapsed").count()).toBe(0);
      expect(await page().getByTestId("collapsed-note").count()).toBe(0);
      expect(await page().getByTestId("include-collapsed").count()).toBe(0);
      expect(await page().getByTestId("score-collapsed").count()).toBe(0);
    }
  });

  it("/compare against the demo warns of the different benchmark and shows the run's own solve rate", async () => {
    const real = await api<ExperimentDetail>(`/experiments/${SLUG}`);
    const demo = await api<ExperimentDetail>(`/experiments/${DEMO_EXPERIMENT_SLUG}`);
    expect(real.benchmark).toBe("livecodebench");
    await page().goto(`${baseUrl()}/compare?experiments=${DEMO_EXPERIMENT_SLUG},${SLUG}&alpha=0`);
    await page().locator('[data-hydrated="true"]').waitFor();
    const warning = (await page().getByTestId("compare-warning").textContent()) ?? "";
    expect(warning).toContain(
      `Different benchmarks (${demo.name}: ${demo.benchmark}; ${real.name}: livecodebench)`,
    );
    const comparison = await api<ComparisonData>(`/compare?experiments=${DEMO_EXPERIMENT_SLUG},${SLUG}`);
    // The demo borrows some LiveCodeBench ids, so the two problem sets meet without being the same.
    const { sizes, shared, union } = comparison.problems.all;
    expect(sizes[1]).toBe(TOTAL);
    expect(union).toBe(sizes[0] + TOTAL - shared);
    expect(shared).toBeLessThan(Math.min(...sizes));
    expect(warning).toContain(
      `(${demo.name}: ${formatCount(sizes[0])}; ${real.name}: ${formatCount(TOTAL)}): ${formatCount(shared)} problem ids in common of ${formatCount(union)}`,
    );
    expect(await page().getByTestId("alpha-slider").getAttribute("aria-valuemin")).toBe("0");
    expect(await page().getByTestId("alpha-slider").getAttribute("aria-valuemax")).toBe("1");
    // The harness's own pass@1 (305 of 1 055), at both α: moving samples between problems keeps the total.
    const solveRate = getMetric("solveRate");
    for (const alpha of [0, 1]) {
      if (alpha === 1) {
        await page().getByTestId("alpha-slider").focus();
        await page().keyboard.press("End");
        await page().waitForURL(/alpha=1(&|$)/);
      }
      const cell = await page().getByTestId(`compare-score-${SLUG}-solveRate`).textContent();
      expect(cell?.startsWith(solveRate.format(305 / TOTAL))).toBe(true);
      expect(await page().getByTestId(`compare-column-${SLUG}`).textContent()).toContain("evaluated");
    }
  });
});
