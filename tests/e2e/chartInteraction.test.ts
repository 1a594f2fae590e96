import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FrontierData } from "../../lib/contracts/types";
import { DEMO_EXPERIMENT_SLUG } from "../../lib/demo/experiment";
import { type BrowserSession, baseUrl, openBrowser } from "./browser";

let session: BrowserSession;
let frontier: FrontierData;
const page = () => session.page;
const search = () => new URL(page().url()).searchParams;

/** What has keyboard focus: the α slider, a point of the frontier plot (and its α), or something else. */
interface Focused {
  slider: boolean;
  point: boolean;
  alpha: number | null;
  label: string | null;
}

function focused(target: Page): Promise<Focused> {
  return target.evaluate(() => {
    const element = document.activeElement;
    const alpha = element?.getAttribute("data-alpha");
    return {
      slider: element?.getAttribute("data-testid") === "alpha-slider",
      point: Boolean(element?.closest('[role="listbox"]')),
      alpha: alpha === null || alpha === undefined ? null : Number(alpha),
      label: element?.getAttribute("aria-label") ?? null,
    };
  });
}

/** Presses Tab until `done` holds for the focused element; returns every stop on the way, the last included. */
async function tabUntil(target: Page, done: (stop: Focused) => boolean, limit = 60): Promise<Focused[]> {
  const stops: Focused[] = [];
  for (let i = 0; i < limit; i++) {
    await target.keyboard.press("Tab");
    const stop = await focused(target);
    stops.push(stop);
    if (done(stop)) return stops;
  }
  throw new Error(`not reached within ${limit} Tab presses`);
}

async function openExplorer(query: string): Promise<void> {
  await page().goto(`${baseUrl()}/experiments/${DEMO_EXPERIMENT_SLUG}?${query}`);
  await page().locator('.explorer[data-hydrated="true"]').waitFor();
}

/** The on-screen box of the plotting area (the pan surface spans exactly it). */
async function plotBox() {
  const box = await page().locator(".frontier-chart .frontier-pan-surface").boundingBox();
  if (!box) throw new Error("no plotting area");
  return box;
}

beforeAll(async () => {
  session = await openBrowser({ width: 1440, height: 900 });
  const response = await fetch(`${baseUrl()}/api/experiments/${DEMO_EXPERIMENT_SLUG}/frontier`);
  frontier = (await response.json()) as FrontierData;
});

afterAll(async () => {
  await session?.close();
});

describe("the frontier plot from the keyboard", () => {
  it("reaches the α slider before any point, and the whole point set is one tab stop", async () => {
    await openExplorer("alpha=0.5");
    const toSlider = await tabUntil(page(), (stop) => stop.slider);
    // Every stop before the slider is a control of the page (links, the difficulty radios, the
    // buttons of the toolbar: 14 today), none a point of the plot; it used to be the 27th.
    expect(toSlider.filter((stop) => stop.point)).toEqual([]);
    expect(toSlider.length).toBeLessThanOrEqual(20);

    const toPoints = await tabUntil(page(), (stop) => stop.point);
    // Tab lands on the selected α's point, and one more Tab leaves the set.
    expect(toPoints[toPoints.length - 1].alpha).toBe(0.5);
    await page().keyboard.press("Tab");
    expect((await focused(page())).point).toBe(false);
    await page().keyboard.press("Shift+Tab");
    expect((await focused(page())).alpha).toBe(0.5);
  });

  it("moves between points with the arrow keys (α unchanged) and selects one with Enter", async () => {
    await openExplorer("alpha=0.5");
    const alphas = frontier.slices.all.points.map((p) => p.alpha);
    const at = alphas.indexOf(0.5);
    await page().locator('.frontier-point[data-alpha="0.5"]').focus();
    await page().keyboard.press("ArrowRight");
    const next = await focused(page());
    expect(next.alpha).toBe(alphas[at + 1]);
    expect(next.label).toMatch(new RegExp(`^α = ${alphas[at + 1]}, .*: Correctness .*, Efficiency `));
    await page().keyboard.press("ArrowLeft");
    await page().keyboard.press("ArrowLeft");
    expect((await focused(page())).alpha).toBe(alphas[at - 1]);
    // The arrows move focus only: α changes when a point is chosen.
    expect(search().get("alpha")).toBe("0.5");
    await page().keyboard.press("End");
    expect((await focused(page())).alpha).toBe(alphas[alphas.length - 1]);
    await page().keyboard.press("Home");
    expect((await focused(page())).alpha).toBe(alphas[0]);
    await page().keyboard.press("ArrowRight");
    await page().keyboard.press("Enter");
    await page().waitForURL(new RegExp(`alpha=${alphas[1]}(&|$)`));
    expect(await page().getByRole("slider").getAttribute("aria-valuenow")).toBe(String(alphas[1]));
    await page().keyboard.press("End");
    await page().keyboard.press(" ");
    await page().waitForURL(new RegExp(`alpha=${alphas[alphas.length - 1]}(&|$)`));
  });
});

