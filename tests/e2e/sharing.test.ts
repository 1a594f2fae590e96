import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SavedView } from "../../lib/contracts/sharing";
import type { FrontierData } from "../../lib/contracts/types";
import { generateDemoSweep } from "../../lib/demo/generate";
import { type BrowserSession, baseUrl, openBrowser } from "./browser";

const SLUG = "sharing-e2e";
/** Hang guard of the tests that wait for the statistics worker (a loaded machine takes its time). */
const WORKER_WAIT = { timeout: 240_000 };
const ALPHAS = [0, 1, 1.5];
const PROBLEMS = { easy: 10, medium: 10, hard: 10 };
let session: BrowserSession;

/**
 * One checkpoint of a seeded sweep as native JSONL. Problem ids and difficulties are the same for
 * every seed and α, and this file's own: problems are shared per benchmark with other tests' imports.
 */
function checkpointJsonl(alpha: number, seed: number): string {
  const shape = generateDemoSweep({ seed: 1, problems: PROBLEMS, alphas: [alpha], samples: 16 });
  const sweep = generateDemoSweep({ seed, problems: PROBLEMS, alphas: [alpha], samples: 16 });
  return sweep.checkpoints[0].results
    .map((result, i) =>
      JSON.stringify({
        problem: `sharing-e2e-${i}`,
        difficulty: shape.problems[i].difficulty,
        n: result.n,
        ...result.verdicts,
      }),
    )
    .join("\n");
}

