import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Download, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { THEME_STORAGE_KEY } from "../../components/browser/theme";
import { schemeColors } from "../../lib/charts/palette";
import type { ProblemChangesPage } from "../../lib/contracts/problemTypes";
import type { SnapshotCreated } from "../../lib/contracts/sharing";
import { DEMO_EXPERIMENT_SLUG } from "../../lib/demo/experiment";
import { axeViolations, type BrowserSession, baseUrl, openBrowser } from "./browser";

/** A second experiment for the comparison page (the fixture sweep: α 0, 1, 2). */
const SLUG = "e2e-theme-sweep";
const SWEEP = ["sweep.yaml", "alpha0.jsonl", "alpha1.jsonl", "alpha2.jsonl"].map((name) => ({
  name,
  content: readFileSync(
    fileURLToPath(new URL(`../fixtures/importer/sweep/${name}`, import.meta.url)),
    "utf8",
  ),
}));

/** The page's background in each scheme, as the browser computes it. */
const BACKGROUND = {
  light: rgbText(schemeColors("light").bg),
  dark: rgbText(schemeColors("dark").bg),
};

function rgbText(hex: string): string {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgb(${n >> 16}, ${(n >> 8) & 255}, ${n & 255})`;
}

interface Visit {
  name: string;
  path: string;
  /** What shows that the page has rendered its content (not its loading state). */
  ready: string;
}

let session: BrowserSession;
let pages: Visit[];
const page = () => session.page;

async function post<T>(path: string, body: unknown): Promise<T> {
  const response = await fetch(`${baseUrl()}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(201);
  return (await response.json()) as T;
}

async function open(target: Page, visit: Visit): Promise<void> {
  await target.goto(`${baseUrl()}${visit.path}`);
  await target.locator(visit.ready).first().waitFor({ timeout: 60_000 });
}

/** Every axe violation of the WCAG 2.1 A/AA rules, any impact, with each element's failure summary. */
async function violations(target: Page): Promise<string[]> {
  return (await axeViolations(target)).map(
    (v) =>
      `${v.id} (${v.impact}): ${v.nodes.map((n) => `${n.target.join(" ")} ${n.failureSummary ?? ""}`).join(" | ")}`,
  );
}

const pageBackground = (target: Page) =>
  target.evaluate(() => getComputedStyle(document.body).backgroundColor);
const switchValue = (target: Page) => target.getByTestId("theme-switch").inputValue();

/** Chooses a theme with the header's switch, once the header has hydrated. */
async function choose(target: Page, choice: "system" | "light" | "dark"): Promise<void> {
  await target.locator('[data-testid="theme-switch"][data-ready="true"]').waitFor();
  await target.getByTestId("theme-switch").selectOption(choice);
}

beforeAll(async () => {
  const imported = await fetch(`${baseUrl()}/api/imports`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ experiment: SLUG, files: SWEEP }),
  });
  expect(imported.status).toBe(201);
  const snapshot = await post<SnapshotCreated>("/api/snapshots", {
    experiment: DEMO_EXPERIMENT_SLUG,
    page: "explorer",
    view: "alpha=1.5",
  });
  const problemsResponse = await fetch(
    `${baseUrl()}/api/experiments/${DEMO_EXPERIMENT_SLUG}/problems?from=0&to=1&limit=1`,
  );
  const problem = ((await problemsResponse.json()) as ProblemChangesPage).problems[0];
  const demo = `/experiments/${DEMO_EXPERIMENT_SLUG}`;
  pages = [
    { name: "home", path: "/", ready: '[data-testid="experiment-table"]' },
    { name: "explorer", path: `${demo}?alpha=1.5`, ready: '.explorer[data-hydrated="true"]' },
    { name: "scaling", path: `${demo}/scaling`, ready: '[data-testid="pass-at-k-chart"]' },
    {
      name: "problems",
      path: `${demo}/problems`,
      ready: '[data-testid="problems-view"][data-hydrated="true"]',
    },
    {
      name: "one problem",
      path: `${demo}/problems/${encodeURIComponent(problem.id)}`,
      ready: '[data-testid="problem-verdicts"]',
    },
    {
      name: "compare",
      path: `/compare?experiments=${DEMO_EXPERIMENT_SLUG},${SLUG}`,
      ready: '[data-hydrated="true"]',
    },
    { name: "import", path: "/import", ready: "form" },
    { name: "glossary", path: "/glossary", ready: '[data-testid="glossary-entry"]' },
    { name: "API", path: "/api", ready: '[data-testid="api-operation"]' },
    { name: "snapshot", path: `/s/${snapshot.id}`, ready: '.explorer[data-hydrated="true"]' },
    { name: "not found", path: "/no-such-page", ready: "a.button" },
  ];
  session = await openBrowser();
});

afterAll(async () => {
  await session?.close();
});

