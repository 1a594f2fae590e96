import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations, MIGRATIONS_DIR, MigrationHistoryError, readMigrations } from "../../lib/db/migrate";
import { testDatabaseUrl } from "./db";

const admin = new pg.Client({ connectionString: testDatabaseUrl() });
let databases = 0;

/** A new empty database on the test server. */
async function freshDatabase(): Promise<string> {
  databases += 1;
  const name = `migrate_test_${databases}`;
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(testDatabaseUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

/** A copy of prisma/migrations to tamper with. */
function migrationsCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), "alphascope-migrations-"));
  cpSync(MIGRATIONS_DIR, dir, { recursive: true });
  return dir;
}

beforeAll(() => admin.connect());
afterAll(() => admin.end());

describe("applyMigrations", () => {
  it("applies every migration once and does nothing on a second run", async () => {
    const url = await freshDatabase();
    const names = (await readMigrations()).map((migration) => migration.name);
    expect(await applyMigrations(url)).toEqual(names);
    expect(await applyMigrations(url)).toEqual([]);
    const rows = await query<{ migration_name: string }>(
      url,
      `SELECT migration_name FROM "_prisma_migrations"`,
    );
    expect(rows.map((row) => row.migration_name)).toEqual(names);
  });

  it("records the sha256 of migration.sql as its checksum", async () => {
    const url = await freshDatabase();
    await applyMigrations(url);
    const migrations = await readMigrations();
    const rows = await query<{ checksum: string }>(
      url,
      `SELECT checksum FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    for (const migration of migrations) expect(migration.checksum).toMatch(/^[0-9a-f]{64}$/);
    expect(rows).toEqual(migrations.map((migration) => ({ checksum: migration.checksum })));
  });

  it("lets two concurrent runs apply each migration exactly once", async () => {
    const url = await freshDatabase();
    const [one, two] = await Promise.all([applyMigrations(url), applyMigrations(url)]);
    const names = (await readMigrations()).map((migration) => migration.name);
    expect([...one, ...two].sort()).toEqual(names);
    const rows = await query<{ count: number }>(
      url,
      `SELECT count(*)::int AS count FROM "_prisma_migrations"`,
    );
    expect(rows).toEqual([{ count: names.length }]);
  });

  it("refuses to run when an applied migration's file has changed", async () => {
    const url = await freshDatabase();
    await applyMigrations(url);
    const dir = migrationsCopy();
    try {
      const [first] = await readMigrations(dir);
      writeFileSync(join(dir, first.name, "migration.sql"), `${first.sql}\n-- edited\n`);
      await expect(applyMigrations(url, dir)).rejects.toThrow(MigrationHistoryError);
      await expect(applyMigrations(url, dir)).rejects.toThrow(/was modified after it was applied/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("applies a new migration after the applied ones, and rolls back one that fails", async () => {
    const url = await freshDatabase();
    await applyMigrations(url);
    const dir = migrationsCopy();
    try {
      mkdirSync(join(dir, "29990101000000_broken"));
      writeFileSync(
        join(dir, "29990101000000_broken", "migration.sql"),
        'CREATE TABLE "half_done" ("id" INTEGER);\nSELECT no_such_function();\n',
      );
      await expect(applyMigrations(url, dir)).rejects.toThrow(
        /29990101000000_broken failed and was rolled back/,
      );
      const tables = await query(
        url,
        `SELECT 1 FROM information_schema.tables WHERE table_name = 'half_done'`,
      );
      expect(tables).toEqual([]);
      const rows = await query(url, `SELECT 1 FROM "_prisma_migrations" WHERE migration_name LIKE '%broken'`);
      expect(rows).toEqual([]);

      writeFileSync(
        join(dir, "29990101000000_broken", "migration.sql"),
        'CREATE TABLE "later" ("id" INTEGER);\n',
      );
      expect(await applyMigrations(url, dir)).toEqual(["29990101000000_broken"]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("refuses to run over a migration that Prisma left half-applied", async () => {
    const url = await freshDatabase();
    await applyMigrations(url);
    await query(url, `UPDATE "_prisma_migrations" SET finished_at = NULL`);
    await expect(applyMigrations(url)).rejects.toThrow(/started but never finished/);
  });
});
