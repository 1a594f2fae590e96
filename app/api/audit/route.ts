import { auditQuerySchema } from "@/lib/contracts/audit";
import { experimentTarget, listAuditEvents } from "@/lib/db/queries/audit";
import { requireReaderRole } from "@/lib/server/auth/permissions";
import { serverDb, serverReadDb } from "@/lib/server/db";
import { handle, parseSearchParams } from "@/lib/server/http";
import { refuseOtherMethods } from "@/lib/server/methods";

export const dynamic = "force-dynamic";

/**
 * The audit trail, most recent first, a page at a time. Admins only on a team server; without
 * sign-in, guarded like a write (docs/security.md): whoever may change the data reads its history.
 */
export function GET(request: Request): Promise<Response> {
  return handle(async () => {
    // The primary: identifying a token records its use.
    await requireReaderRole(request, serverDb(), "admin");
    const { experiment, ...query } = parseSearchParams(request, auditQuerySchema);
    const target = experiment === undefined ? undefined : experimentTarget(experiment);
    return Response.json(await listAuditEvents(serverReadDb(), { ...query, target }));
  });
}

export const { POST, PUT, PATCH, DELETE } = refuseOtherMethods(["GET"]);
