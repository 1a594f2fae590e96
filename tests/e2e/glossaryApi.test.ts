import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_EXPERIMENT_SLUG } from "../../lib/demo/experiment";
import { getMetric, METRICS, metricAnchor } from "../../lib/science/metricRegistry";
import { openApiDocument } from "../../lib/server/openapi/document";
import { type BrowserSession, baseUrl, openBrowser } from "./browser";

let session: BrowserSession;
const page = () => session.page;

async function openExplorer(target: Page): Promise<void> {
  await target.goto(`${baseUrl()}/experiments/${DEMO_EXPERIMENT_SLUG}`);
  await target.locator('.explorer[data-hydrated="true"]').waitFor();
}

/**
 * Every label on the page that is cut: an element whose text is wider than its box, one whose
 * ellipsis is active, a select narrower than its chosen option's text, or an SVG axis title that
 * leaves its SVG. Returns a description of each.
 */
function truncatedLabels(target: Page): Promise<string[]> {
  return target.evaluate(() => {
    const problems: string[] = [];
    const describe = (element: Element) =>
      `${element.tagName.toLowerCase()}.${element.className} "${element.textContent?.slice(0, 40)}"`;
    const labels = document.querySelectorAll(
      ".metric-name, .score-table th, .data-table th, .multiples-panel h3, .control-label, .axis-picker label, .panel h2, .glossary-entry h3, .api-operation-title",
    );
    for (const element of labels) {
      if (!(element instanceof HTMLElement) || element.offsetParent === null) continue;
      if (element.scrollWidth > element.clientWidth + 1) problems.push(`overflows: ${describe(element)}`);
      const style = getComputedStyle(element);
      if (style.textOverflow === "ellipsis" && style.overflow !== "visible")
        problems.push(`ellipsis: ${describe(element)}`);
    }
    const canvas = document.createElement("canvas").getContext("2d") as CanvasRenderingContext2D;
    for (const select of document.querySelectorAll("select")) {
      const style = getComputedStyle(select);
      canvas.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      const text = select.selectedOptions[0]?.textContent ?? "";
      const room =
        select.clientWidth - Number.parseFloat(style.paddingLeft) - Number.parseFloat(style.paddingRight);
      // The drop-down arrow takes about 16 px of the padded box.
      if (canvas.measureText(text).width > room - 16) problems.push(`select cut: "${text}"`);
    }
    for (const title of document.querySelectorAll("svg.chart text.axis-title, svg.chart .chart-axes text")) {
      const svg = title.closest("svg") as SVGSVGElement;
      const box = title.getBoundingClientRect();
      const frame = svg.getBoundingClientRect();
      if (box.width > 0 && (box.left < frame.left - 1 || box.right > frame.right + 1))
        problems.push(`axis text leaves its chart: "${title.textContent}"`);
    }
    return problems;
  });
}

beforeAll(async () => {
  session = await openBrowser();
});

afterAll(async () => {
  await session.close();
});

