import { readFileSync } from "node:fs";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabaseUrl } from "./db";
import { type ExpectedForeignKey, type ExpectedTable, expectedTables } from "./prismaSchema";

interface ColumnRow {
  table_name: string;
  column_name: string;
  data_type: string;
  is_nullable: "YES" | "NO";
  datetime_precision: number | null;
}

interface IndexRow {
  table_name: string;
  is_primary: boolean;
  is_unique: boolean;
  columns: string[];
}

interface ForeignKeyRow {
  table_name: string;
  columns: string[];
  referenced_table: string;
  referenced_columns: string[];
  on_delete: string;
  on_update: string;
}

const ACTIONS: Record<string, string> = {
  a: "NO ACTION",
  r: "RESTRICT",
  c: "CASCADE",
  n: "SET NULL",
  d: "SET DEFAULT",
};

const byKey = (a: string[], b: string[]) => a.join().localeCompare(b.join());
const foreignKeyOrder = (a: ExpectedForeignKey, b: ExpectedForeignKey) => byKey(a.columns, b.columns);

/** Reads the migrated database into the same shape the schema parser produces. */
async function actualTables(client: pg.Client): Promise<ExpectedTable[]> {
  const columns = await client.query<ColumnRow>(
    `SELECT table_name, column_name, data_type, is_nullable, datetime_precision
     FROM information_schema.columns WHERE table_schema = 'public' ORDER BY table_name, ordinal_position`,
  );
  // Expression indexes (the list's lower-cased sorts) are beyond schema.prisma's language.
  const indexes = await client.query<IndexRow>(
    `SELECT t.relname AS table_name, i.indisprimary AS is_primary, i.indisunique AS is_unique,
       array_agg(a.attname::text ORDER BY k.ord) AS columns
     FROM pg_index i
     JOIN pg_class t ON t.oid = i.indrelid
     JOIN pg_namespace n ON n.oid = t.relnamespace
     CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)
     JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
     WHERE n.nspname = 'public' AND i.indexprs IS NULL
     GROUP BY t.relname, i.indexrelid, i.indisprimary, i.indisunique`,
  );
  const foreignKeys = await client.query<ForeignKeyRow>(
    `SELECT t.relname AS table_name, r.relname AS referenced_table,
       confdeltype::text AS on_delete, confupdtype::text AS on_update,
       (SELECT array_agg(a.attname::text ORDER BY k.ord) FROM unnest(c.conkey) WITH ORDINALITY AS k(attnum, ord)
          JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum) AS columns,
       (SELECT array_agg(a.attname::text ORDER BY k.ord) FROM unnest(c.confkey) WITH ORDINALITY AS k(attnum, ord)
          JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.attnum) AS referenced_columns
     FROM pg_constraint c
     JOIN pg_class t ON t.oid = c.conrelid
     JOIN pg_class r ON r.oid = c.confrelid
     JOIN pg_namespace n ON n.oid = t.relnamespace
     WHERE c.contype = 'f' AND n.nspname = 'public'`,
  );
  const names = [...new Set(columns.rows.map((row) => row.table_name))].filter(
    (name) => name !== "_prisma_migrations",
  );
  return names.map((name) => {
    const tableIndexes = indexes.rows.filter((row) => row.table_name === name);
    return {
      name,
      columns: columns.rows
        .filter((row) => row.table_name === name)
        .map((row) => ({
          name: row.column_name,
          type: row.data_type.startsWith("timestamp")
            ? `${row.data_type}(${row.datetime_precision})`
            : row.data_type,
          nullable: row.is_nullable === "YES",
        })),
      primaryKey: tableIndexes.find((row) => row.is_primary)?.columns ?? [],
      uniques: tableIndexes.filter((row) => row.is_unique && !row.is_primary).map((row) => row.columns),
      indexes: tableIndexes.filter((row) => !row.is_unique).map((row) => row.columns),
      foreignKeys: foreignKeys.rows
        .filter((row) => row.table_name === name)
        .map((row) => ({
          columns: row.columns,
          referencedTable: row.referenced_table,
          referencedColumns: row.referenced_columns,
          onDelete: ACTIONS[row.on_delete],
          onUpdate: ACTIONS[row.on_update],
        })),
    };
  });
}

