import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ComparisonData } from "../../lib/contracts/compareTypes";
import type { FrontierData } from "../../lib/contracts/types";
import { DEMO_EXPERIMENT_SLUG } from "../../lib/demo/experiment";
import { getMetric } from "../../lib/science/metricRegistry";
import { formatDelta } from "../../lib/views/alphaScores";
import { type BrowserSession, baseUrl, openBrowser } from "./browser";

/** A three-checkpoint native sweep (α 0, 1, 2) on the "custom" benchmark, beside the demo. */
const SLUG = "e2e-compare-coverage-sweep";
const SWEEP = ["sweep.yaml", "alpha0.jsonl", "alpha1.jsonl", "alpha2.jsonl"].map((name) => ({
  name,
  content: readFileSync(
    fileURLToPath(new URL(`../fixtures/importer/sweep/${name}`, import.meta.url)),
    "utf8",
  ),
}));
const COMPARED = [DEMO_EXPERIMENT_SLUG, SLUG];

let session: BrowserSession;
const page = () => session.page;

async function hydrated(target: Page): Promise<void> {
  await target.locator('[data-hydrated="true"]').waitFor();
}

async function comparison(): Promise<ComparisonData> {
  const response = await fetch(`${baseUrl()}/api/compare?experiments=${COMPARED.join(",")}`);
  return (await response.json()) as ComparisonData;
}

/** The cells of one CSV line (RFC 4180 quoting). */
function csvCells(line: string): string[] {
  return [...line.matchAll(/(?:^|,)("(?:[^"]|"")*"|[^,]*)/g)].map(([, cell]) =>
    cell.startsWith('"') ? cell.slice(1, -1).replaceAll('""', '"') : cell,
  );
}

const sliderValue = async () =>
  Number(await page().getByTestId("alpha-slider").getAttribute("aria-valuenow"));

beforeAll(async () => {
  const response = await fetch(`${baseUrl()}/api/imports`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ experiment: SLUG, files: SWEEP }),
  });
  expect(response.status).toBe(201);
  session = await openBrowser();
});

afterAll(async () => {
  await session?.close();
});

