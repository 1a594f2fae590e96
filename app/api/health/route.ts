import { checkDatabase } from "@/lib/db/queries/health";
import { serverDb } from "@/lib/server/db";
import { errorBody } from "@/lib/server/errorBody";
import { DatabaseUnavailableError } from "@/lib/server/errors";
import { refuseOtherMethods } from "@/lib/server/methods";

export const dynamic = "force-dynamic";

/**
 * Liveness and database reachability: 200 when the database answers; 503 when it does not, with the
 * API's error alongside. The driver's reason (host, port, user) goes to the server log, never into
 * the body.
 */
export async function GET(): Promise<Response> {
  const { ok, latencyMs, error } = await checkDatabase(serverDb());
  const database = { ok, latencyMs };
  if (ok) return Response.json({ status: "ok", database }, { headers: { "cache-control": "no-store" } });
  console.error(`Health check: the database is unreachable: ${error}`);
  const unavailable = new DatabaseUnavailableError(error);
  return Response.json(
    { status: "degraded", database, ...errorBody(unavailable) },
    { status: 503, headers: { "cache-control": "no-store", ...unavailable.headers } },
  );
}

export const { POST, PUT, PATCH, DELETE } = refuseOtherMethods(["GET"]);
