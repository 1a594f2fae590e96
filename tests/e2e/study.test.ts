import { readFileSync } from "node:fs";
import axe from "axe-core";
import type { Download, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ComparisonData } from "../../lib/contracts/compareTypes";
import type { StudyDetail } from "../../lib/contracts/studies";
import { DEMO_STUDY } from "../../lib/demo/experiment";
import { type BrowserSession, baseUrl, openBrowser } from "./browser";

let session: BrowserSession;
let study: StudyDetail;
const page = () => session.page;
const studyUrl = () => `${baseUrl()}/studies/${DEMO_STUDY.slug}`;

async function openStudy(target: Page, query = ""): Promise<void> {
  await target.goto(`${studyUrl()}${query}`);
  await target.locator('[data-hydrated="true"]').waitFor();
}

/** Where each panel's α marker is drawn (its transform), panel by panel. */
async function markerPositions(target: Page): Promise<(string | null)[]> {
  const panels = target.locator("[data-study-panel]");
  const positions: (string | null)[] = [];
  for (let i = 0; i < (await panels.count()); i++)
    positions.push(await panels.nth(i).getByTestId("compare-marker").getAttribute("transform"));
  return positions;
}

beforeAll(async () => {
  session = await openBrowser();
  study = (await (await fetch(`${baseUrl()}/api/studies/${DEMO_STUDY.slug}`)).json()) as StudyDetail;
});

afterAll(async () => {
  await session?.close();
});

describe("a study's grid", () => {
  it("is listed on the home page above the experiments and opens from there", async () => {
    await page().goto(baseUrl());
    const list = page().getByTestId("study-list");
    expect(await list.textContent()).toContain(`${DEMO_STUDY.name} 6 experiments`);
    await list.getByRole("link", { name: DEMO_STUDY.name }).click();
    await page().waitForURL(/\/studies\/demo-settings-by-scale/);
    await page().locator('[data-hydrated="true"]').waitFor();
  });

  it("draws one panel per experiment: settings across, model scales down", async () => {
    expect(study.columns).toEqual(["pure-reasoning", "tool-use", "agentic"]);
    expect(study.rows).toEqual(["7B", "32B"]);
    const panels = page().locator("[data-study-panel]");
    expect(await panels.count()).toBe(6);
    for (let i = 0; i < 6; i++)
      expect(await panels.nth(i).getAttribute("data-study-panel")).toBe(study.experiments[i].slug);
    const grid = page().getByTestId("study-grid");
    expect(await grid.locator("h2").allTextContents()).toEqual([
      "Pure reasoning",
      "Tool use",
      "Agentic coding",
      "7B",
      "32B",
    ]);
  });

  it("moves every panel's marker with the one shared slider, and keeps the α in the URL", async () => {
    const before = await markerPositions(page());
    expect(before).toHaveLength(6);
    await page().getByTestId("alpha-slider").focus();
    await page().keyboard.press("End");
    await page().waitForURL(/alpha=2/);
    const after = await markerPositions(page());
    for (let i = 0; i < 6; i++) {
      expect(after[i]).not.toBeNull();
      expect(after[i]).not.toBe(before[i]);
    }
  });

  it("reopens the same view from its URL", async () => {
    await page().getByLabel("x axis").selectOption("solveRate");
    await page().waitForURL(/x=solveRate/);
    const url = page().url();
    expect(new URL(url).searchParams.has("experiments")).toBe(false);
    const expected = await markerPositions(page());
    const other = await session.context.newPage();
    await openStudy(other, new URL(url).search);
    expect(Number(await other.getByTestId("alpha-slider").getAttribute("aria-valuenow"))).toBe(2);
    expect(await other.getByLabel("x axis").inputValue()).toBe("solveRate");
    expect(await markerPositions(other)).toEqual(expected);
    await other.close();
  });

  it("saves the whole grid as one figure (SVG and PNG), labelled and footnoted with every data version", async () => {
    await openStudy(page(), "?difficulty=hard&alpha=1");
    const [file] = await Promise.all([
      page().waitForEvent("download") as Promise<Download>,
      page().getByTestId("export-svg-study-grid").click(),
    ]);
    expect(file.suggestedFilename()).toBe(`${DEMO_STUDY.slug}-study-grid-hard.svg`);
    const text = readFileSync(await file.path()).toString("utf8");
    expect(text.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    // One standalone chart per experiment, the labels of the grid, and every experiment's version.
    expect(text.match(/<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/g)).toHaveLength(1 + 6);
    for (const label of ["Pure reasoning", "Tool use", "Agentic coding", "7B", "32B"])
      expect(text).toContain(`>${label}</text>`);
    const frontiers = (await (
      await fetch(`${baseUrl()}/api/studies/${DEMO_STUDY.slug}/frontiers`)
    ).json()) as ComparisonData;
    for (const experiment of frontiers.experiments)
      expect(text).toContain(`${experiment.experiment.slug} ${experiment.version}`);
    const width = Number(text.match(/^<svg[^>]* width="(\d+)"/)?.[1]);
    const height = Number(text.match(/^<svg[^>]* height="(\d+)"/)?.[1]);
    const [png] = await Promise.all([
      page().waitForEvent("download") as Promise<Download>,
      page().getByTestId("export-png-study-grid").click(),
    ]);
    const bytes = readFileSync(await png.path());
    expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual([2 * width, 2 * height]);
  });

  it("has no serious accessibility violation, and no sideways scroll at 390 px", async () => {
    await openStudy(page(), "?difficulty=hard");
    await page().addScriptTag({ content: axe.source });
    const results = await page().evaluate(() =>
      (window as unknown as { axe: typeof axe }).axe.run(document, {
        runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
      }),
    );
    expect(
      results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
    ).toEqual([]);
    await page().setViewportSize({ width: 390, height: 844 });
    const overflow = await page().evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBe(0);
    await page().setViewportSize({ width: 1280, height: 900 });
  });
});
