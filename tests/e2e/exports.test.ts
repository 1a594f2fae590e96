import { readFileSync } from "node:fs";
import type { Download } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import type { FrontierData } from "../../lib/contracts/types";
import { DEMO_EXPERIMENT_SLUG } from "../../lib/demo/experiment";
import { type BrowserSession, baseUrl, openBrowser } from "./browser";

let session: BrowserSession;
let frontier: FrontierData;
const page = () => session.page;
const explorerUrl = (query: string) => `${baseUrl()}/experiments/${DEMO_EXPERIMENT_SLUG}${query}`;

async function openExplorer(query: string) {
  await page().goto(explorerUrl(query));
  await page().locator('.explorer[data-hydrated="true"]').waitFor();
}

/** Clicks a control that saves a file and returns the file's bytes and suggested name. */
async function download(testId: string): Promise<{ bytes: Buffer; name: string }> {
  const [file] = await Promise.all([
    page().waitForEvent("download") as Promise<Download>,
    page().getByTestId(testId).first().click(),
  ]);
  const path = await file.path();
  return { bytes: readFileSync(path), name: file.suggestedFilename() };
}

function pngSize(png: Buffer): [number, number] {
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(png.subarray(12, 16).toString("ascii")).toBe("IHDR");
  return [png.readUInt32BE(16), png.readUInt32BE(20)];
}

beforeAll(async () => {
  session = await openBrowser();
  const response = await fetch(`${baseUrl()}/api/experiments/${DEMO_EXPERIMENT_SLUG}/frontier`);
  frontier = (await response.json()) as FrontierData;
});

afterAll(async () => {
  await session.close();
});

