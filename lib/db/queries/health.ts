import type { Db } from "../client";

export interface DatabaseHealth {
  ok: boolean;
  /** Round-trip time of the probe query in milliseconds. */
  latencyMs: number;
  /** Why the database is unreachable; absent when ok. */
  error?: string;
}

/** A database that has not answered after this long counts as down. */
const HEALTH_TIMEOUT_MS = 3000;

/** Probes the database with a trivial query; never throws. */
export async function checkDatabase(db: Db): Promise<DatabaseHealth> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`no answer within ${HEALTH_TIMEOUT_MS} ms`)),
      HEALTH_TIMEOUT_MS,
    );
  });
  try {
    await Promise.race([db.$queryRaw`SELECT 1`, timeout]);
    return { ok: true, latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, latencyMs: Math.round(performance.now() - started), error: message };
  } finally {
    clearTimeout(timer);
  }
}
