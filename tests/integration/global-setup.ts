import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { startEmbeddedServer } from "../../lib/db/embeddedPostgres";
import { applyMigrations } from "../../lib/db/migrate";
import { buildViewer } from "../../scripts/build-viewer";
import { freePort } from "../../scripts/support/freePort";
import { TEST_WORKERS } from "./workers";

declare module "vitest" {
  export interface ProvidedContext {
    /** One migrated test database per worker (VITEST_POOL_ID 1, 2, …), the first named "alphascope". */
    databaseUrls: string[];
    /** The embedded server's "alphascope" database, data directory and port (to test finding a running server). */
    embeddedUrl: string;
    embeddedDataDir: string;
    embeddedPort: number;
  }
}

/**
 * A fresh embedded PostgreSQL for the integration suite, migrated with the app's own migrator and
 * copied (CREATE DATABASE … TEMPLATE) into one database per worker, so that files running at the same
 * time never see each other's rows; and the static bundle's viewer, which `alphascope bundle` copies.
 */
export default async function setup(project: TestProject) {
  await buildViewer();
  const dataDir = mkdtempSync(join(tmpdir(), "alphascope-it-"));
  const port = await freePort();
  const server = await startEmbeddedServer({ dataDir, port, database: "alphascope" });
  const databaseUrls = [server.url];
  try {
    await applyMigrations(server.url);
    // A template must have no session open: this one is on "postgres", not on the copied database.
    const postgres = new URL(server.url);
    postgres.pathname = "/postgres";
    const admin = new pg.Client({ connectionString: postgres.toString() });
    await admin.connect();
    try {
      for (let worker = 2; worker <= TEST_WORKERS; worker++) {
        const url = new URL(server.url);
        url.pathname = `/alphascope_worker_${worker}`;
        await admin.query(`CREATE DATABASE "alphascope_worker_${worker}" TEMPLATE "alphascope"`);
        databaseUrls.push(url.toString());
      }
    } finally {
      await admin.end();
    }
  } catch (error) {
    await server.stop();
    throw error;
  }
  project.provide("databaseUrls", databaseUrls);
  project.provide("embeddedUrl", server.url);
  project.provide("embeddedDataDir", dataDir);
  project.provide("embeddedPort", port);
  return async () => {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
