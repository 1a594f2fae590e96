/**
 * `npm run screenshots`: the README's pictures of the explorer (docs/screenshots/*.png) on the synthetic
 * demo sweep, hard problems, at one α of each kind, then of the problems view and one problem's page. Starts the app the way `npm start` does (production
 * build, embedded PostgreSQL in a fresh data directory, demo sweep) and drives headless Chromium.
 * Rewrites the tracked PNGs: run it when the explorer's look changes and commit the result. The tests
 * never write them.
 */
import { mkdirSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import type { Page } from "playwright-core";
import { DEMO_EXPERIMENT_SLUG } from "../lib/demo/experiment";
import { launchChromium } from "./support/chromium";
import { startApp } from "./support/server";

const SHOTS = [
  { name: "explorer-extrapolation-a", alpha: -0.75 },
  { name: "explorer-interpolation", alpha: 0.5 },
  { name: "explorer-extrapolation-b", alpha: 1.5 },
];
const DIR = fileURLToPath(new URL("../docs/screenshots/", import.meta.url));

/** The problems view (hard problems, gained from α = −1 to 1.5) and the page of its top problem. */
async function shootProblems(page: Page, baseUrl: string): Promise<void> {
  await page.goto(`${baseUrl}/experiments/${DEMO_EXPERIMENT_SLUG}/problems?from=-1&to=1.5&difficulty=hard`);
  await page.locator('[data-testid="problems-view"][data-hydrated="true"]').waitFor({ timeout: 120_000 });
  const view = join(DIR, "problems-view.png");
  await page.screenshot({ path: view });
  console.log(`wrote ${relative(process.cwd(), view)}`);
  await page.getByTestId("problem-row").first().locator("a").click();
  await page.getByTestId("problem-verdicts").waitFor({ timeout: 120_000 });
  const problem = join(DIR, "problem-page.png");
  await page.screenshot({ path: problem, fullPage: true });
  console.log(`wrote ${relative(process.cwd(), problem)}`);
}

async function main(): Promise<void> {
  mkdirSync(DIR, { recursive: true });
  const app = await startApp();
  try {
    const browser = await launchChromium({ width: 1280, height: 900 });
    try {
      const { page } = browser;
      for (const shot of SHOTS) {
        await page.goto(
          `${app.baseUrl}/experiments/${DEMO_EXPERIMENT_SLUG}?alpha=${shot.alpha}&difficulty=hard`,
        );
        await page.locator('.explorer[data-hydrated="true"]').waitFor({ timeout: 120_000 });
        // A picture of the wrong α would go unnoticed in the README: check the page took the link's α.
        const shown = await page.getByRole("slider").getAttribute("aria-valuenow");
        if (shown !== String(shot.alpha))
          throw new Error(`The explorer shows α = ${shown}, not ${shot.alpha}.`);
        const path = join(DIR, `${shot.name}.png`);
        await page.screenshot({ path });
        console.log(`wrote ${relative(process.cwd(), path)}`);
      }
      await shootProblems(page, app.baseUrl);
    } finally {
      await browser.close();
    }
  } finally {
    await app.stop();
  }
}

await main();
