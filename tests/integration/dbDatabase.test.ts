import { chmodSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, inject, it } from "vitest";
import { databaseSettingsFromEnv, openDatabase } from "../../lib/db/database";
import { findRunningServer } from "../../lib/db/embeddedPostgres";
import { readMigrations } from "../../lib/db/migrate";
import { freePort } from "../../scripts/support/freePort";
import { testDatabaseUrl } from "./db";

describe("databaseSettingsFromEnv", () => {
  it("defaults to the embedded server in .data/postgres on port 54329", () => {
    const settings = databaseSettingsFromEnv({});
    expect(settings).toEqual({
      databaseUrl: null,
      dataDir: join(process.cwd(), ".data/postgres"),
      port: 54329,
    });
  });

  it("reads DATABASE_URL, ALPHASCOPE_DATA_DIR and ALPHASCOPE_PG_PORT, treating an empty URL as unset", () => {
    const env = { DATABASE_URL: "", ALPHASCOPE_DATA_DIR: "/srv/pg", ALPHASCOPE_PG_PORT: "6000" };
    expect(databaseSettingsFromEnv(env)).toEqual({ databaseUrl: null, dataDir: "/srv/pg", port: 6000 });
    expect(databaseSettingsFromEnv({ DATABASE_URL: "postgresql://x/y" }).databaseUrl).toBe(
      "postgresql://x/y",
    );
  });

  it("rejects a port that is not a port", () => {
    expect(() => databaseSettingsFromEnv({ ALPHASCOPE_PG_PORT: "http" })).toThrow(/ALPHASCOPE_PG_PORT/);
  });
});

describe("openDatabase", () => {
  it("uses DATABASE_URL as given and never stops that server", async () => {
    const database = await openDatabase({ databaseUrl: testDatabaseUrl(), dataDir: "/nonexistent", port: 1 });
    expect(database).toMatchObject({ url: testDatabaseUrl(), source: "DATABASE_URL", ownsServer: false });
    expect(database.migrationsApplied).toEqual([]);
    await database.close();
    expect(await findRunningServer(inject("embeddedDataDir"), "alphascope")).toBe(inject("embeddedUrl"));
  });

  it("connects to the embedded server another process is running instead of starting one", async () => {
    const database = await openDatabase({
      databaseUrl: null,
      dataDir: inject("embeddedDataDir"),
      port: inject("embeddedPort"),
    });
    expect(database).toMatchObject({
      url: inject("embeddedUrl"),
      source: "embedded (already running)",
      ownsServer: false,
    });
    await database.close();
    expect(await findRunningServer(inject("embeddedDataDir"), "alphascope")).toBe(inject("embeddedUrl"));
  });

  it("starts, migrates and stops its own embedded server in a new data directory", async () => {
    const parent = mkdtempSync(join(tmpdir(), "alphascope-open-"));
    // As root the server runs as the user postgres, which must be able to reach the data directory.
    chmodSync(parent, 0o755);
    const dataDir = join(parent, "pg");
    const signalListeners = process.listenerCount("SIGINT") + process.listenerCount("SIGTERM");
    try {
      const settings = { databaseUrl: null, dataDir, port: await freePort() };
      const owner = await openDatabase(settings);
      expect(owner).toMatchObject({ source: "embedded (started)", ownsServer: true });
      expect(owner.migrationsApplied).toEqual((await readMigrations()).map((migration) => migration.name));
      expect(process.listenerCount("SIGINT") + process.listenerCount("SIGTERM")).toBe(signalListeners);

      const second = await openDatabase(settings);
      expect(second).toMatchObject({ url: owner.url, ownsServer: false, migrationsApplied: [] });
      await second.close();

      await owner.close();
      expect(await findRunningServer(dataDir, "alphascope")).toBeNull();
      expect(existsSync(join(dataDir, "postmaster.pid"))).toBe(false);
      expect(existsSync(join(dataDir, "PG_VERSION"))).toBe(true);
    } finally {
      rmSync(parent, { recursive: true, force: true });
    }
  });
});
