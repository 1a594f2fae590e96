import { LRUCache } from "lru-cache";
import type { Db } from "../../db/client";
import { loadSweepMatrix } from "../../db/queries/sweep";
import type { StatisticKind } from "../../responses/statisticKinds";
import type { StatisticBody } from "../../responses/statisticPayloads";
import { computeOffThread } from "../compute/pool";
import { versionToRead } from "../versions";

/** One kind of an old version, as that version stored and served it. */
export type VersionPayload = Omit<StatisticBody, "kind">;

/**
 * Bodies of old versions, by experiment, version and kind: a version's content never changes, so an
 * entry needs no invalidation. Bounded in bytes (UTF-16 length × 2) like the current versions' cache.
 */
const versionPayloads = new LRUCache<string, VersionPayload>({
  maxSize: 16 * 2 ** 20,
  sizeCalculation: (entry) => Math.max(1, entry.payload.length * 2),
});

/** Computations under way, so that a burst of reads of one old version computes it once. */
const computing = new Map<string, Promise<VersionPayload>>();

/**
 * One kind of an old version of an experiment, computed on demand from that version's checkpoints
 * (loaded here, computed in a compute-pool thread, never on the request thread) with the header
 * and content id it was served with: the body that version stored, byte for byte.
 */
export function oldVersionPayload(
  db: Db,
  read: { experimentId: number; slug: string; versionId: number; kind: StatisticKind },
): Promise<VersionPayload> {
  const key = `${read.experimentId}:${read.versionId}:${read.kind}`;
  const cached = versionPayloads.get(key);
  if (cached) return Promise.resolve(cached);
  let pending = computing.get(key);
  if (!pending) {
    pending = (async () => {
      const { version } = await versionToRead(db, read.slug, read.versionId);
      const sweep = await loadSweepMatrix(db, read.slug, version);
      if (!sweep) throw new Error(`Experiment "${read.slug}" vanished while its version was read.`);
      const { status, payload } = await computeOffThread<StatisticBody>({
        type: "version-statistic",
        kind: read.kind,
        version: version.contentVersion,
        sweep,
      });
      const entry = { status, payload };
      versionPayloads.set(key, entry);
      return entry;
    })().finally(() => computing.delete(key));
    computing.set(key, pending);
  }
  return pending;
}