describe("the glossary", () => {
  it("lists every metric of the registry with its definition, formula and direction, at its anchor", async () => {
    await page().goto(`${baseUrl()}/glossary`);
    const entries = page().getByTestId("glossary-entry");
    expect(await entries.count()).toBe(METRICS.length);
    for (const metric of METRICS) {
      const entry = page().locator(`#${metricAnchor(metric.id)}`);
      expect(await entry.locator("h3").textContent()).toBe(metric.label);
      const text = await entry.textContent();
      expect(text).toContain(metric.glossary.measures);
      expect(text).toContain(metric.glossary.formula);
      expect(text).toContain(metric.direction === "higher" ? "Higher is better" : "Lower is better");
    }
    expect(await page().locator("#intervals").count()).toBe(1);
  });

  it("is linked from the explorer's charts and tables, and the links land on the metric", async () => {
    await openExplorer(page());
    const help = page().getByTestId("metric-name-solveRate").first().locator("a");
    expect(await help.getAttribute("href")).toBe("/glossary#solve-rate");
    expect(await page().locator('a.glossary-link[href^="/glossary#"]').count()).toBeGreaterThanOrEqual(2);
    await help.click();
    await page().waitForURL(/\/glossary#solve-rate$/);
    expect(await page().locator("#solve-rate:target h3").textContent()).toBe("Solve rate");
  });
});

describe("metric definitions on hover and focus", () => {
  it("shows a metric's definition when its ? is reached with Tab, and names it as the link's description", async () => {
    await openExplorer(page());
    await page().getByTestId("x-metric").focus();
    await page().keyboard.press("Tab");
    const focused = await page().evaluate(() => {
      const active = document.activeElement as HTMLElement;
      const tip = document.getElementById(active.getAttribute("aria-describedby") ?? "");
      return {
        href: active.getAttribute("href"),
        tip: tip?.textContent ?? null,
        visible: tip
          ? getComputedStyle(tip).display !== "none" && tip.getBoundingClientRect().width > 0
          : false,
      };
    });
    const correctness = getMetric("correctness");
    expect(focused.href).toBe("/glossary#correctness");
    expect(focused.tip).toContain(correctness.glossary.measures);
    expect(focused.visible).toBe(true);
    // The score panel's names carry the same: every "?" is a link, so Tab reaches each of them.
    const helps = page().getByTestId("score-panel").locator(".metric-help-link");
    expect(await helps.count()).toBeGreaterThanOrEqual(3);
    await helps.last().focus();
    const tip = page().getByTestId("score-panel").locator(".metric-tip").last();
    expect(await tip.isVisible()).toBe(true);
    // Opened leftwards at the page's right edge: the whole definition stays on screen.
    const box = await tip.boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= (page().viewportSize()?.width ?? 0)).toBe(true);
  });

  it("hides the definition again when focus leaves", async () => {
    await page().getByTestId("ci-toggle").focus();
    expect(await page().locator(".metric-tip:visible").count()).toBe(0);
  });
});

describe("labels at desktop widths", () => {
  it.each([1280, 1440, 1920])(
    "cuts no label at %i px (explorer with its tables open, glossary, API)",
    async (width) => {
      await page().setViewportSize({ width, height: 900 });
      await openExplorer(page());
      for (const details of await page().locator("details.chart-data").all())
        await details.locator("summary").click();
      // The longest names on both axes.
      await page().getByTestId("x-metric").selectOption("compileErrorShare");
      await page().getByTestId("y-metric").selectOption("meanPassRuntimeMs");
      expect(await truncatedLabels(page())).toEqual([]);
      await page().goto(`${baseUrl()}/glossary`);
      expect(await truncatedLabels(page())).toEqual([]);
      await page().goto(`${baseUrl()}/api`);
      expect(await truncatedLabels(page())).toEqual([]);
    },
  );
});

describe("the API page", () => {
  it("serves the OpenAPI 3.1 document and renders every operation and schema", async () => {
    const response = await fetch(`${baseUrl()}/api/openapi.json`);
    expect(response.status).toBe(200);
    const served = (await response.json()) as ReturnType<typeof openApiDocument>;
    expect(served.openapi).toBe("3.1.0");
    expect(served).toEqual(JSON.parse(JSON.stringify(openApiDocument())));

    await page().goto(`${baseUrl()}/api`);
    const operations = Object.entries(served.paths ?? {}).flatMap(([path, item]) =>
      Object.keys(item ?? {}).map((method) => `${method.toUpperCase()} ${path}`),
    );
    const rendered = await page().getByTestId("api-operation").locator("h3").allTextContents();
    expect(rendered.map((text) => text.replace(/\s+/g, " ").trim()).sort()).toEqual(operations.sort());
    expect(await page().getByTestId("api-schema").count()).toBe(
      Object.keys(served.components?.schemas ?? {}).length,
    );
    const frontier = page().locator("#op-getFrontier");
    expect(await frontier.textContent()).toContain("if-none-match");
    await page().locator('#op-getFrontier a[href="#schema-FrontierData"]').click();
    await page().waitForURL(/#schema-FrontierData$/);
    // Server-rendered: it reads without JavaScript of its own beyond the app shell.
    expect(await page().locator("script[src*='swagger'], script[src*='redoc']").count()).toBe(0);
  });
});