/** Order-independent form: tables by name, columns by name, key lists sorted. */
function normalize(tables: ExpectedTable[]) {
  return [...tables]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((table) => ({
      ...table,
      columns: [...table.columns].sort((a, b) => a.name.localeCompare(b.name)),
      uniques: [...table.uniques].sort(byKey),
      indexes: [...table.indexes].sort(byKey),
      foreignKeys: [...table.foreignKeys].sort(foreignKeyOrder),
    }));
}

describe("the migrated database", () => {
  const client = new pg.Client({ connectionString: testDatabaseUrl() });
  const schema = readFileSync("prisma/schema.prisma", "utf8");

  beforeAll(() => client.connect());
  afterAll(() => client.end());

  it("has exactly the tables, columns, types, nullability, keys and indexes of schema.prisma", async () => {
    const expected = expectedTables(schema);
    expect(expected.map((table) => table.name).sort()).toEqual([
      "api_tokens",
      "audit_events",
      "checkpoints",
      "data_changes",
      "experiment_shares",
      "experiment_statistics",
      "experiment_versions",
      "experiments",
      "import_batches",
      "problems",
      "results",
      "saved_views",
      "sessions",
      "snapshots",
      "studies",
      "users",
    ]);
    expect(normalize(await actualTables(client))).toEqual(normalize(expected));
  });

  it("records every migration the way Prisma does", async () => {
    const { rows } = await client.query(
      `SELECT migration_name, length(checksum) AS checksum_length, finished_at IS NOT NULL AS finished,
         rolled_back_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    const applied = { checksum_length: 64, finished: true, rolled_back_at: null, applied_steps_count: 1 };
    expect(rows).toEqual([
      { migration_name: expect.stringMatching(/^\d{14}_init$/), ...applied },
      { migration_name: expect.stringMatching(/^\d{14}_statistics$/), ...applied },
      { migration_name: expect.stringMatching(/^\d{14}_data_changes$/), ...applied },
      { migration_name: expect.stringMatching(/^\d{14}_sharing$/), ...applied },
      { migration_name: expect.stringMatching(/^\d{14}_studies$/), ...applied },
      { migration_name: expect.stringMatching(/^\d{14}_experiment_trash$/), ...applied },
      { migration_name: expect.stringMatching(/^\d{14}_experiment_list$/), ...applied },
      { migration_name: expect.stringMatching(/^\d{14}_cluster_by$/), ...applied },
      { migration_name: expect.stringMatching(/^\d{14}_study_snapshots$/), ...applied },
      { migration_name: expect.stringMatching(/^\d{14}_trained_checkpoints$/), ...applied },
      { migration_name: expect.stringMatching(/^\d{14}_users$/), ...applied },
      { migration_name: expect.stringMatching(/^\d{14}_sessions$/), ...applied },
      { migration_name: expect.stringMatching(/^\d{14}_account_audit$/), ...applied },
      { migration_name: expect.stringMatching(/^\d{14}_experiment_shares$/), ...applied },
      { migration_name: expect.stringMatching(/^\d{14}_public_snapshots$/), ...applied },
      { migration_name: expect.stringMatching(/^\d{14}_experiment_versions$/), ...applied },
      { migration_name: expect.stringMatching(/^\d{14}_list_data_changes$/), ...applied },
      { migration_name: expect.stringMatching(/^\d{14}_experiment_search_text$/), ...applied },
    ]);
  });

  it("has the job queue's own schema beside public, with its add_job function", async () => {
    const { rows } = await client.query(
      `SELECT n.nspname AS schema FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
       WHERE p.proname = 'add_job'`,
    );
    expect(rows).toEqual([{ schema: "graphile_worker" }]);
  });
});
