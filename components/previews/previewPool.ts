import { join } from "node:path";
import Piscina from "piscina";
import { awayFromEventLoop } from "@/lib/server/admission";
import { ComputeBusyError } from "@/lib/server/compute/pool";
import { registerQueueRefusal } from "@/lib/server/queueRefusals";
import type { PreviewTask } from "./previewThread";

/** Found from the working directory, as the compute pool's thread is (`npm start` runs from the repository). */
const THREAD_FILE = join(process.cwd(), "components/previews/previewThread.mjs");

/** Previews waiting for the thread; beyond that a request is answered 503 `busy` at once. */
const QUEUE = 8;

let pool: Piscina<PreviewTask, Uint8Array<ArrayBuffer>> | null = null;

/**
 * Refuses (503 `busy`) a preview when the thread's queue is full, before the request reads or
 * computes anything: in a burst of new links most requests are refused, and each refusal that first
 * read the stored frontier from the database and routed the view kept the event loop from the
 * requests it could answer (`/api/health` among them; docs/performance.md, "Bursts"). A render
 * cached already is refused too while the queue is full; the client asks again after Retry-After.
 */
export function requirePreviewCapacity(): void {
  const refusal = previewRefusal();
  if (refusal) throw refusal;
}

function previewRefusal(): ComputeBusyError | null {
  return pool !== null && pool.queueSize >= QUEUE ? new ComputeBusyError() : null;
}

/**
 * Renders a link-preview PNG in its own thread: an image takes about a second of CPU (seconds for
 * the first, while the renderer's WebAssembly compiles), which must not stall the event loop that
 * answers every other request. One thread, a short queue: link unfurls are rare and cached.
 */
export async function renderPreviewOffThread(task: PreviewTask): Promise<Uint8Array<ArrayBuffer>> {
  pool ??= new Piscina({
    filename: THREAD_FILE,
    minThreads: 0,
    maxThreads: 1,
    maxQueue: QUEUE,
    idleTimeout: 60_000,
  });
  // scripts/serve.ts refuses the same way, before Next's router (lib/server/queueRefusals.ts).
  registerQueueRefusal("preview", {
    path: /^\/api\/experiments\/[^/]+\/preview\.png$/,
    refusal: previewRefusal,
  });
  try {
    const running = pool;
    return new Uint8Array(await awayFromEventLoop(() => running.run(task)));
  } catch (error) {
    if (error instanceof Error && error.message === "Task queue is at limit") throw new ComputeBusyError();
    throw error;
  }
}