async function api(path: string, init: { method?: string; body?: unknown } = {}): Promise<Response> {
  return fetch(`${baseUrl()}${path}`, {
    method: init.method ?? "GET",
    headers: init.body === undefined ? {} : { "content-type": "application/json" },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
}

async function importAlpha(alpha: number, seed: number, replace = false): Promise<void> {
  const response = await api("/api/imports", {
    method: "POST",
    body: {
      experiment: SLUG,
      name: "Sharing e2e sweep",
      alpha,
      replace,
      files: [{ name: `alpha${alpha}.jsonl`, content: checkpointJsonl(alpha, seed) }],
    },
  });
  expect(response.status).toBe(201);
}

/** Waits (under a generous hang guard) until the worker stored the intervals and claims of the current version. */
async function intervalsReady(): Promise<FrontierData> {
  for (let attempt = 0; attempt < 2000; attempt++) {
    const frontier = (await (await api(`/api/experiments/${SLUG}/frontier`)).json()) as FrontierData;
    // A snapshot pins the claims too: they are stored right after the intervals.
    if (frontier.status === "ready" && (await api(`/api/experiments/${SLUG}/claims`)).status === 200)
      return frontier;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("the statistics worker did not store the intervals");
}

/** What a reader checks on the explorer: α, measured or estimated, and the headline numbers. */
async function explorerNumbers(page: BrowserSession["page"]) {
  await page.locator('.explorer[data-hydrated="true"]').waitFor();
  const text = (id: string) => page.getByTestId(id).textContent();
  return {
    alpha: await text("score-alpha"),
    kind: await text("score-kind"),
    solveRate: await text("score-solveRate"),
    correctness: await text("score-correctness"),
    efficiency: await text("score-efficiency"),
  };
}

/** The claim cards as a reader reads them: each claim's id, estimate, interval and verdict. */
async function claimCards(page: BrowserSession["page"]): Promise<string[]> {
  const cards = page.getByTestId("claims").locator(".claim-card");
  await cards.first().waitFor();
  const texts: string[] = [];
  for (let i = 0; i < (await cards.count()); i++) {
    const card = cards.nth(i);
    const part = (id: string) => card.getByTestId(id).textContent();
    texts.push(
      `${await card.getAttribute("data-claim")} ${await part("claim-estimate")} ${await part("claim-interval")} ${await part("claim-verdict")}`,
    );
  }
  return texts;
}

beforeAll(async () => {
  for (const alpha of ALPHAS) await importAlpha(alpha, 7);
  await intervalsReady();
  session = await openBrowser();
});

afterAll(async () => {
  await session?.close();
});

describe("sharing a pinned snapshot", () => {
  it(
    "opens the short link in a fresh browser with the same α and numbers, also after a --replace import",
    WORKER_WAIT,
    async () => {
      const page = session.page;
      await page.goto(`${baseUrl()}/experiments/${SLUG}?alpha=1.5&difficulty=hard`);
      const shared = await explorerNumbers(page);
      expect(shared.alpha).toBe("α = 1.5");
      await page.getByTestId("share").click();
      const link = await page.getByTestId("share-url").inputValue();
      expect(link).toMatch(new RegExp(`^${baseUrl()}/s/[A-Za-z0-9_-]{8}$`));
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);

      const fresh = await openBrowser();
      try {
        await fresh.page.goto(link);
        expect(await explorerNumbers(fresh.page)).toEqual(shared);
        expect(await fresh.page.getByTestId("snapshot-changed").count()).toBe(0);
        // The claims as the live page tested them, on the snapshot and in presenting mode.
        const claims = await claimCards(page);
        expect(claims.length).toBeGreaterThan(0);
        expect(await claimCards(fresh.page)).toEqual(claims);

        // α = 1.5 re-imported with other results: the live page changes, the short link does not.
        await importAlpha(1.5, 99, true);
        await intervalsReady();
        await page.reload();
        expect((await explorerNumbers(page)).solveRate).not.toBe(shared.solveRate);
        await fresh.page.goto(link);
        expect(await explorerNumbers(fresh.page)).toEqual(shared);
        expect(await claimCards(fresh.page)).toEqual(claims);
        await fresh.page.goto(`${link}?present=1`);
        await fresh.page.locator(".explorer.presentation").waitFor();
        expect(await claimCards(fresh.page)).toEqual(claims);
        await fresh.page.goto(link);
        const notice = fresh.page.getByTestId("snapshot-changed");
        expect(await notice.textContent()).toContain("has changed since this snapshot was taken");
        const live = (await fresh.page.getByTestId("snapshot-live-link").getAttribute("href")) ?? "";
        const [path, query] = live.split("?");
        expect(path).toBe(`/experiments/${SLUG}`);
        expect(new URLSearchParams(query).get("alpha")).toBe("1.5");
        expect(new URLSearchParams(query).get("difficulty")).toBe("hard");
      } finally {
        await fresh.close();
      }
    },
  );

  it("answers an unknown short link with the 404 page", async () => {
    const response = await session.page.goto(`${baseUrl()}/s/AAAAAAAA`);
    expect(response?.status()).toBe(404);
  });
});

describe("the review deck", () => {
  it(
    "saves a view from the page, then steps through the deck with ← and →, across pages, in presentation",
    WORKER_WAIT,
    async () => {
      const page = session.page;
      await page.goto(`${baseUrl()}/experiments/${SLUG}?alpha=0&difficulty=hard`);
      await page.locator('.explorer[data-hydrated="true"]').waitFor();
      await page.getByTestId("saved-views").locator("summary").click();
      await page.getByTestId("saved-view-name").fill("A on hard");
      await page.getByRole("button", { name: "Save view" }).click();
      await page.getByTestId("saved-views-list").getByText("A on hard").waitFor();
      for (const view of [
        { name: "Ensemble of A and 1.5", page: "scaling", view: "members=0%2C1.5&budget=16&difficulty=hard" },
        { name: "Extrapolation", page: "explorer", view: "alpha=1.5&difficulty=hard" },
      ]) {
        expect((await api(`/api/experiments/${SLUG}/views`, { method: "POST", body: view })).status).toBe(
          201,
        );
      }
      const deck = (await (await api(`/api/experiments/${SLUG}/views`)).json()) as { views: SavedView[] };
      expect(deck.views.map((view) => view.name)).toEqual([
        "A on hard",
        "Ensemble of A and 1.5",
        "Extrapolation",
      ]);

      await page.goto(`${baseUrl()}/experiments/${SLUG}?${deck.views[0].view}&slide=1&present=1`);
      const position = page.getByTestId("deck-position");
      await expect.poll(() => position.textContent()).toBe("View 1 of 3: A on hard");
      expect((await explorerNumbers(page)).alpha).toBe("α = 0");

      await page.keyboard.press("ArrowRight");
      await page.waitForURL(/\/scaling\?members=0%2C1\.5&budget=16&difficulty=hard&slide=2&present=1$/);
      await page.getByTestId("pass-at-k-chart").waitFor();
      await expect.poll(() => position.textContent()).toBe("View 2 of 3: Ensemble of A and 1.5");

      await page.keyboard.press("ArrowRight");
      await page.waitForURL(/\/experiments\/sharing-e2e\?alpha=1\.5&difficulty=hard&slide=3&present=1$/);
      expect((await explorerNumbers(page)).alpha).toBe("α = 1.5");
      await expect.poll(() => position.textContent()).toBe("View 3 of 3: Extrapolation");

      // Past the end nothing happens; in a text field the arrows belong to the field.
      await page.keyboard.press("ArrowRight");
      await page.getByTestId("saved-views").locator("summary").click();
      await page.getByTestId("saved-view-name").focus();
      await page.keyboard.press("ArrowLeft");
      expect(page.url()).toMatch(/slide=3&present=1$/);

      await page.getByTestId("saved-views").locator("summary").focus();
      await page.keyboard.press("ArrowLeft");
      await page.waitForURL(/\/scaling\?.*slide=2&present=1$/);
      await expect.poll(() => position.textContent()).toBe("View 2 of 3: Ensemble of A and 1.5");
    },
  );
});
