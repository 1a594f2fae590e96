import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ClaimsResponse } from "../../lib/contracts/claimSchemas";
import type { ExperimentDetail, FrontierData } from "../../lib/contracts/types";
import { DEMO_EXPERIMENT_SLUG } from "../../lib/demo/experiment";
import { formatAlpha } from "../../lib/domain/alpha";
import type { DifficultySlice } from "../../lib/domain/difficulty";
import { getMetric } from "../../lib/science/metricRegistry";
import { claimAnchor, formatClaimValue } from "../../lib/views/claimText";
import { type BrowserSession, baseUrl, openBrowser, seriousViolations } from "./browser";

let session: BrowserSession;
let frontier: FrontierData;
let detail: ExperimentDetail;
const page = () => session.page;
const explorerUrl = () => `${baseUrl()}/experiments/${DEMO_EXPERIMENT_SLUG}`;
const solveRate = getMetric("solveRate");

async function getJson<T>(path: string): Promise<T> {
  const response = await fetch(`${baseUrl()}${path}`);
  expect(response.status).toBe(200);
  return (await response.json()) as T;
}

/** The API's value of a metric at an evaluated α, formatted the way the page shows it. */
function apiValue(
  slice: DifficultySlice,
  alpha: number,
  metricId: "solveRate" | "correctness" | "efficiency",
) {
  const point = frontier.slices[slice].points.find((p) => p.alpha === alpha);
  if (!point) throw new Error(`α = ${alpha} is not evaluated`);
  return getMetric(metricId).format(point.metrics[metricId].value);
}

async function sliderAlpha(target: Page): Promise<number> {
  return Number(await target.getByRole("slider").getAttribute("aria-valuenow"));
}

/** Opens the explorer and waits until React has hydrated it, so key presses reach the slider. */
async function openExplorer(target: Page, query = ""): Promise<void> {
  await target.goto(`${explorerUrl()}${query}`);
  await target.locator('.explorer[data-hydrated="true"]').waitFor();
}

beforeAll(async () => {
  session = await openBrowser();
  frontier = await getJson<FrontierData>(`/api/experiments/${DEMO_EXPERIMENT_SLUG}/frontier`);
  detail = await getJson<ExperimentDetail>(`/api/experiments/${DEMO_EXPERIMENT_SLUG}`);
});

afterAll(async () => {
  await session.close();
});

