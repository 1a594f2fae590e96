import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EnsembleEvaluation } from "../../lib/contracts/scalingTypes";
import { DEMO_EXPERIMENT_SLUG } from "../../lib/demo/experiment";
import { type BrowserSession, baseUrl, openBrowser } from "./browser";

const page = () => session.page;
let session: BrowserSession;

async function resultTexts() {
  const results = page().getByTestId("ensemble-results");
  await results.waitFor();
  return {
    ensemble: await page().getByTestId("ensemble-pass").textContent(),
    single: await page().getByTestId("best-single-pass").textContent(),
    gain: await page().getByTestId("ensemble-gain").textContent(),
    ci: await page().getByTestId("ensemble-gain-ci").textContent(),
    onlyEnsemble: await page().getByTestId("solved-only-ensemble").textContent(),
  };
}

beforeAll(async () => {
  session = await openBrowser();
});

afterAll(async () => {
  await session.close();
});

describe("scaling page", () => {
  it("builds an ensemble, shares it as a link, and the link reopens the same numbers as the API", async () => {
    await page().goto(`${baseUrl()}/experiments/${DEMO_EXPERIMENT_SLUG}/scaling`);
    await page().getByTestId("pass-at-k-chart").waitFor();
    // Default A + B on hard; add the extrapolated α = −0.75 and 1.5, drop B.
    for (const alpha of ["-0.75", "1.5", "1"])
      await page().locator(`[data-testid="member-chip"][data-alpha="${alpha}"]`).click();
    await page().waitForURL(/members=-0\.75%2C0%2C1\.5/);
    await page().getByTestId("split-custom").check();
    const inputs = page().getByTestId("split-input");
    await inputs.nth(0).fill("100");
    await expect
      .poll(() =>
        page()
          .getByText(/add up to 266/)
          .count(),
      )
      .toBe(1);
    await inputs.nth(2).fill("67");
    await page().waitForURL(/split=100%2C83%2C67/);
    // The results panel is busy while the API computes the new split; wait for its answer.
    await page().locator('section[aria-labelledby="results-title"][aria-busy="false"]').waitFor();
    await page().getByTestId("ensemble-results").getByRole("cell", { name: "67", exact: true }).waitFor();
    const built = await resultTexts();

    await page().getByTestId("copy-link").click();
    const link = await page().evaluate(() => navigator.clipboard.readText());
    expect(link).toContain("members=-0.75%2C0%2C1.5&budget=250&split=100%2C83%2C67&difficulty=hard");

    const other = await session.context.newPage();
    await other.goto(link);
    await other.getByTestId("ensemble-results").waitFor();
    const reopened = {
      ensemble: await other.getByTestId("ensemble-pass").textContent(),
      single: await other.getByTestId("best-single-pass").textContent(),
      gain: await other.getByTestId("ensemble-gain").textContent(),
      ci: await other.getByTestId("ensemble-gain-ci").textContent(),
      onlyEnsemble: await other.getByTestId("solved-only-ensemble").textContent(),
    };
    expect(reopened).toEqual(built);
    await other.close();

    const response = await fetch(`${baseUrl()}/api/experiments/${DEMO_EXPERIMENT_SLUG}/ensembles`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        members: [
          { alpha: -0.75, samples: 100 },
          { alpha: 0, samples: 83 },
          { alpha: 1.5, samples: 67 },
        ],
        difficulty: "hard",
      }),
    });
    const api = (await response.json()) as EnsembleEvaluation;
    expect(reopened.ensemble).toBe(`${(api.passAtK * 100).toFixed(1)}%`);
    expect(reopened.single).toBe(`${(api.bestSingle.passAtK * 100).toFixed(1)}%`);
  });

  it("runs the search in a worker while the budget slider keeps responding, and loads a result", async () => {
    await page().goto(`${baseUrl()}/experiments/${DEMO_EXPERIMENT_SLUG}/scaling?difficulty=all&budget=250`);
    await page().getByTestId("ensemble-results").waitFor();
    await page().getByRole("combobox").filter({ hasText: "members" }).selectOption("4");
    await page().getByTestId("search-button").click();
    const slider = page().getByTestId("budget-slider");
    await slider.focus();
    await page().keyboard.press("ArrowLeft");
    await expect.poll(() => slider.inputValue()).toBe("249");
    await page().keyboard.press("ArrowRight");
    await expect.poll(() => slider.inputValue()).toBe("250");
    await page().getByTestId("search-results").waitFor();
    // The headline interval accounts for the search having picked the winner; the raw one is beside it.
    expect(await page().getByTestId("search-adjusted-ci").textContent()).toMatch(
      /adjusted for the search: [+−]?\d+\.\d … [+−]?\d+\.\d points \(95% CI\)Sample split: /,
    );
    expect(await page().getByTestId("search-raw-ci").textContent()).toContain("as if it had not been picked");
    // The demo's far ends have collapsed: their member chips say so.
    const collapsed = await page()
      .locator('[data-testid="member-chip"][data-collapsed="true"]')
      .evaluateAll((nodes) => nodes.map((node) => Number(node.getAttribute("data-alpha"))));
    expect(collapsed).toEqual([-1, 2]);
    const rows = page().getByTestId("load-ensemble");
    expect(await rows.count()).toBe(5);
    await rows.first().click();
    await page().waitForURL(/split=equal/);
    const pressed = await page().locator('[data-testid="member-chip"][aria-pressed="true"]').count();
    expect(pressed).toBeGreaterThanOrEqual(1);
    await page().getByTestId("ensemble-results").waitFor();
  });
});
