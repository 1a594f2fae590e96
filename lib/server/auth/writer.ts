import { roleAtLeast } from "../../contracts/users";
import type { Db } from "../../db/client";
import { ApiError, ForbiddenError } from "../errors";
import { requireSameOrigin, requireWriteAccess } from "../writeGuard";
import { identify } from "./identify";
import { type AuthMode, authMode } from "./mode";
import type { Principal } from "./principal";

/**
 * The write guard of the routes of read visibility (PATCH visibility, shares, imports' owner), in
 * one place so that it gives way to the permissions module's in one line: same-origin always;
 * without sign-in today's rules (loopback or the shared write token); with it, a user whose role
 * is at least editor through a session or a write-scoped token.
 */
export async function requireWriter(
  request: Request,
  db: Db,
  options: { mode?: AuthMode; now?: Date } = {},
): Promise<Principal> {
  requireSameOrigin(request);
  const mode = options.mode ?? authMode();
  if (mode === "none") {
    requireWriteAccess(request);
    return { kind: "local" };
  }
  const principal = await identify(request, db, { mode, now: options.now });
  if (principal.kind === "anonymous")
    throw new ApiError(401, "unauthorized", "Sign in (or send a personal token) to write.");
  if (principal.kind === "user" && (principal.scope !== "write" || !roleAtLeast(principal.role, "editor")))
    throw new ForbiddenError("Writing needs the editor role and a session or a write-scoped token.");
  return principal;
}
