import type { ApiError } from "./errors";

/*
 * Routes whose work waits for a thread with a bounded queue, and the refusal each gives while that
 * queue is full, so that scripts/serve.ts refuses them before Next's router: in a burst of link
 * unfurls nearly every preview request is refused (1 179 of 1 252 in `npm run bench:serve`), and
 * each refusal that went through Next's routing and web streams kept the event loop from the
 * requests it could answer, /api/health among them (docs/performance.md, "Bursts"). The route
 * checks the same way (it also runs without serve.ts).
 */

/** A route's refusal while its thread's queue is full: the error to answer, or null when there is room. */
export interface QueueRefusal {
  /** The route's path, e.g. /^\/api\/experiments\/[^/]+\/preview\.png$/. */
  path: RegExp;
  refusal: () => ApiError | null;
}

/** The registered refusals, on globalThis: Next bundles this module apart from scripts/serve.ts. */
const shared = globalThis as typeof globalThis & { alphascopeQueueRefusals?: Map<string, QueueRefusal> };

/** Registers (or replaces, by `name`) a route's refusal; done when its thread pool is made. */
export function registerQueueRefusal(name: string, entry: QueueRefusal): void {
  shared.alphascopeQueueRefusals ??= new Map();
  shared.alphascopeQueueRefusals.set(name, entry);
}

/** The refusal of a GET or HEAD request to a route whose queue is full now, else null. */
export function queueRefusal(method: string, url: string): ApiError | null {
  if ((method !== "GET" && method !== "HEAD") || !shared.alphascopeQueueRefusals) return null;
  const path = url.split("?")[0];
  for (const entry of shared.alphascopeQueueRefusals.values())
    if (entry.path.test(path)) return entry.refusal();
  return null;
}
