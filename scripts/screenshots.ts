/**
 * `npm run screenshots`: the README's pictures (docs/screenshots/*.png): the explorer on the synthetic
 * demo sweep, hard problems, at one α of each kind, in dark mode, presentation mode on a 1280×720 projector,
 * the explorer on a 390-px-wide phone, the problems view and one problem's page, and the
 * comparison of the demo with a second synthetic sweep of the same pair (coarser α grid, 64 samples).
 * Starts the app the way `npm start` does (production build, embedded PostgreSQL in a fresh data
 * directory, demo sweep) and drives headless Chromium. Rewrites the tracked PNGs: run it when the
 * look changes and commit the result. The tests never write them.
 */
import { mkdirSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import type { Page } from "playwright-core";
import { DEMO_EXPERIMENT, DEMO_EXPERIMENT_SLUG } from "../lib/demo/experiment";
import { generateDemoSweep } from "../lib/demo/generate";
import { launchChromium } from "./support/chromium";
import { startApp } from "./support/server";

const SHOTS = [
  { name: "explorer-extrapolation-a", alpha: -0.75, present: false },
  { name: "explorer-interpolation", alpha: 0.5, present: false },
  { name: "explorer-extrapolation-b", alpha: 1.5, present: false },
  { name: "presentation-1280x720", alpha: 1.5, present: true },
];
/** The second sweep of the comparison: the demo's pair and problems, another α grid and sample count. */
const COARSE = {
  slug: "demo-coverage-sweep-coarse",
  name: "Low vs high test coverage, 64 samples (synthetic demo)",
  alphas: [-0.5, 0, 0.5, 1, 1.5],
  samples: 64,
};

/** Imports the coarse sweep through the import API, as one native JSONL file with an α per line. */
async function importCoarseSweep(baseUrl: string): Promise<void> {
  const sweep = generateDemoSweep({ alphas: COARSE.alphas, samples: COARSE.samples });
  const difficulty = new Map(sweep.problems.map((problem) => [problem.externalId, problem.difficulty]));
  const lines = sweep.checkpoints.flatMap((checkpoint) =>
    checkpoint.results.map((result) =>
      JSON.stringify({
        alpha: checkpoint.alpha,
        problem: result.problemExternalId,
        difficulty: difficulty.get(result.problemExternalId),
        n: result.n,
        ...result.verdicts,
      }),
    ),
  );
  const { endpointA, endpointB } = DEMO_EXPERIMENT;
  const response = await fetch(`${baseUrl}/api/imports`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      experiment: COARSE.slug,
      name: COARSE.name,
      benchmark: DEMO_EXPERIMENT.benchmark,
      endpointALabel: endpointA.label,
      endpointBLabel: endpointB.label,
      files: [{ name: "coarse.jsonl", content: lines.join("\n") }],
    }),
  });
  if (!response.ok) throw new Error(`Importing the coarse sweep failed: ${await response.text()}`);
  // The picture shows intervals: wait for the worker to store them (a generous guard, not a timing).
  for (let attempt = 0; attempt < 300; attempt++) {
    const frontier = await fetch(`${baseUrl}/api/experiments/${COARSE.slug}/frontier`);
    if (((await frontier.json()) as { status?: string }).status === "ready") return;
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
  throw new Error("The coarse sweep's intervals were not computed within 5 minutes.");
}

const DESK = { width: 1280, height: 900 };
const PROJECTOR = { width: 1280, height: 720 };
/** A phone held upright: the layout's narrowest width. */
const PHONE = { width: 390, height: 844 };
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

/**
 * The explorer at 390 px, from its toolbar to the end of the score panel: controls wrap, the plot
 * takes the screen's width, the α slider and every score follow below it.
 */
async function shootPhone(page: Page, baseUrl: string): Promise<void> {
  await page.setViewportSize(PHONE);
  await page.goto(`${baseUrl}/experiments/${DEMO_EXPERIMENT_SLUG}?alpha=1.5&difficulty=hard`);
  await page.locator('.explorer[data-hydrated="true"]').waitFor({ timeout: 120_000 });
  const top = await page.locator(".explorer-toolbar").boundingBox();
  const bottom = await page.getByTestId("score-panel").boundingBox();
  if (!top || !bottom) throw new Error("The explorer's toolbar or score panel is not shown at 390 px.");
  const path = join(DIR, "explorer-390px.png");
  const y = Math.max(0, top.y - 8);
  await page.screenshot({
    path,
    fullPage: true,
    clip: { x: 0, y, width: PHONE.width, height: bottom.y + bottom.height + 8 - y },
  });
  console.log(`wrote ${relative(process.cwd(), path)}`);
}

/** The explorer of the second picture (hard problems, α = 1.5) with the system in dark mode. */
async function shootDark(page: Page, baseUrl: string): Promise<void> {
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto(`${baseUrl}/experiments/${DEMO_EXPERIMENT_SLUG}?alpha=1.5&difficulty=hard`);
  await page.locator('.explorer[data-hydrated="true"]').waitFor({ timeout: 120_000 });
  const path = join(DIR, "explorer-dark.png");
  await page.screenshot({ path });
  console.log(`wrote ${relative(process.cwd(), path)}`);
  await page.emulateMedia({ colorScheme: "light" });
}

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
      await shootPhone(page, app.baseUrl);
      await page.setViewportSize(DESK);
      await shootDark(page, app.baseUrl);
      await shootProblems(page, app.baseUrl);
      await importCoarseSweep(app.baseUrl);
      await page.goto(
        `${app.baseUrl}/compare?experiments=${DEMO_EXPERIMENT_SLUG},${COARSE.slug}&alpha=1.25&difficulty=hard`,
      );
      await page.locator('[data-hydrated="true"]').waitFor({ timeout: 120_000 });
      const path = join(DIR, "compare.png");
      await page.screenshot({ path, fullPage: true });
      console.log(`wrote ${relative(process.cwd(), path)}`);
    } finally {
      await browser.close();
    }
  } finally {
    await app.stop();
  }
}

await main();
