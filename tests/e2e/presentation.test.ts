import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_EXPERIMENT_SLUG } from "../../lib/demo/experiment";
import { type BrowserSession, baseUrl, openBrowser } from "./browser";

let session: BrowserSession;
const page = () => session.page;
const errors: string[] = [];

const EXPLORER = `/experiments/${DEMO_EXPERIMENT_SLUG}`;
const SCALING = `/experiments/${DEMO_EXPERIMENT_SLUG}/scaling`;
const SCREENS = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
];

/** Opens the explorer and waits until React has hydrated it (the keys then reach the page). */
async function openExplorer(query: string) {
  await page().goto(`${baseUrl()}${EXPLORER}?${query}`);
  await page().locator('.explorer[data-hydrated="true"]').waitFor();
}

/** Opens the scaling page and waits until its chart and headline results are drawn and hydrated. */
async function openScaling(query: string) {
  await page().goto(`${baseUrl()}${SCALING}?${query}`);
  await page().getByTestId("pass-at-k-chart").waitFor();
  await page().getByTestId("ensemble-results").waitFor();
  await page().waitForFunction(() =>
    Object.keys(document.querySelector('[data-testid="copy-link"]') ?? {}).some((key) =>
      key.startsWith("__reactProps"),
    ),
  );
}

/** Whether an element's whole box is on the first screen (no scrolling needed). */
async function onScreen(locator: Locator): Promise<boolean> {
  const box = await locator.boundingBox();
  const viewport = page().viewportSize();
  if (!box || !viewport) return false;
  return (
    box.x >= 0 && box.y >= 0 && box.x + box.width <= viewport.width && box.y + box.height <= viewport.height
  );
}

/** The smallest computed font size among a chart's tick and axis labels, in px. */
function smallestAxisFont(target: Page, chart: string): Promise<number> {
  return target.evaluate((selector) => {
    const texts = [...document.querySelectorAll(`${selector} text`)];
    return Math.min(...texts.map((text) => Number.parseFloat(getComputedStyle(text).fontSize)));
  }, chart);
}

const search = () => new URL(page().url()).searchParams;

beforeAll(async () => {
  session = await openBrowser();
  page().on("pageerror", (error) => errors.push(error.message));
  page().on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
});

afterAll(async () => {
  await session.close();
});

