import type { Db } from "../db/client";
import { checkDatabase, type DatabaseHealth } from "../db/queries/health";
import { errorBody } from "./errorBody";
import { DatabaseUnavailableError } from "./errors";

/** A probe's answer younger than this is given as it is. */
export const PROBE_FRESH_MS = 500;
/** An answer up to this old is given while a new probe runs beside it; an older one is not given. */
export const PROBE_MAX_AGE_MS = 2000;

/** The database's answer to a probe, and when (on the probe's clock) it came. */
interface ProbeAnswer {
  health: DatabaseHealth;
  at: number;
}

/**
 * The database probe behind /api/health, shared by the checks that come within a moment of each
 * other. A check is answered with the last probe's answer while it is fresh (PROBE_FRESH_MS), with
 * it while a new probe runs in the background while it is not much older (PROBE_MAX_AGE_MS), and
 * otherwise waits for a new probe (every check of a probe that asks less often than every 2 s does):
 * so a frequent check costs one loop turn rather than two, and never waits for PostgreSQL behind a
 * burst's queries — in `npm run bench:serve`'s burst that wait was most of the check's p99
 * (docs/performance.md, "Bursts") — and a database that stops answering is reported by the first
 * check after the probe that found it, at most PROBE_MAX_AGE_MS plus the probe's timeout late.
 */
export class DatabaseProbe {
  private last: ProbeAnswer | null = null;
  private running: Promise<ProbeAnswer> | null = null;

  constructor(
    private readonly db: Db,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** The answer a check gives now, and how long ago (ms) the database gave it. */
  async answer(): Promise<{ health: DatabaseHealth; ageMs: number }> {
    const last = this.last;
    const age = last === null ? Number.POSITIVE_INFINITY : this.now() - last.at;
    if (last !== null && age <= PROBE_FRESH_MS) return { health: last.health, ageMs: age };
    const next = this.probe();
    if (last !== null && age <= PROBE_MAX_AGE_MS) return { health: last.health, ageMs: age };
    const probed = await next;
    return { health: probed.health, ageMs: this.now() - probed.at };
  }

  /** The probe in flight, or a new one: checks never start two at once. */
  private probe(): Promise<ProbeAnswer> {
    this.running ??= checkDatabase(this.db).then((health) => {
      this.last = { health, at: this.now() };
      this.running = null;
      return this.last;
    });
    return this.running;
  }
}

/** One probe per database handle: the route and scripts/serve.ts each keep theirs. */
const probes = new WeakMap<Db, DatabaseProbe>();

export function databaseProbeOf(db: Db): DatabaseProbe {
  let probe = probes.get(db);
  if (!probe) {
    probe = new DatabaseProbe(db);
    probes.set(db, probe);
  }
  return probe;
}

/**
 * GET /api/health's answer: 200 when the database answers; 503 when it does not, with the API's
 * error alongside. The driver's reason (host, port, user) goes to the server log, never into the
 * body. One function for the route (app/api/health/route.ts) and for scripts/serve.ts, which answers
 * the check itself, ahead of Next's router, on a connection of its own (docs/performance.md, "Bursts").
 */
export async function healthResponse(probe: DatabaseProbe): Promise<Response> {
  const { health, ageMs } = await probe.answer();
  const database = { ok: health.ok, latencyMs: health.latencyMs, ageMs: Math.round(ageMs) };
  if (health.ok)
    return Response.json({ status: "ok", database }, { headers: { "cache-control": "no-store" } });
  console.error(`Health check: the database is unreachable: ${health.error}`);
  const unavailable = new DatabaseUnavailableError(health.error);
  return Response.json(
    { status: "degraded", database, ...errorBody(unavailable) },
    { status: 503, headers: { "cache-control": "no-store", ...unavailable.headers } },
  );
}

/** Whether a request is the liveness check (GET or HEAD /api/health, any query). */
export function isHealthCheck(method: string, url: string): boolean {
  return (method === "GET" || method === "HEAD") && url.split("?")[0] === "/api/health";
}
