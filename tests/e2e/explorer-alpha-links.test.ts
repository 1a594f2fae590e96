import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FrontierData } from "../../lib/contracts/types";
import { DEMO_EXPERIMENT_SLUG } from "../../lib/demo/experiment";
import { getMetric } from "../../lib/science/metricRegistry";
import { type BrowserSession, baseUrl, openBrowser } from "./browser";

/**
 * A link to the explorer with α of each kind on hard problems (the views of the README's screenshots,
 * which `npm run screenshots` takes) opens at that α, with the API's numbers for the hard slice.
 */
const LINKS = [
  { alpha: -0.75, valueText: "α = −0.75, extrapolation beyond A" },
  { alpha: 0.5, valueText: "α = 0.5, interpolation between A and B" },
  { alpha: 1.5, valueText: "α = 1.5, extrapolation beyond B" },
];

let session: BrowserSession;
let frontier: FrontierData;

beforeAll(async () => {
  session = await openBrowser({ width: 1280, height: 900 });
  const response = await fetch(`${baseUrl()}/api/experiments/${DEMO_EXPERIMENT_SLUG}/frontier`);
  expect(response.status).toBe(200);
  frontier = (await response.json()) as FrontierData;
});

afterAll(async () => {
  await session?.close();
});

describe("explorer links with α on hard problems", () => {
  it.each(LINKS)("opens α = $alpha", async ({ alpha, valueText }) => {
    const { page } = session;
    await page.goto(`${baseUrl()}/experiments/${DEMO_EXPERIMENT_SLUG}?alpha=${alpha}&difficulty=hard`);
    await page.locator('.explorer[data-hydrated="true"]').waitFor();
    const slider = page.getByRole("slider");
    expect(await slider.getAttribute("aria-valuenow")).toBe(String(alpha));
    expect(await slider.getAttribute("aria-valuetext")).toBe(valueText);
    expect(await page.getByTestId("difficulty-filter").getByLabel(/Hard/).isChecked()).toBe(true);
    const point = frontier.slices.hard.points.find((p) => p.alpha === alpha);
    if (!point) throw new Error(`α = ${alpha} is not evaluated in the demo sweep`);
    expect(await page.getByTestId("score-solveRate").textContent()).toBe(
      getMetric("solveRate").format(point.metrics.solveRate.value),
    );
  });
});
