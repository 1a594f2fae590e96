import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { startEmbeddedServer } from "../../lib/db/embeddedPostgres";
import { applyMigrations } from "../../lib/db/migrate";
import { buildViewer } from "../../scripts/build-viewer";
import { freePort } from "../../scripts/support/freePort";

declare module "vitest" {
  export interface ProvidedContext {
    /** The migrated test database. */
    databaseUrl: string;
    /** Data directory and port of the embedded server behind it (to test finding a running server). */
    embeddedDataDir: string;
    embeddedPort: number;
  }
}

/**
 * A fresh embedded PostgreSQL for the integration suite, migrated with the app's own migrator; and
 * the static bundle's viewer, which `alphascope bundle` copies.
 */
export default async function setup(project: TestProject) {
  await buildViewer();
  const dataDir = mkdtempSync(join(tmpdir(), "alphascope-it-"));
  const port = await freePort();
  const server = await startEmbeddedServer({ dataDir, port, database: "alphascope" });
  try {
    await applyMigrations(server.url);
  } catch (error) {
    await server.stop();
    throw error;
  }
  process.env.DATABASE_URL = server.url;
  project.provide("databaseUrl", server.url);
  project.provide("embeddedDataDir", dataDir);
  project.provide("embeddedPort", port);
  return async () => {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
