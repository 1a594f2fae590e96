import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ExperimentVersionList } from "../../lib/contracts/versions";
import { getMetric } from "../../lib/science/metricRegistry";
import { type BrowserSession, baseUrl, openBrowser } from "./browser";

const SLUG = "versions-e2e";
/** No trained checkpoint changed (the experiment has none). */
const NO_TRAINED = { added: [], replaced: [], removed: [] };
let session: BrowserSession;

/**
 * A native JSONL file: three problems, ten samples each, with these passes. Their ids are this
 * file's own: other files import p1, p2, … into the same benchmark with other difficulties.
 */
function results(passes: number[]): string {
  return passes
    .map((pass, i) =>
      JSON.stringify({ problem: `versions-p${i}`, difficulty: "easy", n: 10, pass, wrongAnswer: 10 - pass }),
    )
    .join("\n");
}

async function importAt(alpha: number, passes: number[], replace = false): Promise<void> {
  const response = await fetch(`${baseUrl()}/api/imports`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      experiment: SLUG,
      alpha,
      replace,
      files: [{ name: `alpha${alpha}${replace ? "-rerun" : ""}.jsonl`, content: results(passes) }],
    }),
  });
  expect(response.status).toBe(201);
}

beforeAll(async () => {
  await importAt(0, [2, 5, 8]);
  await importAt(1, [9, 9, 9]);
  await importAt(0, [10, 10, 10], true);
  session = await openBrowser();
});

afterAll(async () => {
  await session?.close();
});

describe("an old version of an experiment", () => {
  it("opens read-only under a banner, with the numbers it had before the replace", async () => {
    const listed = (await (
      await fetch(`${baseUrl()}/api/experiments/${SLUG}/versions`)
    ).json()) as ExperimentVersionList;
    expect(listed.versions.map((version) => version.changes)).toEqual([
      { added: [], replaced: [0], removed: [], trained: NO_TRAINED },
      { added: [1], replaced: [], removed: [], trained: NO_TRAINED },
      { added: [0], replaced: [], removed: [], trained: NO_TRAINED },
    ]);
    const old = listed.versions[1].id;
    const page = session.page;
    await page.goto(`${baseUrl()}/experiments/${SLUG}?version=${old}&alpha=0`);
    await page.locator('.explorer[data-hydrated="true"]').waitFor();
    expect(await page.getByTestId("version-banner").textContent()).toContain(`Old version ${old}, read-only`);
    const solveRate = getMetric("solveRate");
    expect(await page.getByTestId("score-solveRate").textContent()).toBe(solveRate.format(15 / 30));
    // The scaling and problems pages show current data: both links say so on an old version.
    for (const link of ["scaling-link", "problems-link"])
      expect(
        await page.getByTestId(link).locator("..").getByTestId("current-data-note").textContent(),
      ).toContain("opens the current data");

    await page.getByTestId("version-current-link").click();
    await page.waitForURL(new RegExp(`/experiments/${SLUG}$`));
    await page.locator('.explorer[data-hydrated="true"]').waitFor();
    expect(await page.getByTestId("version-banner").count()).toBe(0);
    expect(await page.getByTestId("current-data-note").count()).toBe(0);
  });
});