describe("presentation mode lays one screen out for a projector", () => {
  for (const screen of SCREENS) {
    it(`explorer at ${screen.width}×${screen.height}: plot, α slider and headline numbers on screen, labels ≥ 16 px`, async () => {
      await page().setViewportSize(screen);
      await openExplorer("alpha=1.5&difficulty=hard&present=1");
      const plot = page().locator("svg.frontier-chart");
      // The plot takes the height the layout leaves it once it has measured its box.
      await expect.poll(() => onScreen(plot)).toBe(true);
      expect((await plot.boundingBox())?.height).toBeGreaterThan(screen.height * 0.5);
      expect(await onScreen(page().getByRole("slider", { name: /α/ }))).toBe(true);
      for (const metric of ["solveRate", "correctness", "efficiency"])
        expect(await onScreen(page().getByTestId(`score-${metric}`))).toBe(true);
      expect(await page().evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(
        screen.height,
      );
      expect(await smallestAxisFont(page(), "svg.frontier-chart .chart-axis")).toBeGreaterThanOrEqual(16);
      expect(await page().locator(".app-header").isVisible()).toBe(false);
    });

    it(`scaling page at ${screen.width}×${screen.height}: pass@k chart, controls and headline on screen, labels ≥ 16 px`, async () => {
      await page().setViewportSize(screen);
      await openScaling("present=1");
      const chart = page().getByTestId("pass-at-k-chart");
      await expect.poll(() => onScreen(chart)).toBe(true);
      for (const id of ["ensemble-pass", "best-single-pass", "ensemble-gain", "difficulty-select"])
        expect(await onScreen(page().getByTestId(id))).toBe(true);
      expect(await onScreen(page().getByTestId("member-chip").first())).toBe(true);
      expect(await smallestAxisFont(page(), '[data-testid="pass-at-k-chart"]')).toBeGreaterThanOrEqual(16);
    });
  }
});

describe("keyboard shortcuts", () => {
  it("f enters presentation mode and Esc leaves it, in the URL; the button does the same", async () => {
    await page().setViewportSize({ width: 1280, height: 720 });
    await openExplorer("alpha=1&difficulty=hard");
    await page().keyboard.press("f");
    await page().waitForURL(/present=1/);
    await page().locator(".explorer.presentation").waitFor();
    await page().keyboard.press("Escape");
    await expect.poll(() => search().has("present")).toBe(false);
    expect(await page().locator(".explorer.presentation").count()).toBe(0);
    expect(search().get("alpha")).toBe("1");

    await page().getByTestId("presentation-button").click();
    await page().waitForURL(/present=1/);
    await page().getByTestId("presentation-button").click();
    await expect.poll(() => search().has("present")).toBe(false);
  });

  it("? opens a dialog listing every shortcut, keeps focus inside it, and Esc closes only the dialog", async () => {
    await openExplorer("alpha=1&present=1");
    await page().keyboard.press("?");
    const dialog = page().getByRole("dialog", { name: "Keyboard shortcuts" });
    await dialog.waitFor();
    const keys = await dialog.locator("kbd").allTextContents();
    expect(keys.sort()).toEqual(["?", "Esc", "[", "]", "c", "d", "f"].sort());
    await dialog.getByText("Step α to the next evaluated α").waitFor();
    for (let i = 0; i < 4; i++) {
      await page().keyboard.press("Tab");
      expect(await page().evaluate(() => Boolean(document.activeElement?.closest("dialog[open]")))).toBe(
        true,
      );
    }
    // Keys pressed in the dialog are the dialog's: d does not change the page behind it.
    const before = page().url();
    await page().keyboard.press("d");
    expect(await page().getByRole("radio", { name: /^All/ }).isChecked()).toBe(true);
    expect(page().url()).toBe(before);
    await page().keyboard.press("Escape");
    await dialog.waitFor({ state: "hidden" });
    expect(search().get("present")).toBe("1");
  });

  it("[ and ] step α over the evaluated α, d cycles the difficulty, each in the URL", async () => {
    await openExplorer("alpha=0.5&difficulty=all");
    await page().keyboard.press("]");
    await page().waitForURL(/alpha=0\.75(&|$)/);
    await page().keyboard.press("[");
    await page().keyboard.press("[");
    await page().waitForURL(/alpha=0\.25(&|$)/);
    expect(await page().getByTestId("score-alpha").textContent()).toBe("α = 0.25");
    await page().keyboard.press("d");
    await expect.poll(() => search().get("difficulty")).toBe("easy");
    await page().keyboard.press("d");
    await expect.poll(() => search().get("difficulty")).toBe("medium");
  });

  it("d cycles the difficulty on the scaling page too", async () => {
    await openScaling("difficulty=hard");
    await page().keyboard.press("d");
    await expect.poll(() => search().get("difficulty")).toBe("all");
  });

  it("keys typed into a field and keys with Ctrl are not shortcuts", async () => {
    await openExplorer("alpha=0.5&difficulty=all");
    const alphaField = page().getByTestId("alpha-input");
    await alphaField.focus();
    await page().keyboard.press("d");
    await page().keyboard.press("]");
    await page().evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page().keyboard.press("Control+d");
    expect(search().get("difficulty")).toBe("all");
    expect(search().get("alpha")).toBe("0.5");
  });

  it("c copies the link of the current view, as the Copy link button does", async () => {
    await openExplorer("alpha=1.5&difficulty=hard");
    await page().keyboard.press("c");
    expect(await page().getByTestId("copy-link-status").textContent()).toBe("Link copied");
    const copied = await page().evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(
      `${baseUrl()}${EXPLORER}?alpha=1.5&x=correctness&y=efficiency&xlog=0&ylog=0&difficulty=hard&ci=1`,
    );
  });
});

/**
 * The number of pages headless Chromium prints the current page on, as the print dialog would (CSS
 * @page size). Print media must be emulated (or not emulated at all): under emulated screen media
 * Playwright prints the screen layout.
 */
async function printedPages(): Promise<number> {
  const pdf = await page().pdf({ preferCSSPageSize: true, printBackground: true });
  return (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? []).length;
}

describe("printing a view", () => {
  it("explorer: the chart and the scores without navigation or controls, on one landscape page", async () => {
    await page().setViewportSize({ width: 1280, height: 720 });
    await openExplorer("alpha=1.5&difficulty=hard");
    await page().emulateMedia({ media: "print" });
    try {
      expect(await page().locator(".app-header").isVisible()).toBe(false);
      expect(await page().getByTestId("copy-link").isVisible()).toBe(false);
      expect(await page().getByRole("slider", { name: /α/ }).isVisible()).toBe(false);
      expect(await page().locator("svg.frontier-chart").isVisible()).toBe(true);
      expect(await page().getByTestId("score-correctness").isVisible()).toBe(true);
      expect(await page().getByTestId("score-meanPassRuntimeMs").isVisible()).toBe(true);
      expect(await printedPages()).toBe(1);
    } finally {
      await page().emulateMedia({ media: null });
    }
  });

  it("scaling page: the pass@k chart and the ensemble result without controls, on one landscape page", async () => {
    await openScaling("difficulty=hard");
    await page().emulateMedia({ media: "print" });
    try {
      expect(await page().getByTestId("difficulty-select").isVisible()).toBe(false);
      expect(await page().getByTestId("member-chip").first().isVisible()).toBe(false);
      expect(await page().getByTestId("pass-at-k-chart").isVisible()).toBe(true);
      expect(await page().getByTestId("ensemble-gain").isVisible()).toBe(true);
      expect(await printedPages()).toBe(1);
    } finally {
      await page().emulateMedia({ media: null });
    }
  });
});

describe("the page", () => {
  it("logged no errors along the way", () => {
    expect(errors).toEqual([]);
  });
});