describe("comparing experiments", () => {
  it("is reached from the home list: tick two experiments, press Compare", async () => {
    // Both slugs end in "-coverage-sweep" and no other test's does: the search keeps exactly these two on
    // the first page whatever other tests import (home.test's many "Home sweep" experiments included).
    await page().goto(`${baseUrl()}/?q=coverage-sweep`);
    // The checkboxes work once React has hydrated the list.
    await page().waitForFunction(() =>
      Object.keys(document.querySelector('[data-testid="compare-select"]') ?? {}).some((key) =>
        key.startsWith("__reactProps"),
      ),
    );
    const compareLink = page().getByTestId("compare-link");
    expect(await compareLink.isDisabled()).toBe(true);
    for (const slug of COMPARED)
      await page().locator(`[data-testid="compare-select"][value="${slug}"]`).check();
    await page().locator('a[data-testid="compare-link"]').click();
    await page().waitForURL(/\/compare\?/);
    expect(new URL(page().url()).searchParams.get("experiments")).toBe(COMPARED.join(","));
    await hydrated(page());
    expect(await page().getByTestId("compare-plot").locator("[data-series]").count()).toBe(2);
  });

  it("warns that the benchmarks and the problem sets differ", async () => {
    const warning = page().getByTestId("compare-warning");
    const text = (await warning.textContent()) ?? "";
    expect(text).toContain("Different benchmarks");
    expect(text).toContain("livecodebench-v5-synthetic");
    expect(text).toContain("custom");
    expect(text).toContain("0 problem ids in common");
  });

  it("moves one shared α over the range both have, with each experiment's scores at it", async () => {
    const data = await comparison();
    const solveRate = getMetric("solveRate");
    // The shared range is [0, 2]: the demo's −1 … 2 meets the sweep's 0 … 2.
    expect(await page().getByTestId("alpha-slider").getAttribute("aria-valuemin")).toBe("0");
    expect(await page().getByTestId("alpha-slider").getAttribute("aria-valuemax")).toBe("2");
    await page().getByTestId("alpha-slider").focus();
    await page().keyboard.press("End");
    await page().waitForURL(/alpha=2&/);
    expect(await sliderValue()).toBe(2);
    for (const [index, slug] of COMPARED.entries()) {
      const point = data.experiments[index].slices.all.points.find((p) => p.alpha === 2);
      expect(await page().getByTestId(`compare-score-${slug}-solveRate`).textContent()).toContain(
        solveRate.format(point?.metrics.solveRate.value ?? Number.NaN),
      );
    }
    // One step left of 2 is the demo's 1.75: measured for the demo, an estimate for the sweep.
    await page().keyboard.press("ArrowLeft");
    await page().waitForURL(/alpha=1\.75&/);
    expect(await page().getByTestId(`compare-column-${SLUG}`).textContent()).toContain(
      "estimated between α = 1 and 2",
    );
    expect(await page().getByTestId(`compare-column-${DEMO_EXPERIMENT_SLUG}`).textContent()).toContain(
      "evaluated",
    );
    const markers = page().getByTestId("compare-marker");
    expect(await markers.count()).toBe(2);
    expect(await markers.nth(1).getAttribute("data-measured")).toBe("false");
  });

  it("reopens the same view from its URL", async () => {
    await page().getByLabel("x axis").selectOption("solveRate");
    await page().waitForURL(/x=solveRate/);
    const url = page().url();
    const other = await session.context.newPage();
    await other.goto(url);
    await hydrated(other);
    expect(Number(await other.getByTestId("alpha-slider").getAttribute("aria-valuenow"))).toBe(1.75);
    expect(await other.getByTestId(`compare-column-${SLUG}`).textContent()).toContain("estimated");
    expect(new URL(other.url()).searchParams.get("x")).toBe("solveRate");
    await other.close();
  });

  it("marks each experiment's collapsed checkpoints, names them, and lets them compete on request", async () => {
    const collapsedOf = async (slug: string) => {
      const response = await fetch(`${baseUrl()}/api/experiments/${slug}/frontier`);
      const data = (await response.json()) as FrontierData;
      return data.slices.hard.points.filter((p) => p.collapsed).map((p) => p.alpha);
    };
    expect(await collapsedOf(DEMO_EXPERIMENT_SLUG)).toEqual([-1, 2]);
    const expected = [
      ...(await collapsedOf(DEMO_EXPERIMENT_SLUG)).map((alpha) => `${DEMO_EXPERIMENT_SLUG}:${alpha}`),
      ...(await collapsedOf(SLUG)).map((alpha) => `${SLUG}:${alpha}`),
    ];
    await page().goto(`${baseUrl()}/compare?experiments=${COMPARED.join(",")}&difficulty=hard&alpha=1`);
    await hydrated(page());
    const plot = page().getByTestId("compare-plot");
    const crossed = await plot
      .locator('[role="option"]')
      .evaluateAll((options) =>
        options
          .filter((option) => option.querySelector(".frontier-point-collapsed"))
          .map((option) => `${option.getAttribute("data-experiment")}:${option.getAttribute("data-alpha")}`),
      );
    expect(crossed.sort()).toEqual(expected.sort());
    const labels = await plot
      .locator('[role="option"]')
      .evaluateAll(
        (options) =>
          options.filter((option) => option.getAttribute("aria-label")?.includes(", collapsed")).length,
      );
    expect(labels).toBe(expected.length);
    const note = page().getByTestId("collapsed-note");
    expect(await note.textContent()).toContain("α = −1, 2");
    expect(await page().getByTestId("compare-legend").textContent()).toContain("collapsed");
    await page().getByTestId("include-collapsed").check();
    await page().waitForURL(/collapsed=include/);
    // At the demo's collapsed α = 2 its score column says so; at α = 1 no column does.
    expect(await page().getByTestId("compare-scores").getByTestId("score-collapsed").count()).toBe(0);
    await page().goto(`${baseUrl()}/compare?experiments=${COMPARED.join(",")}&difficulty=hard&alpha=2`);
    await hydrated(page());
    expect(
      await page()
        .getByTestId(`compare-column-${DEMO_EXPERIMENT_SLUG}`)
        .getByTestId("score-collapsed")
        .textContent(),
    ).toBe("collapsed");
  });

  it("makes every experiment's points one tab stop after the slider; the arrows go through them", async () => {
    await page().goto(`${baseUrl()}/compare?experiments=${COMPARED.join(",")}&alpha=1`);
    await hydrated(page());
    const [demo, sweep] = (await comparison()).experiments.map((e) => e.experiment.name);
    const focus = () =>
      page().evaluate(() => ({
        point: Boolean(document.activeElement?.closest('[data-testid="compare-plot"] [role="listbox"]')),
        label: document.activeElement?.getAttribute("aria-label") ?? "",
      }));
    await page().getByTestId("alpha-slider").focus();
    let stop = await focus();
    for (let presses = 0; !stop.point; presses++) {
      expect(presses).toBeLessThan(20);
      await page().keyboard.press("Tab");
      stop = await focus();
    }
    // The tab stop is the first experiment's point at the shared α; one more Tab leaves the plot.
    expect(stop.label.startsWith(`${demo}, α = 1,`)).toBe(true);
    await page().keyboard.press("Tab");
    expect((await focus()).point).toBe(false);
    await page().keyboard.press("Shift+Tab");
    // End is the last experiment's last α; the arrows step back through its α.
    await page().keyboard.press("End");
    expect((await focus()).label.startsWith(`${sweep}, α = 2,`)).toBe(true);
    await page().keyboard.press("ArrowLeft");
    expect((await focus()).label.startsWith(`${sweep}, α = 1,`)).toBe(true);
    await page().keyboard.press("ArrowLeft");
    await page().keyboard.press("Enter");
    await page().waitForURL(/alpha=0&/);
    expect(await sliderValue()).toBe(0);
    // The demo's α = −1 lies outside the shared range: choosing it changes nothing.
    await page().keyboard.press("Home");
    expect((await focus()).label.startsWith(`${demo}, α = −1,`)).toBe(true);
    await page().keyboard.press("Enter");
    expect(await sliderValue()).toBe(0);
  });

  it("saves the overlaid frontiers as SVG, footnoted with every experiment's data version", async () => {
    await page().goto(`${baseUrl()}/compare?experiments=${COMPARED.join(",")}&difficulty=all`);
    await hydrated(page());
    const [file] = await Promise.all([
      page().waitForEvent("download"),
      page().getByTestId("export-svg-compare").first().click(),
    ]);
    const text = readFileSync(await file.path(), "utf8");
    expect(file.suggestedFilename()).toMatch(/-compare-all\.svg$/);
    expect(text).toContain(
      `Comparison: ${getMetric("correctness").label} against ${getMetric("efficiency").label}`,
    );
    for (const { experiment, version } of (await comparison()).experiments)
      expect(text).toContain(`${experiment.slug} ${version}`);
  });

  it("saves the side-by-side scores as CSV: unrounded, the numbers the table shows", async () => {
    await page().goto(`${baseUrl()}/compare?experiments=${COMPARED.join(",")}&difficulty=all&alpha=1.75`);
    await hydrated(page());
    const [file] = await Promise.all([
      page().waitForEvent("download"),
      page().getByTestId("export-csv-compare-scores").click(),
    ]);
    expect(file.suggestedFilename()).toBe(`${COMPARED.join("-vs-")}-compare-scores-all.csv`);
    const [header, ...lines] = readFileSync(await file.path(), "utf8")
      .trim()
      .split("\r\n");
    expect(header).toBe(
      "metric,label,experiment,name,alpha,status,value,lower,upper," +
        "delta_vs_A,delta_vs_A_lower,delta_vs_A_upper,delta_vs_B,delta_vs_B_lower,delta_vs_B_upper",
    );
    const rows = lines.map(csvCells);
    const metrics = await page().locator('[data-testid="compare-scores"] tbody tr').count();
    expect(rows).toHaveLength(metrics * COMPARED.length);
    for (const [metricId, , slug, , alpha, status, value, lower, upper, ...deltas] of rows) {
      expect(alpha).toBe("1.75");
      const metric = getMetric(metricId as Parameters<typeof getMetric>[0]);
      const shown = await page().getByTestId(`compare-score-${slug}-${metricId}`).textContent();
      if (status === "none") expect(shown).toBe("—");
      else
        expect(shown).toBe(
          metric.format(Number(value)) +
            (lower === "" ? "" : `${metric.format(Number(lower))} – ${metric.format(Number(upper))}`),
        );
      // Each change against A and B is shown with the interval the CSV carries.
      for (const [side, [change, low, high]] of [
        ["a", deltas.slice(0, 3)],
        ["b", deltas.slice(3, 6)],
      ] as const) {
        const cell = page().getByTestId(`compare-delta-${side}-${slug}-${metricId}`);
        if (change === "") expect(await cell.count()).toBe(0);
        else
          expect(await cell.textContent()).toBe(
            formatDelta(metric, Number(change)) +
              (low === ""
                ? ""
                : `${formatDelta(metric, Number(low))} – ${formatDelta(metric, Number(high))}`),
          );
      }
    }
    // The demo is evaluated at 1.75: its row carries the API's very numbers.
    const measured = (await comparison()).experiments[0].slices.all.points.find((p) => p.alpha === 1.75)
      ?.metrics.solveRate;
    const demoRow = rows.find(([metric, , slug]) => metric === "solveRate" && slug === DEMO_EXPERIMENT_SLUG);
    expect(demoRow?.slice(5, 9)).toEqual([
      "measured",
      String(measured?.value),
      String(measured?.lower),
      String(measured?.upper),
    ]);
    expect(rows.find(([metric, , slug]) => metric === "solveRate" && slug === SLUG)?.[5]).toBe("estimated");
  });

  it("explains a link that names one experiment, and answers 404 for an unknown one", async () => {
    await page().goto(`${baseUrl()}/compare?experiments=${DEMO_EXPERIMENT_SLUG}`);
    expect(await page().getByTestId("compare-invalid").textContent()).toContain("at least 2");
    const response = await page().goto(
      `${baseUrl()}/compare?experiments=${DEMO_EXPERIMENT_SLUG},no-such-one`,
    );
    expect(response?.status()).toBe(404);
  });
});
