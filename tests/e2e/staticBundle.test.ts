import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SnapshotCreated } from "../../lib/contracts/sharing";
import type { FrontierData } from "../../lib/contracts/types";
import { DEMO_EXPERIMENT_SLUG } from "../../lib/demo/experiment";
import { formatAlpha } from "../../lib/domain/alpha";
import { getMetric } from "../../lib/science/metricRegistry";
import { type BrowserSession, baseUrl, openBrowser } from "./browser";

/*
 * The static copy of a pinned snapshot, downloaded with the snapshot page's button and opened from
 * disk: the explorer works with no server and no network, and shows the live snapshot's numbers.
 */

const METRICS = ["solveRate", "correctness", "efficiency"] as const;
let session: BrowserSession;
let dir: string;
let snapshot: SnapshotCreated;
let pinned: FrontierData;
let indexHtml: string;

async function api(path: string, body?: unknown): Promise<Response> {
  return fetch(`${baseUrl()}${path}`, {
    method: body === undefined ? "GET" : "POST",
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

/** The snapshot API's value of a metric at an evaluated α of the hard slice, as the page formats it. */
function apiValue(alpha: number, metric: (typeof METRICS)[number]): string {
  const point = pinned.slices.hard.points.find((p) => p.alpha === alpha);
  if (!point) throw new Error(`α = ${alpha} is not evaluated`);
  return getMetric(metric).format(point.metrics[metric].value);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "alphascope-bundle-e2e-"));
  session = await openBrowser();
  const created = await api("/api/snapshots", {
    experiment: DEMO_EXPERIMENT_SLUG,
    page: "explorer",
    view: "alpha=0.5&difficulty=hard",
  });
  expect(created.status).toBe(201);
  snapshot = (await created.json()) as SnapshotCreated;
  pinned = (await (await api(`/api/snapshots/${snapshot.id}/frontier`)).json()) as FrontierData;

  // Downloaded as a reader does: the snapshot page's button.
  await session.page.goto(`${baseUrl()}${snapshot.url}`);
  const [download] = await Promise.all([
    session.page.waitForEvent("download"),
    session.page.getByTestId("snapshot-download").click(),
  ]);
  const zipPath = join(dir, download.suggestedFilename());
  await download.saveAs(zipPath);
  for (const [path, bytes] of Object.entries(unzipSync(readFileSync(zipPath)))) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), bytes);
  }
  indexHtml = join(dir, `alphascope-${DEMO_EXPERIMENT_SLUG}-${snapshot.id}`, "index.html");
});

afterAll(async () => {
  await session.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("a static bundle opened from file://", () => {
  it("moves α with every number equal to the snapshot's API, and nothing leaves file://", async () => {
    const { context, page } = session;
    const refused: string[] = [];
    const requested: string[] = [];
    const errors: string[] = [];
    await context.route("**/*", (route) => {
      const url = route.request().url();
      if (url.startsWith("file:")) return route.continue();
      refused.push(url);
      return route.abort();
    });
    page.on("request", (request) => requested.push(request.url()));
    page.on("pageerror", (error) => errors.push(error.message));
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(message.text());
    });

    await page.goto(pathToFileURL(indexHtml).href);
    await page.locator('.explorer[data-hydrated="true"]').waitFor();
    const footnote = await page.getByTestId("bundle-footnote").textContent();
    expect(footnote).toContain(snapshot.version);
    expect(footnote).toContain(snapshot.id);
    expect(await page.getByTestId("bundle-version").textContent()).toBe(snapshot.version);
    expect(await page.getByTestId("bundle-snapshot").textContent()).toBe(snapshot.id);
    expect(await page.getByTestId("frontier-marker").count()).toBe(1);

    const slider = page.getByRole("slider");
    const alphaNow = async () => Number(await slider.getAttribute("aria-valuenow"));
    // The pinned view: α = 0.5 on the hard problems.
    expect(await alphaNow()).toBe(0.5);
    const evaluated = pinned.slices.hard.points.map((point) => point.alpha);
    await slider.focus();
    for (const key of ["ArrowRight", "ArrowRight", "End", "Home"]) {
      const before = await alphaNow();
      await page.keyboard.press(key);
      await expect.poll(alphaNow).not.toBe(before);
      const alpha = await alphaNow();
      expect(evaluated).toContain(alpha);
      expect(await page.getByTestId("score-alpha").textContent()).toBe(`α = ${formatAlpha(alpha)}`);
      for (const metric of METRICS)
        expect(await page.getByTestId(`score-${metric}`).textContent()).toBe(apiValue(alpha, metric));
      // The view is kept in the address, as on the server.
      expect(new URL(page.url()).searchParams.get("alpha")).toBe(String(alpha));
    }

    expect(refused).toEqual([]);
    expect(requested.filter((url) => !url.startsWith("file:"))).toEqual([]);
    expect(errors).toEqual([]);
  });
});
