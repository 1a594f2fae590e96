import Piscina from "piscina";
import type { StatisticKind } from "../../responses/statisticKinds";
import type { LoadedSweep, StatisticBody } from "../../responses/statisticPayloads";
import { THREAD_FILE } from "../compute/pool";
import type { ComputeOutcome, ComputeTask } from "../compute/task";

let pool: Piscina<ComputeTask, ComputeOutcome> | null = null;

function statisticsPool(minThreads: number): Piscina<ComputeTask, ComputeOutcome> {
  pool ??= new Piscina({ filename: THREAD_FILE, minThreads, maxThreads: 1, idleTimeout: 5 * 60_000 });
  return pool;
}

/**
 * Starts the job's thread now and keeps it (the statistics worker, as it starts): loading the
 * thread's code takes a second or more, which the first job would otherwise wait for.
 */
export function startStatisticsThread(): void {
  statisticsPool(1);
}

/**
 * Computes one kind's body in the statistics job's own thread (the compute pool's thread code, in a
 * pool of one thread apart from the web server's, whose threads answer requests), so that the job
 * uses a second core: the curves' bands there while this thread computes the frontier and the
 * claims. The thread stays up for 5 idle minutes (always, once startStatisticsThread started it).
 */
export async function statisticOffThread(
  kind: StatisticKind,
  version: string,
  sweep: LoadedSweep,
): Promise<StatisticBody> {
  const outcome = await statisticsPool(0).run({ type: "version-statistic", kind, version, sweep });
  if (!outcome.ok) throw new Error(`computing ${kind} failed: ${outcome.message}`);
  return outcome.value as StatisticBody;
}
