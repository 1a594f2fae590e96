import { AsyncLocalStorage } from "node:async_hooks";
import { positiveIntegerSetting } from "./envSetting";

/*
 * Admission of requests into the app (scripts/serve.ts). One event loop answers every request, and
 * a burst of 77 clients asking for comparisons, previews and ensembles keeps ~80 requests' work
 * queued on it: /api/health then waits behind all of them (p99 2.3 s in `npm run bench:serve`'s
 * burst, 28 ms alone). So at most `concurrency` requests may use the loop at once; the others wait,
 * costing nothing, in arrival order, and beyond `queue` waiting ones a request is refused at once.
 * A request waiting for a worker thread (an ensemble, a preview image) gives its place up meanwhile
 * (`awayFromEventLoop`), so work off the loop never holds back requests that could use it, and takes
 * one back at once when the work is done, even over the limit: what is left (sending the answer) is
 * short, and waiting for a place there could deadlock — a request holding the only place may be
 * waiting for that very work (two previews of one image share one render).
 * Liveness, static files and uploads are not admitted (see `admittedRequest`).
 */

export interface AdmissionLimits {
  /** Requests that may use the event loop at once. */
  concurrency: number;
  /** Requests that may wait to be admitted; beyond that a request is refused. */
  queue: number;
}

/** One admitted request's place: given up while it waits for other threads, released when it ends. */
export interface AdmissionSlot {
  /** Frees the place for good (the response ended); later calls do nothing. */
  release(): void;
  /** Awaits `work` without holding a place, then takes one back at once (even over the limit). */
  away<T>(work: () => Promise<T>): Promise<T>;
}

export class AdmissionGate {
  private active = 0;
  /** Waiting requests' starts, oldest first; `head` is the next to admit (no O(n) shift per admission). */
  private waiting: (() => void)[] = [];
  private head = 0;

  constructor(readonly limits: AdmissionLimits) {}

  /** Requests using the loop now, and waiting to. */
  get counts(): { active: number; waiting: number } {
    return { active: this.active, waiting: this.waiting.length - this.head };
  }

  /**
   * Runs `start` with a slot now or when one frees; false (and `start` never runs) when the queue is
   * full, for the caller to refuse the request.
   */
  admit(start: (slot: AdmissionSlot) => void): boolean {
    if (this.active < this.limits.concurrency) {
      this.active++;
      start(this.slot());
      return true;
    }
    if (this.waiting.length - this.head >= this.limits.queue) return false;
    this.waiting.push(() => start(this.slot()));
    return true;
  }

  private slot(): AdmissionSlot {
    const place: { state: "held" | "away" | "released" } = { state: "held" };
    // A function, so that the check is not narrowed away: `release` may run while `away` awaits.
    const released = () => place.state === "released";
    return {
      release: () => {
        if (place.state === "held") this.leave();
        place.state = "released";
      },
      away: async <T>(work: () => Promise<T>): Promise<T> => {
        if (place.state !== "held") return work();
        place.state = "away";
        this.leave();
        try {
          return await work();
        } finally {
          // Released while away (the client went): nothing to take back.
          if (!released()) {
            this.active++;
            place.state = "held";
          }
        }
      },
    };
  }

  /** A place frees: the oldest waiting requests are admitted while there is room. */
  private leave(): void {
    this.active--;
    while (this.active < this.limits.concurrency) {
      const next = this.nextWaiting();
      if (!next) return;
      this.active++;
      next();
    }
  }

  private nextWaiting(): (() => void) | undefined {
    if (this.head === this.waiting.length) return undefined;
    const next = this.waiting[this.head++];
    if (this.head > 1024 && this.head * 2 > this.waiting.length) {
      this.waiting = this.waiting.slice(this.head);
      this.head = 0;
    }
    return next;
  }
}

/** The gate and the current request's slot, on globalThis: Next bundles this module apart from scripts/serve.ts. */
const shared = globalThis as typeof globalThis & {
  alphascopeAdmission?: { gate: AdmissionGate; current: AsyncLocalStorage<AdmissionSlot> };
};

