import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FrontierData } from "../../lib/contracts/types";
import { getMetric } from "../../lib/science/metricRegistry";
import { lcbFileName, lcbText } from "../support/lcbFixture";
import { type BrowserSession, baseUrl, openBrowser } from "./browser";

const SLUG = "qwen3-8b-lcb-explorer";
let session: BrowserSession;

beforeAll(async () => {
  const response = await fetch(`${baseUrl()}/api/imports`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      experiment: SLUG,
      name: "Qwen3-8B on LiveCodeBench (real run)",
      alpha: 0,
      files: [
        {
          name: lcbFileName("eval_all.json"),
          content: lcbText("eval_all.json"),
        },
      ],
    }),
  });
  expect(response.status).toBe(201);
  session = await openBrowser();
});

afterAll(async () => {
  await session?.close();
});

describe("the explorer on an imported LiveCodeBench run", () => {
  it("shows the harness's own numbers: pass@1 = 305/1055, by difficulty 322/383/350", async () => {
    const page = session.page;
    await page.goto(`${baseUrl()}/experiments/${SLUG}`);
    await page.locator('.explorer[data-hydrated="true"]').waitFor();
    const solveRate = getMetric("solveRate");
    expect(await page.getByTestId("score-solveRate").textContent()).toBe(solveRate.format(305 / 1055));
    expect(await page.getByTestId("single-checkpoint").textContent()).toContain(
      "Only one checkpoint (α = 0)",
    );
    const filter = page.getByTestId("difficulty-filter");
    expect(await filter.textContent()).toMatch(/All\s*1,?055.*Easy\s*322.*Medium\s*383.*Hard\s*350/s);
    // One checkpoint: notes instead of empty axes, and no demo sentence about coverage or collapse.
    expect(await page.getByTestId("single-checkpoint-chart").count()).toBe(2);
    expect(await page.locator(".composition-chart, .multiples").count()).toBe(0);
    expect(await page.getByTestId("composition-caption").count()).toBe(0);
    expect(await page.locator(".explorer").textContent()).not.toContain("coverage trades");
    // n = 1: pass@k exists only for k = 1 (the solve rate); no larger k is shown.
    expect(await page.getByTestId("score-passAt5").count()).toBe(0);

    await filter.getByLabel(/Hard/).check();
    await page.waitForURL(/difficulty=hard/);
    const frontier = (await (
      await fetch(`${baseUrl()}/api/experiments/${SLUG}/frontier`)
    ).json()) as FrontierData;
    const hard = frontier.slices.hard.points[0].metrics.solveRate.value;
    expect(await page.getByTestId("score-solveRate").textContent()).toBe(solveRate.format(hard));
  });

  it("says on the scaling view that pass@k needs more than one sample per problem", async () => {
    const page = session.page;
    await page.goto(`${baseUrl()}/experiments/${SLUG}/scaling?difficulty=all`);
    const note = page.getByTestId("curves-single-sample");
    await note.waitFor();
    expect(await note.textContent()).toContain(`k = 1 (${getMetric("solveRate").format(305 / 1055)})`);
  });
});