describe("every page in both colour schemes", () => {
  // Each page is loaded once and checked in both schemes: the system's preference changes live.
  it("has no axe violation on any page, with the system in light and in dark mode", {
    timeout: 240_000,
  }, async () => {
    const found: string[] = [];
    for (const visit of pages) {
      await page().emulateMedia({ colorScheme: "light" });
      await open(page(), visit);
      for (const scheme of ["light", "dark"] as const) {
        await page().emulateMedia({ colorScheme: scheme });
        expect(await pageBackground(page()), `${visit.name} (${scheme})`).toBe(BACKGROUND[scheme]);
        found.push(...(await violations(page())).map((v) => `${visit.name} (${scheme}): ${v}`));
      }
    }
    expect(found).toEqual([]);
  });

  it("has no axe violation with the switch overriding the system, either way", {
    timeout: 120_000,
  }, async () => {
    const [home, explorer] = [pages[0], pages[1]];
    const found: string[] = [];
    for (const [system, chosen] of [
      ["light", "dark"],
      ["dark", "light"],
    ] as const) {
      await page().emulateMedia({ colorScheme: system });
      await open(page(), home);
      await choose(page(), chosen);
      for (const visit of [home, explorer]) {
        await open(page(), visit);
        expect(await pageBackground(page())).toBe(BACKGROUND[chosen]);
        found.push(
          ...(await violations(page())).map((v) => `${visit.name} (${chosen} over ${system}): ${v}`),
        );
      }
      await choose(page(), "system");
    }
    expect(found).toEqual([]);
  });
});

describe("the theme switch", () => {
  it("keeps its choice across reloads, paints it from the first frame and overrides the system", async () => {
    const fresh = await openBrowser();
    try {
      const target = fresh.page;
      // Records the scheme <html> carries when the body's first element is parsed: before any paint.
      await fresh.context.addInitScript(() => {
        new MutationObserver((_, observer) => {
          if (!document.body?.firstElementChild) return;
          (window as unknown as { firstTheme?: string }).firstTheme =
            document.documentElement.dataset.theme ?? "";
          observer.disconnect();
        }).observe(document, { childList: true, subtree: true });
      });
      const firstTheme = () =>
        target.evaluate(() => (window as unknown as { firstTheme?: string }).firstTheme);
      await target.emulateMedia({ colorScheme: "light" });
      await open(target, pages[0]);
      expect(await switchValue(target)).toBe("system");
      expect(await pageBackground(target)).toBe(BACKGROUND.light);

      await choose(target, "dark");
      expect(await pageBackground(target)).toBe(BACKGROUND.dark);
      expect(await target.evaluate((key) => localStorage.getItem(key), THEME_STORAGE_KEY)).toBe("dark");

      await target.reload();
      await target.getByTestId("experiment-table").waitFor();
      expect(await firstTheme()).toBe("dark");
      expect(await pageBackground(target)).toBe(BACKGROUND.dark);
      await expect.poll(() => switchValue(target)).toBe("dark");

      // Another page, and the system turning dark then light again: the choice stays.
      await open(target, pages[1]);
      expect(await firstTheme()).toBe("dark");
      await target.emulateMedia({ colorScheme: "dark" });
      await choose(target, "light");
      expect(await pageBackground(target)).toBe(BACKGROUND.light);
      await target.reload();
      await target.locator(pages[1].ready).waitFor();
      expect(await firstTheme()).toBe("light");
      expect(await pageBackground(target)).toBe(BACKGROUND.light);
      await expect.poll(() => switchValue(target)).toBe("light");

      // Back to the system: nothing stored, and the page follows the system's changes.
      await choose(target, "system");
      expect(await target.evaluate((key) => localStorage.getItem(key), THEME_STORAGE_KEY)).toBeNull();
      expect(await pageBackground(target)).toBe(BACKGROUND.dark);
      await target.emulateMedia({ colorScheme: "light" });
      expect(await pageBackground(target)).toBe(BACKGROUND.light);
      await target.reload();
      await target.locator(pages[1].ready).waitFor();
      expect(await firstTheme()).toBe("");
    } finally {
      await fresh.close();
    }
  });

  it("saves a chart in light colours while the page is dark", async () => {
    await page().emulateMedia({ colorScheme: "dark" });
    await open(page(), pages[1]);
    expect(await pageBackground(page())).toBe(BACKGROUND.dark);
    const [file] = await Promise.all([
      page().waitForEvent("download") as Promise<Download>,
      page().getByTestId("export-svg-frontier").first().click(),
    ]);
    const text = readFileSync(await file.path(), "utf8");
    const light = schemeColors("light");
    expect(text).toContain(`<rect width="100%" height="100%" fill="${light.surface}"/>`);
    // The Pareto staircase and the axis labels in their light colours, none in the dark ones.
    expect(text).toContain(`stroke:${rgbText(light["chart-frontier"])}`);
    expect(text).toContain(`fill:${rgbText(light["text-muted"])}`);
    expect(text).not.toContain(rgbText(schemeColors("dark")["chart-frontier"]));
    expect(text).not.toContain(rgbText(schemeColors("dark")["text-muted"]));
    // The page on screen stays dark.
    expect(await pageBackground(page())).toBe(BACKGROUND.dark);
  });
});
