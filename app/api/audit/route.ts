import { auditQuerySchema } from "@/lib/contracts/audit";
import { experimentTarget, listAuditEvents } from "@/lib/db/queries/audit";
import { serverReadDb } from "@/lib/server/db";
import { handle, parseSearchParams } from "@/lib/server/http";
import { refuseOtherMethods } from "@/lib/server/methods";
import { requireWriteAccess } from "@/lib/server/writeGuard";

export const dynamic = "force-dynamic";

/**
 * The audit trail, most recent first. Guarded like a write (docs/security.md): until roles exist,
 * whoever may change the data is who may read its history.
 */
export function GET(request: Request): Promise<Response> {
  return handle(async () => {
    requireWriteAccess(request);
    const query = parseSearchParams(request, auditQuerySchema);
    const target = query.experiment === undefined ? undefined : experimentTarget(query.experiment);
    return Response.json(await listAuditEvents(serverReadDb(), { limit: query.limit, target }));
  });
}

export const { POST, PUT, PATCH, DELETE } = refuseOtherMethods(["GET"]);
