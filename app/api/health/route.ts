import { checkDatabase } from "@/lib/db/queries/health";
import { serverDb } from "@/lib/server/db";

export const dynamic = "force-dynamic";

/** Liveness and database reachability: 200 when the database answers, 503 when it does not. */
export async function GET(): Promise<Response> {
  const database = await checkDatabase(serverDb());
  return Response.json(
    { status: database.ok ? "ok" : "degraded", database },
    { status: database.ok ? 200 : 503, headers: { "cache-control": "no-store" } },
  );
}