describe("chart and table exports", () => {
  it("save the frontier as SVG (title, footnote, inlined styles) and as PNG at twice its size", async () => {
    await openExplorer("?alpha=1.5&difficulty=hard");
    const svg = await download("export-svg-frontier");
    expect(svg.name).toBe(`${DEMO_EXPERIMENT_SLUG}-frontier-hard.svg`);
    const text = svg.bytes.toString("utf8");
    expect(text.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(text).toContain("Frontier: Correctness against Efficiency");
    expect(text).toContain(`${frontier.experiment.name} · data version ${frontier.version}`);
    // Colours come from the stylesheet on screen; in the file they are inline on each element.
    expect(text).toContain("stroke:rgb(15, 118, 110)");
    expect(text).not.toContain('class="frontier-step"');
    const width = Number(text.match(/^<svg[^>]* width="(\d+)"/)?.[1]);
    const height = Number(text.match(/^<svg[^>]* height="(\d+)"/)?.[1]);
    const onScreen = await page().locator(".frontier-chart").boundingBox();
    expect(width).toBe(Math.round(onScreen?.width ?? 0));

    const png = await download("export-png-frontier");
    expect(png.name).toBe(`${DEMO_EXPERIMENT_SLUG}-frontier-hard.png`);
    expect(pngSize(png.bytes)).toEqual([2 * width, 2 * height]);
  });

  it("save the score panel as CSV with the numbers of the API", async () => {
    await openExplorer("?alpha=1.5&difficulty=hard");
    const csv = await download("export-csv-scores");
    expect(csv.name).toBe(`${DEMO_EXPERIMENT_SLUG}-scores-hard.csv`);
    const lines = csv.bytes.toString("utf8").split("\r\n");
    // The demo holds trained checkpoints: they follow as reference rows, named in a last column.
    expect(lines[0]).toBe(
      "metric,label,alpha,status,value,lower,upper," +
        "delta_vs_A,delta_vs_A_lower,delta_vs_A_upper,delta_vs_B,delta_vs_B_lower,delta_vs_B_upper,trained",
    );
    const solve = lines.find((line) => line.startsWith("solveRate,"))?.split(",") ?? [];
    const measured = frontier.slices.hard.points.find((point) => point.alpha === 1.5)?.metrics.solveRate;
    // A CSV cell as the export writes it: empty for a missing number.
    const cell = (value: number | null | undefined) =>
      value === null || value === undefined ? "" : String(value);
    const cells = (estimate: typeof measured) =>
      [
        estimate?.value,
        estimate?.lower,
        estimate?.upper,
        estimate?.deltaA?.value,
        estimate?.deltaA?.lower,
        estimate?.deltaA?.upper,
        estimate?.deltaB?.value,
        estimate?.deltaB?.lower,
        estimate?.deltaB?.upper,
      ].map(cell);
    expect(solve.slice(2)).toEqual(["1.5", "measured", ...cells(measured), ""]);
    const trained = frontier.slices.hard.trained?.[0];
    const reference = lines
      .find((line) => line.startsWith("solveRate,") && line.endsWith(`,${trained?.label}`))
      ?.split(",");
    expect(reference?.slice(2)).toEqual([
      "",
      "trained",
      ...cells(trained?.metrics.solveRate),
      trained?.label,
    ]);
  });

  it("save a chart data table as CSV, and every chart of the scaling page as SVG", async () => {
    await openExplorer("?alpha=1.5&difficulty=hard");
    await page().locator(".chart-data summary").first().click();
    const table = await download("export-csv-frontier-data");
    const [header, ...rows] = table.bytes.toString("utf8").trim().split("\r\n");
    expect(header).toBe("α,Kind,Correctness,Efficiency,Pareto,Samples");
    expect(rows).toHaveLength(frontier.slices.hard.points.length);

    await page().goto(`${baseUrl()}/experiments/${DEMO_EXPERIMENT_SLUG}/scaling`);
    await page().getByTestId("pass-at-k-chart").waitFor();
    const chart = await download("export-svg-pass-at-k");
    expect(chart.bytes.toString("utf8")).toContain("pass@k against k (log axis)");
  });
});

describe("document title and link previews", () => {
  it("name the experiment, α and difficulty, quote the headline numbers and point at a PNG of the frontier", async () => {
    await openExplorer("?alpha=1.5&difficulty=hard");
    const name = frontier.experiment.name;
    expect(await page().title()).toBe(`${name} · α = 1.5 · alphascope`);
    const meta = (property: string) => page().locator(`meta[property="${property}"]`).getAttribute("content");
    expect(await meta("og:title")).toBe(`${name} · α = 1.5 (extrapolation beyond B) · hard problems`);
    const solve =
      frontier.slices.hard.points.find((point) => point.alpha === 1.5)?.metrics.solveRate.value ?? 0;
    expect(await meta("og:description")).toContain(
      `Measured on hard problems: solve rate ${(solve * 100).toFixed(1)}% [`,
    );
    const image = (await meta("og:image")) ?? "";
    expect(image).toMatch(
      new RegExp(
        `^${baseUrl()}/api/experiments/${DEMO_EXPERIMENT_SLUG}/preview\\.png\\?members=1\\.5&difficulty=hard`,
      ),
    );
    const png = Buffer.from(await (await fetch(image)).arrayBuffer());
    expect(pngSize(png)).toEqual([1200, 630]);

    // The tab follows α as it moves.
    await page().getByTestId("alpha-slider").focus();
    await page().keyboard.press("ArrowRight");
    await expect.poll(() => page().title()).toBe(`${name} · α = 1.75 · alphascope`);
  });

  it("preview the scaling page's ensemble", async () => {
    await page().goto(
      `${baseUrl()}/experiments/${DEMO_EXPERIMENT_SLUG}/scaling?members=0,1.5&difficulty=easy`,
    );
    await page().getByTestId("pass-at-k-chart").waitFor();
    expect(await page().title()).toBe(
      `Inference-time scaling · ${frontier.experiment.name} · α 0, 1.5 · alphascope`,
    );
    const title = await page().locator('meta[property="og:title"]').getAttribute("content");
    expect(title).toContain("ensemble of α = 0, 1.5 · easy problems");
    const image = await page().locator('meta[property="og:image"]').getAttribute("content");
    expect(image).toContain("/preview.png?members=0%2C1.5&difficulty=easy");
  });
});

describe("the view carried between explorer and scaling page", () => {
  it("keeps the difficulty both ways and offers the explorer's α as an ensemble member", async () => {
    await openExplorer("?alpha=1.5&difficulty=easy");
    await page().getByTestId("scaling-link").click();
    await page().waitForURL(/\/scaling\?/);
    expect(new URL(page().url()).searchParams.get("difficulty")).toBe("easy");
    expect(new URL(page().url()).searchParams.get("members")).toBe("0,1,1.5");
    await page().getByTestId("pass-at-k-chart").waitFor();
    expect(await page().getByTestId("difficulty-select").inputValue()).toBe("easy");
    for (const alpha of ["0", "1", "1.5"])
      expect(
        await page()
          .locator(`[data-testid="member-chip"][data-alpha="${alpha}"]`)
          .getAttribute("aria-pressed"),
      ).toBe("true");

    await page().getByTestId("difficulty-select").selectOption("medium");
    await page().waitForURL(/difficulty=medium/);
    await page().getByTestId("explorer-link").click();
    await page().waitForURL(/\/experiments\/[^/]+\?difficulty=medium$/);
    await page().locator('.explorer[data-hydrated="true"]').waitFor();
    expect(await page().locator('input[name="difficulty"]:checked').inputValue()).toBe("medium");
  });
});

describe("Make this model", () => {
  it("shows the mergekit recipe of the α on screen, the same as the API's, with the command", async () => {
    await openExplorer("?alpha=1.5&difficulty=all");
    await page().getByTestId("mergekit-panel").locator("summary").click();
    const shown = (await page().getByTestId("mergekit-yaml").textContent()) ?? "";
    const api = await (
      await fetch(`${baseUrl()}/api/experiments/${DEMO_EXPERIMENT_SLUG}/mergekit?alpha=1.5&difficulty=all`)
    ).text();
    expect(shown).toBe(api);
    const config = parse(shown);
    expect(
      config.models.map((entry: { model: string; parameters: { weight: number } }) => [
        entry.model,
        entry.parameters.weight,
      ]),
    ).toEqual([
      [frontier.experiment.endpoints.a.model, -0.5],
      [frontier.experiment.endpoints.b.model, 1.5],
    ]);
    expect(await page().getByTestId("mergekit-command").textContent()).toBe(
      "mergekit-yaml config.yml ./merged",
    );
    const file = await download("mergekit-download");
    expect(file.name).toBe("config.yml");
    expect(file.bytes.toString("utf8")).toBe(api);
  });
});
