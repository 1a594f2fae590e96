import { expect } from "vitest";
import { runCli } from "../../lib/cli/main";
import { findRunningServer } from "../../lib/db/embeddedPostgres";
import type { RunningApp } from "../../scripts/support/server";

/**
 * Points this test process's CLI at `app`'s embedded database, as an operator on the server would
 * work; returns a function that points it back.
 */
export async function useAppDatabase(app: RunningApp): Promise<() => void> {
  const saved = process.env.DATABASE_URL;
  const url = await findRunningServer(app.dataDir, "alphascope");
  if (!url) throw new Error("The app's embedded PostgreSQL is not reachable.");
  process.env.DATABASE_URL = url;
  return () => {
    process.env.DATABASE_URL = saved;
  };
}

/** Runs one CLI command (it must succeed) and returns what it printed on stdout. */
export async function cli(...argv: string[]): Promise<string> {
  const out: string[] = [];
  const code = await runCli(argv, { out: (text) => out.push(text), err: () => {} });
  expect(code, argv.join(" ")).toBe(0);
  return out.join("\n");
}