/**
 * The server's gate (ALPHASCOPE_ACTIVE_REQUESTS, default 8; ALPHASCOPE_REQUEST_QUEUE, default 512).
 * Eight keeps the read throughput's target (706 reads/s against 501 with 2 and 524 with 4: a read
 * mostly waits for the database) while halving /api/health's p99 in a burst (536 ms with no limit,
 * 183 ms with 8, 91–131 ms with 2); see docs/performance.md, "Bursts".
 */
export function serverAdmission(): { gate: AdmissionGate; current: AsyncLocalStorage<AdmissionSlot> } {
  shared.alphascopeAdmission ??= {
    gate: new AdmissionGate({
      concurrency: positiveIntegerSetting("ALPHASCOPE_ACTIVE_REQUESTS", 8),
      queue: positiveIntegerSetting("ALPHASCOPE_REQUEST_QUEUE", 512),
    }),
    current: new AsyncLocalStorage<AdmissionSlot>(),
  };
  return shared.alphascopeAdmission;
}

/** The heavy-read gate, on globalThis like the server's gate. */
const sharedHeavy = globalThis as typeof globalThis & { alphascopeHeavyReads?: AdmissionGate };

/**
 * The gate of heavy reads (ALPHASCOPE_HEAVY_READS, default 2; ALPHASCOPE_HEAVY_READ_QUEUE, default
 * 64), passed before the server's gate: a comparison or a matrix is a body of up to megabytes that
 * the event loop hands through Next's web streams, and eight of them at once (the server's gate
 * alone) kept the loop busy without a break for 0.3–0.8 s in `npm run bench:serve`'s burst, the
 * health check waiting behind. Two at a time bounds that while the detail and frontier reads, which
 * mostly wait for the database, keep the server's eight places (docs/performance.md, "Bursts").
 */
export function heavyReadAdmission(): AdmissionGate {
  sharedHeavy.alphascopeHeavyReads ??= new AdmissionGate({
    concurrency: positiveIntegerSetting("ALPHASCOPE_HEAVY_READS", 2),
    queue: positiveIntegerSetting("ALPHASCOPE_HEAVY_READ_QUEUE", 64),
  });
  return sharedHeavy.alphascopeHeavyReads;
}

/** Reads whose bodies are large enough to be bounded apart (see heavyReadAdmission). */
const HEAVY_READS = [
  /^\/api\/compare$/,
  /^\/api\/experiments\/[^/]+\/matrix$/,
  /^\/api\/snapshots\/[^/]+\/(matrix|frontiers)$/,
  /^\/api\/studies\/[^/]+\/frontiers$/,
];

/** Whether a request is a heavy read: a GET or HEAD of a comparison or a matrix. */
export function isHeavyRead(method: string, url: string): boolean {
  if (method !== "GET" && method !== "HEAD") return false;
  const path = url.split("?")[0];
  return HEAVY_READS.some((route) => route.test(path));
}

/**
 * Awaits work done on other threads without holding the request's place on the event loop; just
 * `work()` outside an admitted request (the CLI, tests calling handlers, `next dev` without serve.ts).
 */
export function awayFromEventLoop<T>(work: () => Promise<T>): Promise<T> {
  const slot = shared.alphascopeAdmission?.current.getStore();
  return slot ? slot.away(work) : work();
}

/**
 * Whether a request waits for admission: not the liveness check (it must say whether the process
 * answers, not queue behind the work), not the build's static files (read from disk, no work), and
 * not uploads (POST /api/imports streams for minutes, mostly waiting for the network and the disk,
 * and would hold a place all that time).
 */
export function admittedRequest(method: string, url: string): boolean {
  const path = url.split("?")[0];
  if (path === "/api/health" || path.startsWith("/_next/static/")) return false;
  return !(method === "POST" && path === "/api/imports");
}
