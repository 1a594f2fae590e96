import type { Db } from "../db/client";
import { checkDatabase } from "../db/queries/health";
import { errorBody } from "./errorBody";
import { DatabaseUnavailableError } from "./errors";

/**
 * GET /api/health's answer: 200 when the database answers; 503 when it does not, with the API's
 * error alongside. The driver's reason (host, port, user) goes to the server log, never into the
 * body. One function for the route (app/api/health/route.ts) and for scripts/serve.ts, which answers
 * the check itself, ahead of Next's router, on a connection of its own (docs/performance.md, "Bursts").
 */
export async function healthResponse(db: Db): Promise<Response> {
  const { ok, latencyMs, error } = await checkDatabase(db);
  const database = { ok, latencyMs };
  if (ok) return Response.json({ status: "ok", database }, { headers: { "cache-control": "no-store" } });
  console.error(`Health check: the database is unreachable: ${error}`);
  const unavailable = new DatabaseUnavailableError(error);
  return Response.json(
    { status: "degraded", database, ...errorBody(unavailable) },
    { status: 503, headers: { "cache-control": "no-store", ...unavailable.headers } },
  );
}

/** Whether a request is the liveness check (GET or HEAD /api/health, any query). */
export function isHealthCheck(method: string, url: string): boolean {
  return (method === "GET" || method === "HEAD") && url.split("?")[0] === "/api/health";
}
