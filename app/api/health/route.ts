import { serverDb } from "@/lib/server/db";
import { databaseProbeOf, healthResponse } from "@/lib/server/health";
import { refuseOtherMethods } from "@/lib/server/methods";

export const dynamic = "force-dynamic";

/**
 * Liveness and database reachability (lib/server/health.ts). Under `npm start`, scripts/serve.ts
 * answers GET and HEAD itself before Next's router, the same way; this route answers elsewhere
 * (`next dev` without serve.ts, tests calling the handler).
 */
export function GET(): Promise<Response> {
  return healthResponse(databaseProbeOf(serverDb()));
}

export const { POST, PUT, PATCH, DELETE } = refuseOtherMethods(["GET"]);
