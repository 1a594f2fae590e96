import { createHash } from "node:crypto";
import type { Db } from "../db/client";
import { type InsertSweepResult, insertSweep } from "../db/queries/insertSweep";
import { generateDemoSweep } from "../demo/generate";
import { DEFAULT_DEMO_OPTIONS, type DemoOptions } from "../demo/options";

/**
 * Generates the synthetic demo sweep and stores it, replacing an earlier copy (the generator is
 * deterministic, so loading twice leaves the same data). Recorded in import_batches with source
 * "demo" and the hash of the generator options.
 */
export function loadDemoSweep(db: Db, options: Partial<DemoOptions> = {}): Promise<InsertSweepResult> {
  const resolved: DemoOptions = { ...DEFAULT_DEMO_OPTIONS, ...options };
  const optionsJson = JSON.stringify(resolved);
  return insertSweep(db, generateDemoSweep(resolved), {
    ifExists: "replace",
    importRecord: {
      source: "demo",
      fileName: "generateDemoSweep()",
      format: "demo",
      contentHash: createHash("sha256").update(optionsJson).digest("hex"),
      summary: { generator: "lib/demo/generate.ts", options: JSON.parse(optionsJson) },
    },
  });
}
