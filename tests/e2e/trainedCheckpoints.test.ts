import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FrontierData } from "../../lib/contracts/types";
import { DEMO_EXPERIMENT_SLUG } from "../../lib/demo/experiment";
import { type BrowserSession, baseUrl, openBrowser, seriousViolations } from "./browser";

let session: BrowserSession;
let frontier: FrontierData;

beforeAll(async () => {
  session = await openBrowser();
  const response = await fetch(`${baseUrl()}/api/experiments/${DEMO_EXPERIMENT_SLUG}/frontier`);
  frontier = (await response.json()) as FrontierData;
});

afterAll(async () => {
  await session?.close();
});

describe("trained checkpoints on the explorer", () => {
  it("draws the demo's two trained checkpoints as labelled marks apart from the α points and the slider", async () => {
    const trained = frontier.slices.hard.trained ?? [];
    expect(trained.map((point) => point.label)).toEqual(["Coverage 25%", "Coverage 50%"]);
    const page = session.page;
    await page.goto(`${baseUrl()}/experiments/${DEMO_EXPERIMENT_SLUG}?difficulty=hard&alpha=0.5`);
    await page.locator('.explorer[data-hydrated="true"]').waitFor();

    for (const point of trained) {
      const mark = page.locator(`.trained-point[data-trained="${point.label}"]`);
      expect(await mark.locator(".trained-point-label").textContent()).toBe(point.label);
      const label = await mark.getAttribute("aria-label");
      expect(label).toContain(`Trained checkpoint ${point.label} (coverage ${point.coverage})`);
      expect(label).toContain(`${(point.metrics.correctness.value * 100).toFixed(1)}%`);
    }
    // α points and the slider's stops are the α checkpoints only.
    expect(await page.locator(".frontier-point").count()).toBe(frontier.slices.hard.points.length);
    expect(await page.locator(".chart-container .trained-step").count()).toBeLessThanOrEqual(1);
    expect(await page.locator(".chart-legend").first().textContent()).toContain(
      "trained checkpoint (not on the α path)",
    );
    // The score panel lists them as reference rows.
    const rows = page.getByTestId("trained-scores").locator("tbody tr");
    expect(await rows.count()).toBe(2);
    expect(await rows.first().locator("th").textContent()).toBe("Coverage 25%");
    expect(await seriousViolations(page)).toEqual([]);
  });
});
