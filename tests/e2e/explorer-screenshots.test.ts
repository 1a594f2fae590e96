import { mkdirSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_EXPERIMENT_SLUG } from "../../lib/demo/experiment";
import { type BrowserSession, baseUrl, openBrowser } from "./browser";

/** Screenshots for the README: the explorer on hard problems at one α of each kind. */
const SHOTS = [
  { name: "explorer-extrapolation-a", alpha: -0.75 },
  { name: "explorer-interpolation", alpha: 0.5 },
  { name: "explorer-extrapolation-b", alpha: 1.5 },
];
const DIR = "docs/screenshots";

let session: BrowserSession;

beforeAll(async () => {
  session = await openBrowser({ width: 1280, height: 900 });
  mkdirSync(DIR, { recursive: true });
});

afterAll(async () => {
  await session.close();
});

describe("explorer screenshots", () => {
  for (const shot of SHOTS) {
    it(`captures α = ${shot.alpha}`, async () => {
      const { page } = session;
      await page.goto(`${baseUrl()}/experiments/${DEMO_EXPERIMENT_SLUG}?alpha=${shot.alpha}&difficulty=hard`);
      await page.locator('.explorer[data-hydrated="true"]').waitFor();
      expect(await page.getByRole("slider").getAttribute("aria-valuenow")).toBe(String(shot.alpha));
      await page.screenshot({ path: `${DIR}/${shot.name}.png` });
    });
  }
});