describe("panning and clipping the frontier plot", () => {
  it("pans from a drag that starts on a point without selecting it or any text; a click still selects", async () => {
    await openExplorer("alpha=0");
    const point = page().locator('.frontier-point[data-alpha="0.5"]');
    const box = await point.boundingBox();
    if (!box) throw new Error("the point is drawn");
    const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
    await page().mouse.move(x, y);
    await page().mouse.down();
    for (let i = 1; i <= 8; i++) await page().mouse.move(x - i * 10, y + i * 6);
    await page().mouse.up();
    await expect.poll(() => search().get("zoom")).not.toBeNull();
    expect(search().get("alpha")).toBe("0");
    expect(await page().evaluate(() => window.getSelection()?.toString() ?? "")).toBe("");

    // The point moved with the content, 80 px left and 48 px down; a click on it selects its α.
    const moved = await point.boundingBox();
    if (!moved) throw new Error("the point is still in view");
    // (Within 2 px: a link stores the window rounded.)
    expect(Math.abs(moved.x - (box.x - 80))).toBeLessThan(2);
    expect(Math.abs(moved.y - (box.y + 48))).toBeLessThan(2);
    await point.click();
    await page().waitForURL(/alpha=0\.5(&|$)/);
  });

  it("pans from a drag that starts on the α path", async () => {
    await openExplorer("alpha=0");
    await page().locator(".frontier-chart").scrollIntoViewIfNeeded();
    // A spot on the interpolation path itself, between two points.
    const start = await page()
      .locator(".frontier-chart .alpha-path--interpolation")
      .evaluate((node) => {
        const path = node as SVGPathElement;
        const svg = path.ownerSVGElement;
        const toSvg = path.getCTM();
        if (!svg || !toSvg) throw new Error("not drawn");
        // The plot is drawn 1:1: SVG units are CSS pixels from the SVG's top left corner.
        const local = path.getPointAtLength(path.getTotalLength() * 0.4).matrixTransform(toSvg);
        const box = svg.getBoundingClientRect();
        const [x, y] = [box.left + local.x, box.top + local.y];
        return { x, y, hit: document.elementFromPoint(x, y)?.getAttribute("class") ?? "" };
      });
    expect(start.hit).toContain("alpha-path");
    await page().mouse.move(start.x, start.y);
    await page().mouse.down();
    for (let i = 1; i <= 6; i++) await page().mouse.move(start.x + i * 12, start.y);
    await page().mouse.up();
    await expect.poll(() => search().get("zoom")).not.toBeNull();
    expect(search().get("alpha")).toBe("0");
    expect(await page().evaluate(() => window.getSelection()?.toString() ?? "")).toBe("");
  });

  it("keeps points, the marker and the endpoint labels inside the plotting area when zoomed", async () => {
    await openExplorer("alpha=1");
    for (let i = 0; i < 3; i++) await page().getByRole("button", { name: "Zoom in" }).click();
    await expect.poll(() => search().get("zoom")).not.toBeNull();
    const area = await plotBox();
    const inside = (b: { x: number; y: number; width: number; height: number }, slack: number) =>
      b.x >= area.x - slack &&
      b.y >= area.y - slack &&
      b.x + b.width <= area.x + area.width + slack &&
      b.y + b.height <= area.y + area.height + slack;
    const drawn = await page().locator(".frontier-point").count();
    expect(drawn).toBeGreaterThan(0);
    expect(drawn).toBeLessThan(frontier.slices.all.points.length);
    for (const p of await page().locator(".frontier-point-dot").all()) {
      const b = await p.boundingBox();
      // A point's centre is inside; the dot around it may reach 7 px past the edge.
      if (b) expect(inside(b, 7)).toBe(true);
    }
    for (const label of await page().locator(".frontier-endpoint-label").all()) {
      const b = await label.boundingBox();
      if (b) expect(inside(b, 1)).toBe(true);
    }
    // The lines are clipped to exactly the plotting area (the clip path shares its origin).
    const clip = page().locator(".frontier-chart clipPath rect");
    expect(Number(await clip.getAttribute("width"))).toBeCloseTo(area.width, 0);
    expect(Number(await clip.getAttribute("height"))).toBeCloseTo(area.height, 0);
    expect(await clip.getAttribute("x")).toBeNull();
    expect(
      await page()
        .locator(".frontier-chart .alpha-path")
        .first()
        .evaluate((path) => path.closest("[clip-path]") !== null),
    ).toBe(true);
  });
});