describe("frontier explorer", () => {
  it("lists the demo experiment on / and opens it", async () => {
    // Searched for: other tests add experiments, so the demo need not be on the first page.
    await page().goto(`${baseUrl()}/?q=${encodeURIComponent(DEMO_EXPERIMENT_SLUG)}`);
    const row = page().getByTestId("experiment-row").filter({ hasText: frontier.experiment.name });
    await expect.poll(() => row.textContent()).toContain("synthetic demo");
    expect(await row.textContent()).toContain("−1 … 2");
    await row.getByRole("link", { name: frontier.experiment.name }).click();
    await page().waitForURL(`**/experiments/${DEMO_EXPERIMENT_SLUG}`);
    await page().locator('.explorer[data-hydrated="true"]').waitFor();
    expect(await page().getByTestId("synthetic-banner").isVisible()).toBe(true);
    expect(await sliderAlpha(page())).toBe(0.5);
  });

  it("steps α with the keyboard, keeps it in the URL and shows the API's numbers", async () => {
    await openExplorer(page());
    const slider = page().getByRole("slider");
    await slider.focus();
    await page().keyboard.press("ArrowRight");
    await page().keyboard.press("ArrowRight");
    await page().waitForURL(/alpha=1(&|$)/);
    expect(await slider.getAttribute("aria-valuetext")).toBe("α = 1, endpoint B");
    expect(await page().getByTestId("score-solveRate").textContent()).toBe(apiValue("all", 1, "solveRate"));
    expect(await page().getByTestId("score-correctness").textContent()).toBe(
      apiValue("all", 1, "correctness"),
    );
    expect(await page().getByTestId("score-efficiency").textContent()).toBe(apiValue("all", 1, "efficiency"));
    // The detail endpoint (and so the CLI) agrees with the explorer for the same α.
    const checkpoint = detail.checkpoints.find((c) => c.alpha === 1);
    expect(solveRate.format(checkpoint?.solveRate ?? Number.NaN)).toBe(apiValue("all", 1, "solveRate"));
    expect(await page().getByTestId("score-status").textContent()).toBe("measured");

    await page().keyboard.press("End");
    await page().waitForURL(/alpha=2(&|$)/);
    expect(await slider.getAttribute("aria-valuetext")).toBe("α = 2, extrapolation beyond B");
    expect(await page().getByTestId("score-solveRate").textContent()).toBe(apiValue("all", 2, "solveRate"));

    // Back walks through the α history.
    await page().goBack();
    await page().waitForURL(/alpha=1(&|$)/);
    expect(await sliderAlpha(page())).toBe(1);
  });

  it("drags α continuously without network requests; Back returns to where the drag began", async () => {
    await openExplorer(page(), "?alpha=0");
    const requests: string[] = [];
    // Data requests only: the browser may fetch static chunks (e.g. a link prefetch) at any time.
    const onRequest = (request: { url(): string }) => {
      if (!new URL(request.url()).pathname.startsWith("/_next/static/")) requests.push(request.url());
    };
    page().on("request", onRequest);
    const track = await page().getByTestId("alpha-track").boundingBox();
    if (!track) throw new Error("no slider track");
    const y = track.y + track.height / 2;
    const marker = page().getByTestId("frontier-marker");
    const positions: (string | null)[] = [];
    await page().mouse.move(track.x + track.width * 0.4, y);
    await page().mouse.down();
    for (let i = 1; i <= 12; i++) {
      await page().mouse.move(track.x + track.width * (0.4 + i * 0.0125), y);
      positions.push(await marker.getAttribute("transform"));
    }
    await page().mouse.up();
    page().off("request", onRequest);
    expect(requests).toEqual([]);
    expect(new Set(positions).size).toBeGreaterThan(6);
    const released = await sliderAlpha(page());
    // The panels follow a drag deferred; the release brings them to the released α in its own commit.
    expect(await page().getByTestId("score-alpha").textContent()).toBe(`α = ${formatAlpha(released)}`);
    const selected = await page()
      .locator(".frontier-point--selected")
      .evaluateAll((points) => points.map((point) => point.getAttribute("data-alpha")));
    expect(selected).toEqual(
      frontier.slices.all.points.some((p) => p.alpha === released) ? [String(released)] : [],
    );
    await page().waitForURL(new RegExp(`alpha=${released}(&|$)`));
    // The thumb (moved by a transform) sits over the released α's place along the track.
    const thumb = await page().getByTestId("alpha-slider").boundingBox();
    if (!thumb) throw new Error("no slider thumb");
    const slider = page().getByRole("slider");
    const alphaMin = Number(await slider.getAttribute("aria-valuemin"));
    const alphaMax = Number(await slider.getAttribute("aria-valuemax"));
    const fraction = (released - alphaMin) / (alphaMax - alphaMin);
    expect(Math.abs(thumb.x + thumb.width / 2 - (track.x + fraction * track.width))).toBeLessThan(0.5);
    // The marker the drag left is where a fresh page at the released α draws it.
    const draggedTo = await marker.getAttribute("transform");
    await page().goBack();
    await page().waitForURL(/alpha=0(&|$)/);
    expect(await sliderAlpha(page())).toBe(0);
    await openExplorer(page(), `?alpha=${released}`);
    expect(await page().getByTestId("frontier-marker").getAttribute("transform")).toBe(draggedTo);
  });

  it("labels values between evaluated α as estimates with intervals", async () => {
    await openExplorer(page(), "?alpha=1");
    const input = page().getByTestId("alpha-input");
    await input.fill("1.1");
    await input.press("Enter");
    await page().waitForURL(/alpha=1\.1(&|$)/);
    expect(await page().getByTestId("score-status").textContent()).toBe("estimated — not evaluated");
    expect(await page().getByTestId("score-kind").textContent()).toBe("extrapolated");
    expect(await page().getByTestId("frontier-marker").getAttribute("class")).toContain(
      "frontier-marker--estimate",
    );
    const shown = Number.parseFloat((await page().getByTestId("score-solveRate").textContent()) ?? "");
    const [lo, hi] = [1, 1.25]
      .map((alpha) => Number.parseFloat(apiValue("all", alpha, "solveRate")))
      .sort((a, b) => a - b);
    expect(shown).toBeGreaterThanOrEqual(lo - 0.05);
    expect(shown).toBeLessThanOrEqual(hi + 0.05);
    expect(await page().getByTestId("score-panel").textContent()).toMatch(
      /between evaluated α = 1 and 1\.25/,
    );
  });

  it("filters every number to hard problems", async () => {
    await openExplorer(page(), "?alpha=0.5");
    await page().getByTestId("difficulty-filter").getByLabel(/Hard/).check();
    await page().waitForURL(/difficulty=hard/);
    expect(await page().getByTestId("score-solveRate").textContent()).toBe(
      apiValue("hard", 0.5, "solveRate"),
    );
    expect(await page().getByTestId("score-correctness").textContent()).toBe(
      apiValue("hard", 0.5, "correctness"),
    );
    expect(apiValue("hard", 0.5, "solveRate")).not.toBe(apiValue("all", 0.5, "solveRate"));
  });

  it("shows one card per claim of the slice with the API's estimates, intervals and verdicts", async () => {
    await openExplorer(page(), "?difficulty=hard");
    const cards = page().getByTestId("claims").locator("[data-claim]");
    // The worker stores the claims after the intervals; the cards ask again until they are there.
    await cards.first().waitFor({ timeout: 90_000 });
    const api = await getJson<ClaimsResponse>(
      `/api/experiments/${DEMO_EXPERIMENT_SLUG}/claims?difficulty=hard`,
    );
    expect(api.claims.length).toBeGreaterThanOrEqual(5);
    expect(await cards.evaluateAll((nodes) => nodes.map((node) => node.getAttribute("data-claim")))).toEqual(
      api.claims.map((claim) => claim.id),
    );
    for (const claim of api.claims) {
      const card = page().locator(`[data-claim="${claim.id}"]`);
      expect(await card.getByTestId("claim-estimate").textContent()).toBe(
        formatClaimValue(claim.id, claim.estimate),
      );
      expect(await card.getByTestId("claim-interval").textContent()).toBe(
        `[${formatClaimValue(claim.id, claim.ci[0])}, ${formatClaimValue(claim.id, claim.ci[1])}]`,
      );
      expect((await card.getByTestId("claim-verdict").textContent())?.toLowerCase()).toBe(claim.verdict);
      expect(await card.textContent()).toContain(claim.rule);
      expect(await card.getByRole("link", { name: claim.title }).getAttribute("href")).toBe(
        `/glossary#${claimAnchor(claim.id)}`,
      );
    }
  });

  it("reopens a copied link as exactly the same view in a fresh browser", async () => {
    await openExplorer(page());
    await page().getByRole("slider").focus();
    await page().keyboard.press("PageUp");
    await page().getByTestId("y-metric").selectOption("solveRate");
    await page().getByTestId("ci-toggle").uncheck();
    await page()
      .getByTestId("difficulty-filter")
      .getByLabel(/Medium/)
      .check();
    await page().getByRole("button", { name: "Zoom in" }).click();
    await page().waitForURL(/zoom=/);
    await page().getByTestId("copy-link").click();
    const link = await page().getByTestId("copy-link-url").inputValue();
    expect(await page().evaluate(() => navigator.clipboard.readText())).toBe(link);
    expect(link).toMatch(/alpha=1\.25&x=correctness&y=solveRate&xlog=0&ylog=0&difficulty=medium&ci=0&zoom=/);

    const original = {
      alpha: await sliderAlpha(page()),
      scores: await page().getByTestId("score-panel").innerHTML(),
      plot: await page().locator("svg.frontier-chart").innerHTML(),
    };
    const fresh = await openBrowser();
    try {
      await fresh.page.goto(link);
      await fresh.page.locator('.explorer[data-hydrated="true"]').waitFor();
      expect(await sliderAlpha(fresh.page)).toBe(original.alpha);
      expect(await fresh.page.getByTestId("y-metric").inputValue()).toBe("solveRate");
      expect(await fresh.page.getByTestId("ci-toggle").isChecked()).toBe(false);
      expect(
        await fresh.page
          .getByTestId("difficulty-filter")
          .getByLabel(/Medium/)
          .isChecked(),
      ).toBe(true);
      expect(await fresh.page.getByTestId("score-panel").innerHTML()).toBe(original.scores);
      // Same viewport, same view: the plot's SVG is identical, zoom window included. (React's useId
      // values are the same for the same tree, so the markup compares exactly.)
      await expect.poll(() => fresh.page.locator("svg.frontier-chart").innerHTML()).toBe(original.plot);
      expect(await fresh.page.getByTestId("view-notices").count()).toBe(0);
    } finally {
      await fresh.close();
    }
  });

  it("explains invalid link values instead of failing", async () => {
    await openExplorer(page(), "?alpha=7&x=bogus&difficulty=extreme");
    const notices = await page().getByTestId("view-notices").textContent();
    expect(notices).toContain(`α = 7 is outside the evaluated range ${formatAlpha(-1)} … 2`);
    expect(notices).toContain("Unknown x metric “bogus”");
    expect(notices).toContain("Unknown difficulty “extreme”");
    expect(await sliderAlpha(page())).toBe(0.5);
  });

  it("has no serious or critical axe violations on the list and the explorer", async () => {
    await page().goto(baseUrl());
    await page().getByTestId("experiment-table").waitFor();
    expect(await seriousViolations(page())).toEqual([]);
    await openExplorer(page(), "?alpha=1.1");
    expect(await seriousViolations(page())).toEqual([]);
  });
});
