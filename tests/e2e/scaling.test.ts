import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EnsembleEvaluation, EnsembleSearchSummary } from "../../lib/contracts/scalingTypes";
import { DEMO_EXPERIMENT_SLUG } from "../../lib/demo/experiment";
import { formatPoints } from "../../lib/views/format";
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
    // The headline interval is the shown winner's, adjusted for the search having picked it (the same
    // numbers as the API's search); the raw one is beside it. A single-checkpoint winner is said in words.
    const searchResponse = await fetch(
      `${baseUrl()}/api/experiments/${DEMO_EXPERIMENT_SLUG}/ensembles/search`,
      {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ budget: 250, maxMembers: 4, difficulty: "all" }),
      },
    );
    const searched = (await searchResponse.json()) as EnsembleSearchSummary;
    const adjusted = searched.adjustedGainCI;
    if (!adjusted) throw new Error("the demo has enough problems for an adjusted interval");
    expect(adjusted.members).toEqual(searched.ensembles[0].members);
    const headline = await page().getByTestId("search-adjusted-ci").textContent();
    if (adjusted.pickedEnsemble) {
      expect(headline).toContain(
        `Gain of the winner (#1), selection-adjusted: ${formatPoints(adjusted.lower)} … ${formatPoints(adjusted.upper)} points (95% CI)`,
      );
      expect(headline).toContain("Simultaneous over every set of up to 4 of the");
    } else {
      expect(headline).toMatch(
        /^No ensemble picked: the best set is a single checkpoint, so there is no gain interval/,
      );
    }
    expect(headline).not.toMatch(/0\.0 … 0\.0/);
    expect(await page().getByTestId("search-raw-ci").textContent()).toContain("as if it had not been picked");
    // The demo's far ends have collapsed: their member chips say so.
    const collapsed = await page()
      .locator('[data-testid="member-chip"][data-collapsed="true"]')
      .evaluateAll((nodes) => nodes.map((node) => Number(node.getAttribute("data-alpha"))));
    expect(collapsed).toEqual([-1, 2]);
    const rows = page().getByTestId("load-ensemble");
    expect(await rows.count()).toBe(5);
    await rows.first().click();
    await page().waitForURL(/split=equal&difficulty=all&bands=0&searched=4/);
    const pressed = await page().locator('[data-testid="member-chip"][aria-pressed="true"]').count();
    expect(pressed).toBe(searched.ensembles[0].members.length);
    await page().getByTestId("ensemble-results").waitFor();
    // The builder carries the winner's adjusted interval, labelled as such; the raw one is labelled raw,
    // and the gain is coloured from the adjusted interval only.
    expect(await page().getByTestId("ensemble-gain-ci").textContent()).toMatch(/^Raw 95% CI /);
    const tone = await page().getByTestId("ensemble-gain").getAttribute("data-tone");
    if (adjusted.pickedEnsemble) {
      expect(await page().getByTestId("ensemble-adjusted-ci").textContent()).toBe(
        `Selection-adjusted 95% CI ${formatPoints(adjusted.lower)} … ${formatPoints(adjusted.upper)}`,
      );
      expect(tone).toBe(adjusted.lower > 0 ? "positive" : adjusted.upper < 0 ? "negative" : "none");
    } else expect(tone).toBe("none");
    expect(await page().getByTestId("ensemble-searched-note").textContent()).toContain(adjusted.explanation);
    // Editing the ensemble by hand drops the search's interval.
    await page().locator('[data-testid="member-chip"][aria-pressed="false"]').first().click();
    await expect.poll(() => page().url()).not.toContain("searched=");
    await expect.poll(() => page().getByTestId("ensemble-searched-note").count()).toBe(0);
    expect(await page().getByTestId("ensemble-gain-ci").textContent()).toMatch(/^95% CI /);
  });
});
