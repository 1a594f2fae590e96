import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ProblemChangesPage, ProblemDetail } from "../../lib/contracts/problemTypes";
import { DEMO_EXPERIMENT_SLUG } from "../../lib/demo/experiment";
import { powerText } from "../../lib/views/powerText";
import { lcbFileName, lcbText } from "../support/lcbFixture";
import { type BrowserSession, baseUrl, openBrowser } from "./browser";

const page = () => session.page;
let session: BrowserSession;

const LCB_SLUG = "qwen3-8b-lcb-problems";
const WIDE_SLUG = "five-thousand-problems";
const WIDE_PROBLEMS = 5000;

async function api<T>(path: string): Promise<T> {
  const response = await fetch(`${baseUrl()}/api/experiments/${path}`);
  expect(response.status, path).toBe(200);
  return (await response.json()) as T;
}

async function importJson(body: object): Promise<void> {
  const response = await fetch(`${baseUrl()}/api/imports`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  expect(response.status, await response.clone().text()).toBe(201);
}

/** 5 000 problems at two α, as native count lines: problem i passes i mod 9 of 8 samples… at α = 1. */
function wideCheckpoint(alpha: number): string {
  return Array.from({ length: WIDE_PROBLEMS }, (_, i) => {
    const pass = alpha === 0 ? i % 5 : (i * 7) % 9;
    return JSON.stringify({
      // One id with a slash, as HumanEval's and EvalPlus's ids have.
      problem: i === 0 ? "Wide/0" : `w${String(i).padStart(4, "0")}`,
      title: `Wide problem ${i}`,
      difficulty: ["easy", "medium", "hard"][i % 3],
      n: 8,
      pass: Math.min(pass, 8),
      wrongAnswer: 8 - Math.min(pass, 8),
    });
  }).join("\n");
}

/** Problem ids of the rows rendered right now, top to bottom. */
function renderedIds(): Promise<string[]> {
  return page()
    .getByTestId("problem-row")
    .evaluateAll((rows) => rows.map((row) => row.getAttribute("data-problem") ?? ""));
}

async function openProblems(slug: string, query = ""): Promise<void> {
  await page().goto(`${baseUrl()}/experiments/${slug}/problems${query}`);
  await page().locator('[data-testid="problems-view"][data-hydrated="true"]').waitFor();
}

beforeAll(async () => {
  await importJson({
    experiment: LCB_SLUG,
    name: "Qwen3-8B on LiveCodeBench (real run)",
    alpha: 0,
    files: [{ name: lcbFileName("eval_all.json"), content: lcbText("eval_all.json") }],
  });
  for (const alpha of [0, 1])
    await importJson({
      experiment: WIDE_SLUG,
      name: "Five thousand problems",
      alpha,
      files: [{ name: `alpha${alpha}.jsonl`, content: wideCheckpoint(alpha) }],
    });
  session = await openBrowser({ width: 1400, height: 900 });
});

afterAll(async () => {
  await session?.close();
});

describe("the problems view on the demo", () => {
  it("ranks problems by the change between two chosen α exactly as the API does, both ways", async () => {
    await page().goto(`${baseUrl()}/experiments/${DEMO_EXPERIMENT_SLUG}`);
    await page().getByTestId("problems-link").click();
    await page().locator('[data-testid="problems-view"][data-hydrated="true"]').waitFor();
    expect(await page().getByTestId("problems-from").inputValue()).toBe("0");
    expect(await page().getByTestId("problems-to").inputValue()).toBe("1");

    await page().getByTestId("problems-from").selectOption("-1");
    await page().waitForURL(/from=-1&to=1/);
    await page().getByTestId("problems-to").selectOption("1.5");
    await page().waitForURL(/from=-1&to=1\.5&order=desc/);
    const gained = await api<ProblemChangesPage>(`${DEMO_EXPERIMENT_SLUG}/problems?from=-1&to=1.5&limit=20`);
    // The table follows the controls a moment later (a deferred render): wait for it.
    await expect
      .poll(async () => (await renderedIds()).slice(0, 20))
      .toEqual(gained.problems.map((p) => p.id));
    const deltas = await page().getByTestId("problem-delta").allTextContents();
    expect(deltas[0]).toBe(`+${(gained.problems[0].delta * 100).toFixed(1)}`);
    const summary = await page().getByTestId("problems-summary").textContent();
    const all = await api<ProblemChangesPage>(`${DEMO_EXPERIMENT_SLUG}/problems?from=-1&to=1.5&limit=1000`);
    const count = (sign: number) => all.problems.filter((p) => Math.sign(p.delta) === sign).length;
    expect(summary).toContain(`${count(1)} gained, ${count(-1)} lost, ${count(0)} unchanged of ${all.total}`);

    await page().getByTestId("problems-order").selectOption("asc");
    await page().waitForURL(/order=asc/);
    const lost = await api<ProblemChangesPage>(
      `${DEMO_EXPERIMENT_SLUG}/problems?from=-1&to=1.5&order=asc&limit=20`,
    );
    await expect.poll(async () => (await renderedIds()).slice(0, 20)).toEqual(lost.problems.map((p) => p.id));
    expect(lost.problems[0].delta).toBeLessThan(0);
  });

  it("states the comparison's minimum detectable effect and the samples a typed Δ needs, as the API does", async () => {
    await openProblems(DEMO_EXPERIMENT_SLUG, "?from=0&to=1");
    await page().getByTestId("problems-detect").fill("5");
    await page().waitForURL(/detect=5/);
    const { power } = await api<ProblemChangesPage>(
      `${DEMO_EXPERIMENT_SLUG}/problems?from=0&to=1&detect=5&limit=1`,
    );
    expect(power.minimumDetectableEffect).not.toBeNull();
    await expect
      .poll(() => page().getByTestId("problems-mde").textContent())
      .toBe(`${((power.minimumDetectableEffect ?? 0) * 100).toFixed(1)} points`);
    // The line follows the typed Δ once its answer arrives (the effect above does not depend on it).
    await expect
      .poll(() => page().getByTestId("problems-samples-needed").textContent())
      .toBe(powerText(power).samples);
  });

  it("filters by difficulty and searches by id or title, and a reload or Back restores the view", async () => {
    await openProblems(DEMO_EXPERIMENT_SLUG, "?from=0&to=1");
    await page().getByTestId("problems-difficulty").selectOption("hard");
    await page().waitForURL(/difficulty=hard/);
    const hard = await api<ProblemChangesPage>(
      `${DEMO_EXPERIMENT_SLUG}/problems?from=0&to=1&difficulty=hard&limit=1000`,
    );
    await expect
      .poll(() => page().getByTestId("problems-summary").textContent())
      .toContain(`of ${hard.total} problems`);
    const difficulties = await page()
      .getByTestId("problem-row")
      .evaluateAll((rows) => rows.map((row) => row.children[2].textContent));
    expect(new Set(difficulties)).toEqual(new Set(["hard"]));

    const target = hard.problems[7];
    await page().getByTestId("problems-search").fill(target.id);
    await page().waitForURL(new RegExp(`q=${target.id}`));
    await expect.poll(renderedIds).toEqual([target.id]);
    const url = page().url();

    await page().reload();
    await page().locator('[data-testid="problems-view"][data-hydrated="true"]').waitFor();
    expect(await page().getByTestId("problems-search").inputValue()).toBe(target.id);
    expect(await page().getByTestId("problems-difficulty").inputValue()).toBe("hard");
    expect(await renderedIds()).toEqual([target.id]);

    await page().goBack();
    await page().waitForURL(
      (current) => current.toString() !== url && !current.search.includes("difficulty=hard"),
    );
    expect(await page().getByTestId("problems-difficulty").inputValue()).toBe("all");
    expect(await page().getByTestId("problems-search").inputValue()).toBe("");
    await expect.poll(async () => (await renderedIds()).length).toBeGreaterThan(1);

    const titled = hard.problems.find((p) => p.title !== null);
    await page()
      .getByTestId("problems-search")
      .fill((titled?.title ?? "").toUpperCase());
    await expect.poll(renderedIds).toContain(titled?.id);
  });

  it("opens one problem's page with the stored verdicts and pass@k at every α", async () => {
    const first = (await api<ProblemChangesPage>(`${DEMO_EXPERIMENT_SLUG}/problems?from=0&to=1&limit=1`))
      .problems[0];
    await openProblems(DEMO_EXPERIMENT_SLUG, "?from=0&to=1");
    await page().locator(`[data-problem="${first.id}"] a`).click();
    await page().getByTestId("problem-verdicts").waitFor();
    const detail = await api<ProblemDetail>(
      `${DEMO_EXPERIMENT_SLUG}/problems/${encodeURIComponent(first.id)}`,
    );
    const atOne = detail.checkpoints.find((cp) => cp.alpha === 1) as ProblemDetail["checkpoints"][number];
    expect(atOne.verdicts.pass).toBe(first.to.pass);
    const row = page().locator('[data-testid="problem-verdicts"] tr[data-alpha="1"]');
    expect(await row.locator('[data-verdict="pass"]').textContent()).toContain(
      `${atOne.verdicts.pass} (${((atOne.verdicts.pass / atOne.n) * 100).toFixed(1)}%)`,
    );
    const passAt10 = atOne.passAtK.find((point) => point.k === 10)?.value as number;
    expect(
      await page()
        .locator('[data-testid="problem-pass-at-k"] tr[data-alpha="1"] [data-k="10"]')
        .textContent(),
    ).toBe(`${(passAt10 * 100).toFixed(1)}%`);
    expect(await page().getByTestId("problem-verdict-chart").locator("rect").count()).toBeGreaterThan(
      detail.checkpoints.length,
    );
  });
});

describe("the problems view on an imported LiveCodeBench run", () => {
  it("lists the run's 1 055 problems, 350 hard, and a problem page shows its one graded sample", async () => {
    await openProblems(LCB_SLUG);
    // One checkpoint (α = 0): both ends of the comparison are that α, so nothing changed.
    expect(await page().getByTestId("problems-summary").textContent()).toContain(
      "0 gained, 0 lost, 1,055 unchanged",
    );
    await page().getByTestId("problems-difficulty").selectOption("hard");
    await expect
      .poll(() => page().getByTestId("problems-summary").textContent())
      .toContain("of 350 problems");
    const [id] = await renderedIds();
    await page().locator(`[data-problem="${id}"] a`).click();
    await page().getByTestId("problem-verdicts").waitFor();
    const detail = await api<ProblemDetail>(`${LCB_SLUG}/problems/${encodeURIComponent(id)}`);
    expect(detail).toMatchObject({ id, difficulty: "hard", checkpoints: [{ alpha: 0, n: 1 }] });
    expect(await page().getByTestId("problem-facts").textContent()).toContain(detail.platform ?? "—");
    expect(await page().getByTestId("problem-pass-at-k").locator("td").first().textContent()).toBe(
      detail.checkpoints[0].verdicts.pass === 1 ? "100.0%" : "0.0%",
    );
  });
});

describe("5 000 problems", () => {
  it("renders only the rows in the scrolling window, and scrolling to the end shows the last ones", async () => {
    await openProblems(WIDE_SLUG);
    const all = await api<ProblemChangesPage>(`${WIDE_SLUG}/problems?from=0&to=1&offset=4990&limit=1000`);
    expect(all.total).toBe(WIDE_PROBLEMS);
    const first = await renderedIds();
    expect(first.length).toBeGreaterThan(10);
    expect(first.length).toBeLessThan(80);
    // The spacers standing in for the rest are no rows to assistive technology: the header and these.
    const table = page().getByTestId("problems-table");
    expect(await table.getByRole("row").count()).toBe(first.length + 1);
    expect(await page().getByTestId("problems-table").getAttribute("aria-rowcount")).toBe(
      String(WIDE_PROBLEMS + 1),
    );

    const scroller = page().getByTestId("problems-scroll");
    await scroller.evaluate((element) => {
      element.scrollTop = element.scrollHeight;
    });
    await page().locator(`[data-problem="${all.problems[9].id}"]`).waitFor();
    const last = await renderedIds();
    expect(last.length).toBeLessThan(80);
    expect(last.at(-1)).toBe(all.problems[9].id);
    expect(last).not.toContain(first[0]);
    expect(await table.getByRole("row").count()).toBe(last.length + 1);
  });
});

describe("links to a problem's page", () => {
  it("reach it from the scaling page's overlap table, for an id with a slash; an unknown id is not found", async () => {
    await page().goto(`${baseUrl()}/experiments/${DEMO_EXPERIMENT_SLUG}/scaling`);
    await page().getByText("Show the overlaps as a table").click();
    const link = page().locator("details table a").first();
    const title = await link.getAttribute("title");
    await link.click();
    await page().getByTestId("problem-verdicts").waitFor();
    expect(await page().getByTestId("problem-title").textContent()).toContain(title);

    await openProblems(WIDE_SLUG, "?q=wide%2F0");
    await expect.poll(renderedIds).toEqual(["Wide/0"]);
    await page().locator('[data-problem="Wide/0"] a').click();
    await page().getByTestId("problem-verdicts").waitFor();
    expect(page().url()).toContain("/problems/Wide%2F0");
    expect(await page().getByTestId("problem-title").textContent()).toContain("Wide/0");

    await page().goto(`${baseUrl()}/experiments/${WIDE_SLUG}/problems/no-such-problem`);
    await page().getByText("No such problem").waitFor();
    const missing = await fetch(`${baseUrl()}/api/experiments/${WIDE_SLUG}/problems/no-such-problem`);
    expect(missing.status).toBe(404);
  });
});
