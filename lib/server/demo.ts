import { createHash } from "node:crypto";
import type { Db } from "../db/client";
import { countExperiments } from "../db/queries/experiments";
import { type ImportSource, type InsertSweepResult, insertSweep } from "../db/queries/insertSweep";
import { getExperimentHeader } from "../db/queries/sweep";
import { DEMO_EXPERIMENT_SLUG } from "../demo/experiment";
import { generateDemoSweep } from "../demo/generate";
import { DEFAULT_DEMO_OPTIONS } from "../demo/options";

export type DemoLoad = { loaded: true; result: InsertSweepResult } | { loaded: false; reason: string };

/** Generates the synthetic demo sweep and stores it, unless an experiment with its slug exists. */
export async function loadDemoSweep(db: Db, source: ImportSource): Promise<DemoLoad> {
  if (await getExperimentHeader(db, DEMO_EXPERIMENT_SLUG)) {
    return { loaded: false, reason: `the demo experiment "${DEMO_EXPERIMENT_SLUG}" is already stored` };
  }
  const options = DEFAULT_DEMO_OPTIONS;
  const result = await insertSweep(db, generateDemoSweep(options), {
    importRecord: {
      source,
      fileName: "synthetic demo generator",
      format: "demo",
      contentHash: createHash("sha256").update(JSON.stringify(options)).digest("hex"),
      summary: { synthetic: true, seed: options.seed },
    },
  });
  return { loaded: true, result };
}

/** On start: an empty database (no experiment at all) gets the demo sweep, so there is something to explore. */
export async function loadDemoIfEmpty(db: Db): Promise<DemoLoad> {
  if ((await countExperiments(db)) > 0)
    return { loaded: false, reason: "the database already holds experiments" };
  return loadDemoSweep(db, "demo");
}
