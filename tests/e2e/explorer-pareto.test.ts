import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FrontierData, FrontierPoint } from "../../lib/contracts/types";
import { DEMO_EXPERIMENT_SLUG } from "../../lib/demo/experiment";
import { type BrowserSession, baseUrl, openBrowser } from "./browser";

let session: BrowserSession;
let frontier: FrontierData;

/**
 * The non-dominated α by definition (both default axes: higher is better), checked pair by pair,
 * among the points that compete: collapsed checkpoints only when included.
 */
function paretoAlphas(all: FrontierPoint[], includeCollapsed = false): number[] {
  const points = all.filter((p) => includeCollapsed || !p.collapsed);
  const at = (p: FrontierPoint) => [p.metrics.correctness.value, p.metrics.efficiency.value];
  return points
    .filter((p) =>
      points.every((q) => {
        const [px, py] = at(p);
        const [qx, qy] = at(q);
        return !(qx >= px && qy >= py && (qx > px || qy > py));
      }),
    )
    .map((p) => p.alpha)
    .sort((a, b) => a - b);
}

beforeAll(async () => {
  session = await openBrowser();
  const response = await fetch(`${baseUrl()}/api/experiments/${DEMO_EXPERIMENT_SLUG}/frontier`);
  frontier = (await response.json()) as FrontierData;
});

afterAll(async () => {
  await session?.close();
});

describe("finding the Pareto-optimal α", () => {
  it("highlights exactly the non-dominated checkpoints of the hard slice, and a click selects one", async () => {
    const page = session.page;
    await page.goto(`${baseUrl()}/experiments/${DEMO_EXPERIMENT_SLUG}?difficulty=hard&alpha=0`);
    await page.locator('.explorer[data-hydrated="true"]').waitFor();
    const expected = paretoAlphas(frontier.slices.hard.points);
    const dominated = frontier.slices.hard.points.length - expected.length;
    expect(expected.length).toBeGreaterThan(1);
    expect(dominated).toBeGreaterThan(0);

    const shown = await page
      .locator(".frontier-point--pareto")
      .evaluateAll((nodes) => nodes.map((node) => Number(node.getAttribute("data-alpha"))));
    expect(shown.sort((a, b) => a - b)).toEqual(expected);
    expect(await page.locator(".frontier-point--dominated").count()).toBe(dominated);

    const target = expected.find((alpha) => alpha !== 0) ?? expected[0];
    const point = page.locator(`.frontier-point--pareto[data-alpha="${target}"]`);
    expect(await point.getAttribute("aria-label")).toContain("Pareto-optimal");
    await point.click();
    await page.waitForURL(new RegExp(`alpha=${target}(&|$)`));
    expect(await page.getByTestId("score-status").textContent()).toBe("measured");
  });

  it("marks α = −1 and 2 collapsed on the hard slice, out of the set until the toggle lets them compete", async () => {
    const page = session.page;
    await page.goto(`${baseUrl()}/experiments/${DEMO_EXPERIMENT_SLUG}?difficulty=hard&alpha=-1`);
    await page.locator('.explorer[data-hydrated="true"]').waitFor();
    const collapsed = await page
      .locator(".frontier-point--collapsed")
      .evaluateAll((nodes) => nodes.map((node) => Number(node.getAttribute("data-alpha"))));
    expect(collapsed.sort((a, b) => a - b)).toEqual([-1, 2]);
    expect(await page.locator(".frontier-point--collapsed.frontier-point--pareto").count()).toBe(0);
    expect(await page.getByTestId("collapsed-note").textContent()).toContain("α = −1, 2");
    expect(await page.getByTestId("score-collapsed").textContent()).toBe("collapsed");
    expect(await page.getByTestId("composition-collapsed").count()).toBe(2);

    await page.getByTestId("include-collapsed").check();
    await page.waitForURL(/collapsed=include/);
    const shown = await page
      .locator(".frontier-point--pareto")
      .evaluateAll((nodes) => nodes.map((node) => Number(node.getAttribute("data-alpha"))));
    const included = paretoAlphas(frontier.slices.hard.points, true);
    expect(included).toContain(-1);
    expect(shown.sort((a, b) => a - b)).toEqual(included);
  });
});
