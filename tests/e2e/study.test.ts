import { readFileSync } from "node:fs";
import type { Download, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ClaimsResponse } from "../../lib/contracts/claimSchemas";
import type { ComparisonData } from "../../lib/contracts/compareTypes";
import type { StudyDetail } from "../../lib/contracts/studies";
import { DEMO_STUDY } from "../../lib/demo/experiment";
import { axeViolations, type BrowserSession, baseUrl, openBrowser, violationText } from "./browser";

let session: BrowserSession;
/** Hang guard of the tests that wait for the statistics worker's claims (a loaded machine takes its time). */
const WORKER_WAIT = { timeout: 240_000 };
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

/** Each panel's claim badges as a reader reads them (name and verdict), panel by panel. */
async function badgeTexts(target: Page): Promise<string[][]> {
  const panels = target.locator("[data-study-panel]");
  const texts: string[][] = [];
  for (let i = 0; i < (await panels.count()); i++) {
    const badges = panels.nth(i).getByTestId("claim-badges");
    await badges.waitFor();
    texts.push(await badges.locator("a").allTextContents());
  }
  return texts;
}

/** Waits until the worker stored every experiment's claims (the badges and a snapshot need them). */
async function claimsReady(query: string): Promise<ClaimsResponse[]> {
  for (let attempt = 0; attempt < 2400; attempt++) {
    const responses = await Promise.all(
      study.experiments.map((experiment) =>
        fetch(`${baseUrl()}/api/experiments/${experiment.slug}/claims?${query}`),
      ),
    );
    if (responses.every((response) => response.status === 200))
      return Promise.all(responses.map((response) => response.json() as Promise<ClaimsResponse>));
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("the statistics worker did not store the claims");
}

/** No sideways scroll at this width. */
async function overflowAt(target: Page, width: number, height: number): Promise<number> {
  await target.setViewportSize({ width, height });
  return target.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

const anyViolations = async (target: Page) => (await axeViolations(target)).map(violationText);

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

  it(
    "has no serious accessibility violation, and no sideways scroll at 390 px or 1920 px",
    WORKER_WAIT,
    async () => {
      // The worker may still be computing six experiments' claims: the badges ask again for a minute
      // only, so the test waits for the claims before opening the grid.
      await claimsReady("difficulty=hard");
      await openStudy(page(), "?difficulty=hard");
      await badgeTexts(page());
      expect(await anyViolations(page())).toEqual([]);
      expect(await overflowAt(page(), 390, 844)).toBe(0);
      expect(await overflowAt(page(), 1920, 1080)).toBe(0);
      await page().setViewportSize({ width: 1280, height: 900 });
    },
  );

  it(
    "badges each panel with its experiment's claim verdicts on the grid's slice, linked to the cards",
    WORKER_WAIT,
    async () => {
      const hard = await claimsReady("difficulty=hard");
      const easy = await claimsReady("difficulty=easy");
      await openStudy(page(), "?difficulty=hard");
      const verdicts = (answers: ClaimsResponse[]) =>
        answers.map((answer) => answer.claims.map((claim) => `${claim.id} ${claim.verdict}`));
      const shown = async () => {
        const panels = page().locator("[data-study-panel]");
        const all: string[][] = [];
        for (let i = 0; i < 6; i++) {
          const badges = panels.nth(i).getByTestId("claim-badges").locator("a");
          await badges.first().waitFor();
          const one: string[] = [];
          for (let j = 0; j < (await badges.count()); j++)
            one.push(
              `${await badges.nth(j).getAttribute("data-claim")} ${await badges.nth(j).getAttribute("data-verdict")}`,
            );
          all.push(one);
        }
        return all;
      };
      expect(await shown()).toEqual(verdicts(hard));
      // The verdict is in the badge's words, not in its colour only; its numbers are in the tooltip.
      const first = page()
        .locator("[data-study-panel]")
        .first()
        .getByTestId("claim-badges")
        .locator("a")
        .first();
      const claim = hard[0].claims[0];
      expect((await first.textContent())?.toLowerCase()).toContain(claim.verdict);
      expect(await first.getAttribute("title")).toContain(claim.title);
      const href = (await first.getAttribute("href")) ?? "";
      expect(href).toBe(
        `/experiments/${study.experiments[0].slug}?difficulty=hard&x=correctness&y=efficiency#claim-card-${claim.id}`,
      );
      await page().locator('input[name="difficulty"][value="easy"]').check();
      await page().waitForURL(/difficulty=easy/);
      await expect.poll(async () => JSON.stringify(await shown())).toBe(JSON.stringify(verdicts(easy)));
      await first.click();
      await page().waitForURL(/\/experiments\/.*#claim-card-/);
      await page().locator(`#claim-card-${easy[0].claims[0].id}`).waitFor();
    },
  );

  it("presents the grid: every panel drawn, the slider and the badges, f and Esc", async () => {
    await openStudy(page(), "?difficulty=hard&alpha=1");
    await page().keyboard.press("f");
    await page().waitForURL(/present=1/);
    await page().locator(".study-grid.presentation").waitFor();
    const panels = page().locator("[data-study-panel]");
    for (let i = 0; i < 6; i++) {
      const box = await panels.nth(i).locator('svg[data-testid="compare-plot"]').boundingBox();
      expect(box?.height).toBeGreaterThan(100);
    }
    expect(await badgeTexts(page())).toHaveLength(6);
    expect(await page().getByTestId("alpha-slider").isVisible()).toBe(true);
    expect(await overflowAt(page(), 1920, 1080)).toBe(0);
    expect(await overflowAt(page(), 390, 844)).toBe(0);
    await page().setViewportSize({ width: 1280, height: 900 });
    await page().keyboard.press("Escape");
    await expect.poll(() => page().locator(".study-grid.presentation").count()).toBe(0);
    expect(page().url()).not.toContain("present=1");
  });

  it(
    "Share pins the whole grid: /s/<id> draws the same panels, markers and badges, read-only",
    WORKER_WAIT,
    async () => {
      await claimsReady("difficulty=hard");
      await openStudy(page(), "?difficulty=hard&alpha=1.5");
      const markers = await markerPositions(page());
      const badges = await badgeTexts(page());
      await page().getByTestId("share").click();
      const link = await page().getByTestId("share-url").inputValue();
      expect(link).toMatch(new RegExp(`^${baseUrl()}/s/[A-Za-z0-9_-]{8}$`));
      const fresh = await openBrowser();
      try {
        await fresh.page.goto(link);
        await fresh.page.locator('[data-hydrated="true"]').waitFor();
        expect(await fresh.page.getByTestId("snapshot-banner").textContent()).toContain(DEMO_STUDY.name);
        expect(await fresh.page.locator("[data-study-panel]").count()).toBe(6);
        expect(Number(await fresh.page.getByTestId("alpha-slider").getAttribute("aria-valuenow"))).toBe(1.5);
        expect(await fresh.page.locator('input[name="difficulty"][value="hard"]').isChecked()).toBe(true);
        expect(await markerPositions(fresh.page)).toEqual(markers);
        expect(await badgeTexts(fresh.page)).toEqual(badges);
        // A pinned grid is shared by its own link: no Share of its own; its badges link to the definitions.
        expect(await fresh.page.getByTestId("share").count()).toBe(0);
        const href = await fresh.page
          .getByTestId("claim-badges")
          .first()
          .locator("a")
          .first()
          .getAttribute("href");
        expect(href).toMatch(/^\/glossary#claim-/);
        // The reader may move α on it: every panel's marker moves, from the pinned data.
        await fresh.page.getByTestId("alpha-slider").focus();
        await fresh.page.keyboard.press("Home");
        await fresh.page.waitForURL(/alpha=-/);
        const moved = await markerPositions(fresh.page);
        for (let i = 0; i < 6; i++) expect(moved[i]).not.toBe(markers[i]);
        await fresh.page.goto(`${link}?present=1`);
        await fresh.page.locator(".study-grid.presentation").waitFor();
        expect(await badgeTexts(fresh.page)).toEqual(badges);
        await fresh.page.goto(link);
        await fresh.page.locator('[data-hydrated="true"]').waitFor();
        await badgeTexts(fresh.page);
        expect(await anyViolations(fresh.page)).toEqual([]);
        expect(await overflowAt(fresh.page, 390, 844)).toBe(0);
        expect(await overflowAt(fresh.page, 1920, 1080)).toBe(0);
      } finally {
        await fresh.close();
      }
    },
  );
});
