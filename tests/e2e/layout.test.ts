import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ProblemChangesPage } from "../../lib/contracts/problemTypes";
import type { SnapshotCreated } from "../../lib/contracts/sharing";
import type { FrontierData } from "../../lib/contracts/types";
import { DEMO_EXPERIMENT_SLUG } from "../../lib/demo/experiment";
import { type BrowserSession, baseUrl, openBrowser } from "./browser";
import { type LayoutSpec, layoutFindings, plotFitFindings } from "./layoutProbe";

// Every page at a phone's width and four desk widths: nothing scrolls the page sideways, no two
// controls of a toolbar or header overlap, no table header runs into the next column, the known
// trouble spots of issue 14 stay apart, and the plots follow their container as the window resizes.
// One browser: each page is opened once at the narrowest width and then resized through the others.

const WIDTHS = [390, 768, 1280, 1440, 1920];
const HEIGHT = 900;
/** A sweep of its own to compare the demo with (α 0, 1, 2 on another benchmark). */
const SWEEP_SLUG = "e2e-layout-sweep";
const SWEEP = ["sweep.yaml", "alpha0.jsonl", "alpha1.jsonl", "alpha2.jsonl"].map((name) => ({
  name,
  content: readFileSync(
    fileURLToPath(new URL(`../fixtures/importer/sweep/${name}`, import.meta.url)),
    "utf8",
  ),
}));
/** Hang guard for a page checked at five widths (a loaded machine takes its time). */
const PAGE_WAIT = { timeout: 180_000 };

/** The trouble spots the issue names, checked wherever they are on the page. */
const SPEC: LayoutSpec = {
  apart: [
    // The rotated y-axis title against the hint and buttons above the plot.
    { a: ".frontier-plot .chart-axis--y .chart-axis-title", b: ".frontier-plot .chart-toolbar > *" },
  ],
  inside: [
    // The axis pickers and their log checkboxes stay on the plot card.
    { selector: ".explorer-plot .panel-head *", within: ".panel" },
    { selector: "[data-testid=member-chip]", within: "section" },
  ],
  groups: ["[data-testid=member-chip]", ".alpha-tick-label"],
};

/** Plots drawn at their container's width. */
const PLOTS = ".chart-container > svg.chart, [data-testid=pass-at-k-chart]";

const DEMO = `/experiments/${DEMO_EXPERIMENT_SLUG}`;
const EXPLORER_READY = '.explorer[data-hydrated="true"]';

/** What the pages need that the test makes first: a problem's id and a pinned snapshot. */
interface Fixtures {
  problemId: string;
  snapshotId: string;
}

interface CheckedPage {
  name: string;
  path: (fixtures: Fixtures) => string;
  /** Shown once the page has its data. */
  ready: string;
  /** An element whose handlers show that React has hydrated the page, where `ready` does not. */
  hydrated?: string;
}

const PAGES: CheckedPage[] = [
  {
    name: "home",
    path: () => "/",
    ready: "[data-testid=compare-bar]",
    hydrated: "[data-testid=compare-select]",
  },
  { name: "explorer", path: () => `${DEMO}?alpha=0.6&difficulty=hard`, ready: EXPLORER_READY },
  { name: "explorer presenting", path: () => `${DEMO}?alpha=1.5&present=1`, ready: EXPLORER_READY },
  {
    name: "scaling",
    path: () => `${DEMO}/scaling?members=-0.75%2C0%2C1.5`,
    ready: "[data-testid=ensemble-results]",
    hydrated: "[data-testid=member-chip]",
  },
  {
    name: "scaling presenting",
    path: () => `${DEMO}/scaling?present=1`,
    ready: "[data-testid=pass-at-k-chart]",
    hydrated: "[data-testid=member-chip]",
  },
  {
    name: "problems",
    path: () => `${DEMO}/problems?from=0&to=1.5&difficulty=hard`,
    ready: '[data-testid=problems-view][data-hydrated="true"]',
  },
  {
    name: "one problem",
    path: ({ problemId }) => `${DEMO}/problems/${encodeURIComponent(problemId)}`,
    ready: "[data-testid=problem-verdicts]",
  },
  {
    name: "compare",
    path: () => `/compare?experiments=${DEMO_EXPERIMENT_SLUG},${SWEEP_SLUG}&alpha=0.5`,
    ready: '[data-hydrated="true"] [data-testid=compare-scores]',
  },
  { name: "import", path: () => "/import", ready: "form", hydrated: "form" },
  { name: "glossary", path: () => "/glossary", ready: ".glossary-entry" },
  { name: "API", path: () => "/api", ready: ".api-operation" },
  { name: "snapshot", path: ({ snapshotId }) => `/s/${snapshotId}`, ready: EXPLORER_READY },
];

