import { readlinkSync } from "node:fs";
import { setPriority } from "node:os";

/**
 * The niceness of background CPU work (the statistics worker, the compute and preview threads): on a
 * machine shared with the web server's event loop, requests come first. At 10 the kernel gives a
 * nice-0 thread about ten times the CPU share of a busy nice-10 one.
 */
export const BACKGROUND_NICENESS = 10;

/**
 * Lowers the calling thread's scheduling priority to BACKGROUND_NICENESS. On Linux a thread has its
 * own nice value, and setpriority() given a thread id changes that thread alone, so the Next
 * server's worker threads can yield to its event loop. Elsewhere (no /proc/thread-self) nothing
 * changes: the threads still keep the loop free; they just compete with it for the cores.
 */
export function lowerThisThreadPriority(): void {
  let threadId: number;
  try {
    threadId = Number(readlinkSync("/proc/thread-self").split("/").pop());
  } catch {
    return;
  }
  if (Number.isInteger(threadId) && threadId > 0) setPriority(threadId, BACKGROUND_NICENESS);
}
