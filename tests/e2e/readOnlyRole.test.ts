import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ExperimentListItem, FrontierData } from "../../lib/contracts/types";
import { findRunningServer } from "../../lib/db/embeddedPostgres";
import { DEMO_EXPERIMENT_SLUG } from "../../lib/demo/experiment";
import { getMetric } from "../../lib/science/metricRegistry";
import { freePort } from "../../scripts/support/freePort";
import { type RunningApp, startApp } from "../../scripts/support/server";
import { type BrowserSession, openBrowser } from "./browser";

// A server of its own whose reads go to a role that may only read (as a replica would serve them),
// so that what it writes can be told apart from what the rest of the browser suite does.

const READER = "alphascope_reader";
let app: RunningApp;
let admin: pg.Client;
let session: BrowserSession;
const page = () => session.page;

/** What a write would change: the data_changes id (every commit to experiments or statistics) and row counts. */
async function writeState(): Promise<unknown> {
  const { rows } = await admin.query(
    `SELECT (SELECT "change_id" FROM "data_changes") AS "changeId",
       (SELECT count(*) FROM "experiments") AS "experiments",
       (SELECT count(*) FROM "experiment_statistics") AS "statistics",
       (SELECT count(*) FROM "results") AS "results",
       (SELECT count(*) FROM "import_batches") AS "batches"`,
  );
  return rows[0];
}

async function getJson<T>(path: string): Promise<T> {
  const response = await fetch(`${app.baseUrl}${path}`);
  expect(response.status).toBe(200);
  return (await response.json()) as T;
}

beforeAll(async () => {
  // The role is made once PostgreSQL runs; the server reads through it only when asked.
  const pgPort = await freePort();
  app = await startApp({
    env: {
      ALPHASCOPE_PG_PORT: String(pgPort),
      DATABASE_READ_URL: `postgresql://${READER}:reader@127.0.0.1:${pgPort}/alphascope`,
    },
  });
  const url = await findRunningServer(app.dataDir, "alphascope");
  if (!url) throw new Error("The app's embedded PostgreSQL is not reachable.");
  admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE ROLE ${READER} LOGIN PASSWORD 'reader'`);
  await admin.query(`GRANT SELECT ON ALL TABLES IN SCHEMA public TO ${READER}`);
  session = await openBrowser();
});

afterAll(async () => {
  await session?.close();
  await admin?.end();
  await app?.stop();
});

describe("a server reading through a read-only role (DATABASE_READ_URL)", () => {
  it("serves every page with the API's numbers and writes nothing", async () => {
    // The launcher's demo imports (the demo sweep and the demo study's other cells) and the worker's
    // statistics jobs for them are the last writes: wait until every frontier is ready and no job is left.
    await expect
      .poll(
        async () => {
          const experiments = await getJson<ExperimentListItem[]>("/api/experiments");
          const frontiers = await Promise.all(
            experiments.map(({ slug }) => getJson<FrontierData>(`/api/experiments/${slug}/frontier`)),
          );
          const { rows } = await admin.query(
            `SELECT count(*)::int AS "n" FROM graphile_worker._private_jobs`,
          );
          return frontiers.every((frontier) => frontier.status === "ready") && rows[0].n === 0;
        },
        { timeout: 120_000 },
      )
      .toBe(true);
    const frontier = await getJson<FrontierData>(`/api/experiments/${DEMO_EXPERIMENT_SLUG}/frontier`);
    const listed = (await getJson<ExperimentListItem[]>("/api/experiments")).find(
      (experiment) => experiment.slug === DEMO_EXPERIMENT_SLUG,
    ) as ExperimentListItem;
    const before = await writeState();

    await page().goto(app.baseUrl);
    const row = page().getByTestId("experiment-row").filter({ hasText: listed.name });
    await row.waitFor();
    expect(await row.getByRole("link", { name: listed.name }).getAttribute("href")).toBe(
      `/experiments/${DEMO_EXPERIMENT_SLUG}`,
    );

    await page().goto(`${app.baseUrl}/experiments/${DEMO_EXPERIMENT_SLUG}?alpha=1`);
    await page().locator('.explorer[data-hydrated="true"]').waitFor();
    const atOne = frontier.slices.all.points.find((point) => point.alpha === 1);
    expect(await page().getByTestId("score-solveRate").textContent()).toBe(
      getMetric("solveRate").format(atOne?.metrics.solveRate.value ?? Number.NaN),
    );

    await page().goto(`${app.baseUrl}/experiments/${DEMO_EXPERIMENT_SLUG}/scaling`);
    await page().getByTestId("pass-at-k-chart").waitFor();
    // The ensemble is computed from the stored matrix, read through the role too.
    await page().getByTestId("ensemble-results").waitFor();
    expect(await page().getByTestId("ensemble-pass").textContent()).toMatch(/\d/);

    await page().goto(`${app.baseUrl}/import`);
    await page().getByRole("heading", { name: "Import evaluation results" }).waitFor();
    expect(await page().getByLabel("Import into").textContent()).toContain(listed.name);

    // The reads went through the role (it holds connections), and nothing was written.
    const { rows } = await admin.query(
      `SELECT count(*)::int AS "n" FROM pg_stat_activity WHERE usename = $1`,
      [READER],
    );
    expect(rows[0].n).toBeGreaterThan(0);
    expect(await writeState()).toEqual(before);
  }, 240_000); // The worker may still be computing the demo statistics on a busy machine.

  it("listens for committed changes on the primary (a standby cannot LISTEN), as its own role", async () => {
    const { rows } = await admin.query(
      `SELECT usename FROM pg_stat_activity WHERE application_name = 'alphascope-listener'`,
    );
    expect(rows.map((row) => row.usename)).toEqual([
      (await admin.query("SELECT current_user AS u")).rows[0].u,
    ]);
  });
});
