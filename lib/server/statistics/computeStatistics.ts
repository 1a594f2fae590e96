import type { Db } from "../../db/client";
import type { Prisma } from "../../db/generated/prisma/client";
import { experimentVersion } from "../../db/queries/experiments";
import { dropObsoleteStatistics, storedStatisticKinds, storeStatistics } from "../../db/queries/statistics";
import { loadSweepMatrix } from "../../db/queries/sweep";
import { DIFFICULTY_SLICES } from "../../domain/difficulty";
import { INTERVAL_KINDS, POINT_KINDS, passAtKKind, type StatisticKind } from "../../responses/statisticKinds";
import { type LoadedSweep, type StatisticBody, statisticBody } from "../../responses/statisticPayloads";
import { statisticOffThread } from "./statisticsThread";

/** What a compute_statistics job is about: one version of one experiment. */
export interface StatisticsJob {
  experimentId: number;
  version: string;
}

export interface StatisticsOutcome {
  /** "stale" when the experiment was deleted or has a newer version: nothing was computed. */
  status: "done" | "stale";
  slug: string | null;
  /** The kinds this run computed and stored, in ALL_KINDS order (empty when another run had stored them all). */
  computed: StatisticKind[];
  /** Wall time of loading the results, and of computing and storing every kind. */
  loadMs: number;
  computeMs: number;
  /** Wall time of computing and storing each kind this run computed, in the order stored. */
  kindMs: { kind: StatisticKind; ms: number }[];
}

/** Every kind a version has once its job is done: the import's kinds first, then the intervals. */
export const ALL_KINDS: readonly StatisticKind[] = [...POINT_KINDS, ...INTERVAL_KINDS];

/** Bootstrap intervals of a large sweep take seconds; Prisma's 5 s default is too tight. */
const TRANSACTION_TIMEOUT_MS = 600_000;

function missingKinds(stored: Set<string>): StatisticKind[] {
  return ALL_KINDS.filter((kind) => !stored.has(kind));
}

/** The version's results, read in one snapshot that also shows the version is still current. */
async function loadVersion(db: Db, job: StatisticsJob, slug: string): Promise<LoadedSweep | null> {
  return db.$transaction(
    async (tx) => {
      const current = await experimentVersion(tx, job.experimentId);
      if (current?.version !== job.version) return null;
      return loadSweepMatrix(tx, slug);
    },
    { isolationLevel: "RepeatableRead", timeout: TRANSACTION_TIMEOUT_MS, maxWait: TRANSACTION_TIMEOUT_MS },
  );
}

/**
 * Stores one kind's body unless it is there already, holding the experiment's statistics lock (a
 * second run of the same version waits here, then finds the kind stored and skips it). False when
 * the version is no longer current.
 */
async function storeKind(
  db: Db,
  job: StatisticsJob,
  body: StatisticBody,
): Promise<"stored" | "skipped" | "stale"> {
  return db.$transaction(
    async (tx: Prisma.TransactionClient) => {
      await tx.$executeRawUnsafe(
        "SELECT pg_advisory_xact_lock(hashtext('alphascope:statistics'), $1::int)",
        job.experimentId,
      );
      const current = await experimentVersion(tx, job.experimentId);
      if (current?.version !== job.version) return "stale";
      if ((await storedStatisticKinds(tx, job.experimentId, job.version)).has(body.kind)) return "skipped";
      await storeStatistics(tx, job.experimentId, job.version, [body]);
      return "stored";
    },
    { timeout: TRANSACTION_TIMEOUT_MS, maxWait: TRANSACTION_TIMEOUT_MS },
  );
}

/**
 * The kinds computed in the job's own thread (statisticOffThread) while this one computes the rest:
 * the bands of all problems and of the easy and medium ones. They read nothing the others compute
 * (the frontier's bootstrap, which the claims reuse, stays on this thread), and with the hard
 * problems' bands on this thread the two threads' shares of a large sweep's work are about equal
 * (docs/performance.md).
 */
const THREAD_KINDS: ReadonlySet<StatisticKind> = new Set(
  DIFFICULTY_SLICES.filter((slice) => slice !== "hard").map((slice) => passAtKKind(slice, true)),
);

/**
 * The compute_statistics task: stores every kind the version is missing, each in its own
 * transaction as soon as it is computed (the frontier's intervals and the bands first, on two
 * threads, so the explorer has them as soon as possible).
 * Idempotent: a version with everything stored costs two small queries. A version that is no longer
 * current (deleted, or re-imported meanwhile) is skipped: its successor has its own job. Errors
 * propagate, for the queue to retry.
 */
export async function computeStatistics(db: Db, job: StatisticsJob): Promise<StatisticsOutcome> {
  const outcome: StatisticsOutcome = {
    status: "done",
    slug: null,
    computed: [],
    loadMs: 0,
    computeMs: 0,
    kindMs: [],
  };
  const current = await experimentVersion(db, job.experimentId);
  if (current?.version !== job.version) return { ...outcome, status: "stale" };
  outcome.slug = current.slug;
  const missing = missingKinds(await storedStatisticKinds(db, job.experimentId, job.version));
  if (missing.length === 0) return outcome;

  const loadStarted = performance.now();
  const sweep = await loadVersion(db, job, current.slug);
  outcome.loadMs = performance.now() - loadStarted;
  if (!sweep) return { ...outcome, status: "stale" };
  const computeStarted = performance.now();
  let stale = false;
  // Two lanes, each storing a kind as soon as it is computed, in INTERVAL_KINDS order (the
  // frontier's intervals and the bands first). A kind stored meanwhile (by another run) is not
  // computed; one computed by two runs at once is stored once (the same body: fixed seeds).
  const lane = async (kinds: StatisticKind[], compute: (kind: StatisticKind) => Promise<StatisticBody>) => {
    for (const kind of kinds) {
      if (stale) return;
      if ((await storedStatisticKinds(db, job.experimentId, job.version)).has(kind)) continue;
      const kindStarted = performance.now();
      const result = await storeKind(db, job, await compute(kind));
      if (result === "stale") stale = true;
      if (result === "stored") {
        outcome.computed.push(kind);
        outcome.kindMs.push({ kind, ms: performance.now() - kindStarted });
      }
    }
  };
  await Promise.all([
    lane(
      missing.filter((kind) => THREAD_KINDS.has(kind)),
      (kind) => statisticOffThread(kind, job.version, sweep),
    ),
    lane(
      missing.filter((kind) => !THREAD_KINDS.has(kind)),
      // A macrotask first: the other lane's stores run between this thread's kinds.
      async (kind) => {
        await new Promise((resolve) => setImmediate(resolve));
        return statisticBody(kind, job.version, sweep);
      },
    ),
  ]);
  // In ALL_KINDS order, whichever lane stored first.
  outcome.computed.sort((a, b) => ALL_KINDS.indexOf(a) - ALL_KINDS.indexOf(b));
  if (stale) return { ...outcome, status: "stale", computeMs: performance.now() - computeStarted };
  await dropObsoleteStatistics(db, job.experimentId, ALL_KINDS);
  outcome.computeMs = performance.now() - computeStarted;
  return outcome;
}
