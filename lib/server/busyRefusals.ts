import { integerSetting, positiveIntegerSetting } from "./envSetting";

/*
 * Busy refusals answered after a pause. While a queue is full (the preview thread's, the server's
 * admission), scripts/serve.ts refuses with 503 `busy` and `Retry-After`; a client that asks again at
 * once anyway (as a burst of link unfurls or a retry loop does) then costs the event loop a request
 * each time: 850–1 160 refused previews a second in `npm run bench:serve`'s burst, each one a turn of
 * the loop taken from the requests it could answer and from /api/health. Holding a refusal for a
 * moment before sending it bounds that to about one request per client per pause, and costs only a
 * timer; the answer itself is the same. At most `maxPending` refusals wait at once (each holds a
 * socket), beyond that they are sent at once, as before.
 */

export interface RefusalPacing {
  /** How long a refusal waits before it is sent, ms; 0: at once. */
  delayMs: number;
  /** Refusals that may wait at once; beyond that a refusal is sent at once. */
  maxPending: number;
}

/** Holds busy refusals for `delayMs` (see above). */
export class RefusalPacer {
  private pending = 0;

  constructor(readonly pacing: RefusalPacing) {}

  /** Refusals waiting now. */
  get waiting(): number {
    return this.pending;
  }

  /**
   * Calls `send` after the pause, or at once when the pause is 0 or `maxPending` refusals already
   * wait. `onGone` registers the callback to run if the client leaves first: the refusal is then
   * dropped (nothing is sent) and its place frees.
   */
  pace(send: () => void, onGone: (gone: () => void) => void): void {
    if (this.pacing.delayMs === 0 || this.pending >= this.pacing.maxPending) {
      send();
      return;
    }
    this.pending++;
    let settled = false;
    const settle = () => {
      if (settled) return false;
      settled = true;
      this.pending--;
      return true;
    };
    const timer = setTimeout(() => {
      if (settle()) send();
    }, this.pacing.delayMs);
    onGone(() => {
      if (settle()) clearTimeout(timer);
    });
  }
}

let serverPacer: RefusalPacer | undefined;

/**
 * The server's pacer: ALPHASCOPE_BUSY_REFUSAL_DELAY_MS (default 1000; 0 sends refusals at once) and
 * ALPHASCOPE_BUSY_REFUSALS_WAITING (default 256). One second is half the two seconds of Retry-After
 * a refusal carries (lib/server/errors.ts). A module's own: only scripts/serve.ts refuses this way.
 */
export function serverRefusalPacer(): RefusalPacer {
  serverPacer ??= new RefusalPacer({
    delayMs: integerSetting("ALPHASCOPE_BUSY_REFUSAL_DELAY_MS", 1000, 0),
    maxPending: positiveIntegerSetting("ALPHASCOPE_BUSY_REFUSALS_WAITING", 256),
  });
  return serverPacer;
}
