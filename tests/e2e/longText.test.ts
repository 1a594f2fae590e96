import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SLUG_MAX_LENGTH } from "@/lib/domain/slug";
import { TEXT_LIMITS, type TextField } from "@/lib/formats/limits";
import { type BrowserSession, baseUrl, openBrowser } from "./browser";

/*
 * Names, ids and labels come from imported files, so they can be as long as the import allows:
 * every free-text field here is unbroken text (no space to wrap at) at its import limit — from
 * 100 to 5 000 characters, all far wider than a 1280 px viewport.
 */

/** The longest text `field` may hold, without a space, made of `word` repeated. */
const unbroken = (word: string, field: TextField) => {
  const length = TEXT_LIMITS[field];
  return word.repeat(Math.ceil(length / word.length)).slice(0, length);
};
const slug = (prefix: string) => `${prefix}-${"x".repeat(SLUG_MAX_LENGTH - prefix.length - 1)}`;

const NAME = unbroken("Experiment_name_", "name");
const BENCHMARK = unbroken("benchmark_", "benchmark");
const LABEL_A = unbroken("endpoint_A_label_", "label");
const LABEL_B = unbroken("endpoint_B_label_", "label");
const MODEL = unbroken("org/model-checkpoint-", "model");
const PROBLEM_ID = unbroken("problem_id_", "problemId");
const TITLE = unbroken("Problem_title_", "title");
const RESULTS_FILE = `${"results_".repeat(25)}.jsonl`;

/** A three-checkpoint sweep whose every free-text field is long; its problems include one long id and title. */
function sweep(experimentSlug: string) {
  const rows = (step: number) =>
    [
      {
        problem: PROBLEM_ID,
        title: TITLE,
        difficulty: "hard",
        n: 4,
        pass: step,
        wrongAnswer: 1,
        runtimeError: 3 - step,
      },
      { problem: "p2", title: TITLE.slice(0, 500), difficulty: "easy", n: 4, pass: 3, wrongAnswer: 1 },
      { problem: "p3", difficulty: "medium", n: 4, pass: 2 - step, timeLimit: 2 + step },
    ]
      .map((row) => JSON.stringify(row))
      .join("\n");
  const file = (alpha: number) => `a${alpha}-${RESULTS_FILE}`;
  const manifest = {
    slug: experimentSlug,
    name: NAME,
    description: unbroken("description_", "description"),
    benchmark: BENCHMARK,
    setting: "pure-reasoning",
    modelFamily: unbroken("family_", "modelFamily"),
    endpoints: { a: { label: LABEL_A, model: MODEL }, b: { label: LABEL_B, model: MODEL } },
    checkpoints: [0, 0.5, 1].map((alpha) => ({
      alpha,
      file: file(alpha),
      label: unbroken("checkpoint_", "label"),
    })),
  };
  return [
    // YAML is a superset of JSON: the .yaml name marks the manifest.
    { name: "sweep.yaml", content: JSON.stringify(manifest) },
    ...[0, 0.5, 1].map((alpha, i) => ({ name: file(alpha), content: `${rows(i)}\n` })),
  ];
}

let session: BrowserSession;
const page = () => session.page;
const SLUG = slug("e2e-long");

/** Whether the page scrolls sideways: it must not, whatever the strings. */
async function overflow(target: Page) {
  return target.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
}

async function expectNoSidewaysScroll(target: Page) {
  const { scrollWidth, clientWidth } = await overflow(target);
  expect(clientWidth).toBeGreaterThan(1200);
  expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
}

beforeAll(async () => {
  const response = await fetch(`${baseUrl()}/api/imports`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ files: sweep(SLUG) }),
  });
  expect(response.status, await response.clone().text()).toBe(201);
  session = await openBrowser({ width: 1280 });
});

afterAll(async () => {
  await session?.close();
});

describe("pages with 1 000-character names, ids and labels", () => {
  it("the experiment list stays within the viewport and keeps the full name in a tooltip", async () => {
    // Searched for: only the rows in view are rendered, and other tests' experiments may come first.
    await page().goto(`${baseUrl()}/?q=${SLUG}`);
    const row = page()
      .getByTestId("experiment-row")
      .filter({ hasText: NAME.slice(0, 40) });
    await row.waitFor();
    await expectNoSidewaysScroll(page());
    expect(await row.getByRole("link").getByTitle(NAME, { exact: true }).count()).toBe(1);
  });

  it("the explorer stays within the viewport; the header and the plot keep the full text in tooltips", async () => {
    await page().goto(`${baseUrl()}/experiments/${SLUG}`);
    await page().locator('.explorer[data-hydrated="true"]').waitFor();
    await expectNoSidewaysScroll(page());
    const heading = page().getByRole("heading", { level: 1 });
    expect(await heading.getByTitle(NAME, { exact: true }).count()).toBe(1);
    // The endpoint labels on the plot are shortened; their SVG title holds the full label.
    const label = page().locator("svg.frontier-chart .frontier-endpoint-label").first();
    expect(await label.locator("title").textContent()).toBe(`A · ${LABEL_A}`);
    const shown = await label.evaluate((text) => text.lastChild?.textContent ?? "");
    expect(shown).toMatch(/^A · endpoint_A_label_.*…$/);
    expect(shown.length).toBeLessThan(40);
  });

  it("the scaling page stays within the viewport, problem titles included", async () => {
    await page().goto(`${baseUrl()}/experiments/${SLUG}/scaling?difficulty=all`);
    await page().getByTestId("ensemble-results").waitFor();
    await page().getByText("Who solves which problems").waitFor();
    await expectNoSidewaysScroll(page());
    const back = page().getByRole("link", { name: /^← Experiment_name_/ });
    expect(await back.getAttribute("title")).toBe(NAME);
    // The overlap table quotes problem titles: opened, it still fits.
    await page().getByText("Show the overlaps as a table").click();
    await expectNoSidewaysScroll(page());
  });

  it("the import page stays within the viewport: experiment choices, the preview report and an issue list", async () => {
    await page().goto(`${baseUrl()}/import`);
    await page().getByRole("heading", { name: "Import evaluation results" }).waitFor();
    await expectNoSidewaysScroll(page());

    const files = sweep(slug("e2e-long-preview"));
    await page()
      .getByLabel(/choose files/)
      .setInputFiles(
        files.map((file) => ({ name: file.name, mimeType: "text/plain", buffer: Buffer.from(file.content) })),
      );
    await page().getByRole("button", { name: "Preview import" }).click();
    await page()
      .getByRole("region", { name: /Preview: / })
      .waitFor();
    await expectNoSidewaysScroll(page());

    // A duplicated long problem id: the issue quotes it.
    const duplicate = `${JSON.stringify({ problem: PROBLEM_ID, n: 1, pass: 1 })}\n`;
    await page()
      .getByLabel(/choose files/)
      .setInputFiles({
        name: RESULTS_FILE,
        mimeType: "text/plain",
        buffer: Buffer.from(duplicate.repeat(2)),
      });
    await page().getByLabel("Import into").selectOption("");
    await page().getByLabel("Slug").fill(slug("e2e-long-bad"));
    await page().getByLabel("α", { exact: true }).fill("0");
    await page().getByRole("button", { name: "Preview import" }).click();
    const alert = page().getByRole("alert", { name: "Nothing was imported" });
    await alert.waitFor();
    expect(await alert.textContent()).toContain("duplicate row for problem");
    await expectNoSidewaysScroll(page());
  });
});
