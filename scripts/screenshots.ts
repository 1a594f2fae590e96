/**
 * `npm run screenshots`: the README's pictures of the explorer (docs/screenshots/*.png) on the synthetic
 * demo sweep, hard problems, at one α of each kind, and of presentation mode on a 1280×720 projector. Starts the app the way `npm start` does (production
 * build, embedded PostgreSQL in a fresh data directory, demo sweep) and drives headless Chromium.
 * Rewrites the tracked PNGs: run it when the explorer's look changes and commit the result. The tests
 * never write them.
 */
import { mkdirSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { DEMO_EXPERIMENT_SLUG } from "../lib/demo/experiment";
import { launchChromium } from "./support/chromium";
import { startApp } from "./support/server";

const SHOTS = [
  { name: "explorer-extrapolation-a", alpha: -0.75, present: false },
  { name: "explorer-interpolation", alpha: 0.5, present: false },
  { name: "explorer-extrapolation-b", alpha: 1.5, present: false },
  { name: "presentation-1280x720", alpha: 1.5, present: true },
];
const DESK = { width: 1280, height: 900 };
const PROJECTOR = { width: 1280, height: 720 };
const DIR = fileURLToPath(new URL("../docs/screenshots/", import.meta.url));

async function main(): Promise<void> {
  mkdirSync(DIR, { recursive: true });
  const app = await startApp();
  try {
    const browser = await launchChromium(DESK);
    try {
      const { page } = browser;
      for (const shot of SHOTS) {
        await page.setViewportSize(shot.present ? PROJECTOR : DESK);
        await page.goto(
          `${app.baseUrl}/experiments/${DEMO_EXPERIMENT_SLUG}?alpha=${shot.alpha}&difficulty=hard${shot.present ? "&present=1" : ""}`,
        );
        await page.locator('.explorer[data-hydrated="true"]').waitFor({ timeout: 120_000 });
        // Presenting, the plot is sized from its measured box: wait until it fills that box.
        if (shot.present)
          await page.waitForFunction(() => {
            const box = document.querySelector(".presentation .chart-container")?.getBoundingClientRect();
            const svg = document.querySelector(".presentation svg.frontier-chart")?.getBoundingClientRect();
            return box && svg && Math.abs(box.height - svg.height) <= 1 && box.height > 200;
          });
        // A picture of the wrong α would go unnoticed in the README: check the page took the link's α.
        const shown = await page.getByRole("slider").getAttribute("aria-valuenow");
        if (shown !== String(shot.alpha))
          throw new Error(`The explorer shows α = ${shown}, not ${shot.alpha}.`);
        const path = join(DIR, `${shot.name}.png`);
        await page.screenshot({ path });
        console.log(`wrote ${relative(process.cwd(), path)}`);
      }
    } finally {
      await browser.close();
    }
  } finally {
    await app.stop();
  }
}

await main();
