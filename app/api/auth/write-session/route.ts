import { writeSessionRequestSchema } from "@/lib/contracts/auth";
import { clearedWriteCookie, exchangeWriteToken, writeSessionState } from "@/lib/server/auth/writeSession";
import { handle, parseJsonBody } from "@/lib/server/http";
import { refuseOtherMethods } from "@/lib/server/methods";
import { requireSameOrigin } from "@/lib/server/writeGuard";

export const dynamic = "force-dynamic";

const NO_STORE = { "cache-control": "no-store" };

/** Whether this server takes a shared write token, and whether this browser holds its cookie. */
export function GET(request: Request): Promise<Response> {
  return handle(async () => Response.json(writeSessionState(request.headers), { headers: NO_STORE }));
}

/**
 * Exchanges the shared write token for an HttpOnly write cookie (lib/server/auth/writeSession.ts).
 * Same-origin only, so no other site can give a visitor its own write access.
 */
export function POST(request: Request): Promise<Response> {
  return handle(async () => {
    requireSameOrigin(request);
    const { token } = await parseJsonBody(request, writeSessionRequestSchema);
    const cookie = exchangeWriteToken(token);
    return new Response(null, { status: 204, headers: { "set-cookie": cookie, ...NO_STORE } });
  });
}

/** Forgets: deletes this browser's write cookie. Same-origin only. */
export function DELETE(request: Request): Promise<Response> {
  return handle(async () => {
    requireSameOrigin(request);
    writeSessionState(request.headers);
    return new Response(null, { status: 204, headers: { "set-cookie": clearedWriteCookie(), ...NO_STORE } });
  });
}

export const { PUT, PATCH } = refuseOtherMethods(["GET", "POST", "DELETE"]);
