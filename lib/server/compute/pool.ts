import { availableParallelism } from "node:os";
import { join } from "node:path";
import Piscina from "piscina";
import { awayFromEventLoop } from "../admission";
import { positiveIntegerSetting } from "../envSetting";
import { ApiError, BusyError } from "../errors";
import type { ComputeOutcome, ComputeTask } from "./task";

/**
 * The thread entry, found from the working directory: the Next server runs bundled code whose own
 * location says nothing about where lib/ is, and `npm start` runs it from the repository.
 */
export const THREAD_FILE = join(process.cwd(), "lib/server/compute/thread.mjs");

/** Threads for request-time computations; a worker process computes the stored statistics meanwhile. */
const THREADS = positiveIntegerSetting("ALPHASCOPE_COMPUTE_THREADS", Math.max(1, availableParallelism() - 1));
/** Requests that may wait for a thread; beyond that the server answers 503 at once. */
const QUEUE = positiveIntegerSetting("ALPHASCOPE_COMPUTE_QUEUE", 16);

let pool: Piscina<ComputeTask, ComputeOutcome> | null = null;

/** The pool, started on first use (its threads stay up for 5 idle minutes). */
function computePool(): Piscina<ComputeTask, ComputeOutcome> {
  pool ??= new Piscina({
    filename: THREAD_FILE,
    minThreads: 0,
    maxThreads: THREADS,
    maxQueue: QUEUE,
    idleTimeout: 5 * 60_000,
  });
  return pool;
}

/** The server is busy: every compute thread is taken and the queue is full. */
export class ComputeBusyError extends BusyError {
  constructor() {
    super("The server is busy with other computations; try again in a moment.");
    this.name = "ComputeBusyError";
  }
}

/**
 * Refuses (503 `busy`) a computation the pool has no room for, before the request reads or parses
 * anything for it: under a burst, the refused requests then cost the event loop nothing.
 */
export function requireComputeCapacity(): void {
  if (pool !== null && pool.queueSize >= QUEUE) throw new ComputeBusyError();
}

/**
 * Runs a CPU-heavy request computation (an ensemble on 5 000 problems: tens to hundreds of ms) in a
 * worker thread, so the event loop keeps answering every other request meanwhile. A 400 raised in
 * the thread is rethrown as such; a full queue is a {@link ComputeBusyError}.
 */
export async function computeOffThread<T>(task: ComputeTask): Promise<T> {
  let outcome: ComputeOutcome;
  try {
    outcome = await awayFromEventLoop(() => computePool().run(task));
  } catch (error) {
    if (error instanceof Error && error.message === "Task queue is at limit") throw new ComputeBusyError();
    throw error;
  }
  if (!outcome.ok) throw new ApiError(outcome.status, outcome.code, outcome.message);
  return outcome.value as T;
}
