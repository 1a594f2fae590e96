import type { Db } from "../db/client";
import { getExperimentDetail, getExperimentList, getFrontierData } from "./experiments";

type Log = (line: string) => void;

/**
 * Computes every experiment's explorer data (scores and bootstrap intervals) into the server's
 * cache, so that the first visit to a large experiment does not wait for it. Failures are logged,
 * never thrown: a cold cache only makes the first visit slower.
 */
export async function warmExplorerCache(db: Db, log: Log = console.log): Promise<void> {
  const started = performance.now();
  const experiments = await getExperimentList(db).catch((error: unknown) => {
    log(`Explorer cache not warmed: ${describe(error)}`);
    return [];
  });
  for (const { slug } of experiments) await warmExperiment(db, slug, log);
  if (experiments.length > 0) {
    const ms = Math.round(performance.now() - started);
    log(`Explorer cache warmed for ${experiments.length} experiment(s) in ${ms} ms.`);
  }
}

/** Computes one experiment's explorer data into the cache; logs instead of throwing. */
export async function warmExperiment(db: Db, slug: string, log: Log = console.log): Promise<void> {
  try {
    await getExperimentDetail(db, slug);
    await getFrontierData(db, slug);
  } catch (error) {
    log(`Explorer cache not warmed for "${slug}": ${describe(error)}`);
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