let session: BrowserSession;
let fixtures: Fixtures;

async function api<T>(path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${baseUrl()}${path}`, {
    method: body === undefined ? "GET" : "POST",
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  expect(response.ok, `${path}: ${response.status}`).toBe(true);
  return (await response.json()) as T;
}

/** Waits until React has attached its handlers to the element (the page is interactive). */
async function hydrated(page: Page, selector: string): Promise<void> {
  await page.waitForFunction(
    (target) =>
      Object.keys(document.querySelector(target) ?? {}).some((key) => key.startsWith("__reactProps")),
    selector,
  );
}

/** Findings at the current width, polled until the layout settles after a resize (a hang guard). */
async function expectCleanLayout(page: Page, width: number): Promise<void> {
  await expect
    .poll(() => page.evaluate(plotFitFindings, PLOTS), { timeout: 20_000, message: `plots at ${width} px` })
    .toEqual([]);
  await expect
    .poll(() => page.evaluate(layoutFindings, SPEC), { timeout: 20_000, message: `layout at ${width} px` })
    .toEqual([]);
}

beforeAll(async () => {
  await api("/api/imports", { experiment: SWEEP_SLUG, files: SWEEP });
  // The demo's intervals change the score table's contents: check the page as a reader sees it.
  for (let attempt = 0; ; attempt++) {
    const frontier = await api<FrontierData>(`/api/experiments/${DEMO_EXPERIMENT_SLUG}/frontier`);
    if (frontier.status === "ready") break;
    if (attempt > 1200) throw new Error("The demo's intervals were not computed within 4 minutes.");
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const changes = await api<ProblemChangesPage>(
    `/api/experiments/${DEMO_EXPERIMENT_SLUG}/problems?from=0&to=1.5&difficulty=hard`,
  );
  const snapshot = await api<SnapshotCreated>("/api/snapshots", {
    experiment: DEMO_EXPERIMENT_SLUG,
    page: "explorer",
    view: "alpha=1.25&difficulty=hard",
  });
  fixtures = { problemId: changes.problems[0].id, snapshotId: snapshot.id };
  session = await openBrowser({ width: WIDTHS[0], height: HEIGHT });
}, 300_000);

afterAll(async () => {
  await session?.close();
});

describe("layout at 390, 768, 1280, 1440 and 1920 px", () => {
  it.each(PAGES)("$name: no sideways scroll, no overlaps, plots fit", PAGE_WAIT, async (target) => {
    const { page } = session;
    await page.setViewportSize({ width: WIDTHS[0], height: HEIGHT });
    await page.goto(`${baseUrl()}${target.path(fixtures)}`);
    await page.locator(target.ready).first().waitFor();
    if (target.hydrated) await hydrated(page, target.hydrated);
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: HEIGHT });
      await expectCleanLayout(page, width);
    }
  });
});

describe("the frontier's tooltip at 390 px", () => {
  it(
    "stays on the screen for every point: the page never scrolls sideways while it shows",
    PAGE_WAIT,
    async () => {
      const { page } = session;
      await page.setViewportSize({ width: WIDTHS[0], height: HEIGHT });
      await page.goto(`${baseUrl()}${DEMO}?alpha=0.6&difficulty=hard`);
      await page.locator(EXPLORER_READY).waitFor();
      const points = page.locator(".frontier-plot .frontier-point");
      const count = await points.count();
      expect(count).toBeGreaterThan(10);
      const sides = new Set<string>();
      for (let index = 0; index < count; index++) {
        await points.nth(index).hover();
        const tooltip = page.getByTestId("frontier-tooltip");
        const box = await tooltip.boundingBox();
        expect(box, `tooltip of point ${index}`).not.toBeNull();
        if (!box) continue;
        expect(box.x, `tooltip of point ${index}`).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width, `tooltip of point ${index}`).toBeLessThanOrEqual(WIDTHS[0]);
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        expect(overflow, `sideways scroll with the tooltip of point ${index}`).toBeLessThanOrEqual(0);
        sides.add((await tooltip.getAttribute("class")) ?? "");
      }
      // The mid-plot points of a phone-wide plot have room on neither side: those go below.
      expect([...sides].some((name) => name.includes("chart-tooltip--below"))).toBe(true);
    },
  );
});
