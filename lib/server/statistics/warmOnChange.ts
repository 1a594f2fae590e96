import type { Db } from "../../db/client";
import { type DataChangeListener, listenForDataChanges } from "../../db/dataChangeListener";
import { READS, readStoredResponse } from "./read";

/** What the first explorer view after an import reads (the page: the frontier), and the detail. */
const WARMED_READS = [READS.frontier, READS.detail];

const globalForWarming = globalThis as typeof globalThis & { alphascopeWarming?: DataChangeListener };

/**
 * Once per server process: listens for commits that change an experiment (an import through any
 * server or the CLI, a worker storing intervals) and reads that experiment's explorer reads right
 * away, so that the first view after an import finds its version and bodies in memory like any
 * later one. Only a head start: a read never waits for a notification (see currentDataChange).
 */
export function warmOnDataChanges(db: Db, listenUrl: string): void {
  if (globalForWarming.alphascopeWarming) return;
  const pending = new Set<string>();
  let draining = false;
  const drain = async () => {
    draining = true;
    for (const slug of pending) {
      pending.delete(slug);
      // A failed warm-up is only a miss for the next reader, who gets the error if it persists.
      for (const read of WARMED_READS) await readStoredResponse(db, slug, read).catch(() => undefined);
    }
    draining = false;
  };
  globalForWarming.alphascopeWarming = listenForDataChanges(listenUrl, (slug) => {
    if (slug === "") return;
    pending.add(slug);
    if (!draining) void drain();
  });
}
