import { type Role, roleAtLeast } from "../../contracts/users";
import type { Db } from "../../db/client";
import { ApiError, ForbiddenError, NotFoundError } from "../errors";
import { requireSameOrigin, requireWriteAccess } from "../writeGuard";
import { identify } from "./identify";
import { type AuthMode, authMode } from "./mode";
import { SIGN_IN_PATH } from "./paths";
import type { Principal } from "./principal";

/** A caller some guard let through: never anonymous. */
export type Writer = Exclude<Principal, { kind: "anonymous" }>;

/** A signed-in person or a personal token's user. */
export type TeamUser = Extract<Principal, { kind: "user" }>;

/** What a request does: reads never need a write-scoped token; writes do. */
export type Access = "read" | "write";

/** The 401 of a request that names nobody on a server with sign-in on, saying how to name someone. */
export function unauthorized(mode: Exclude<AuthMode, "none">): ApiError {
  const how =
    mode === "oidc"
      ? `Sign in at ${SIGN_IN_PATH}, or send Authorization: Bearer <personal token>`
      : "Send Authorization: Bearer <personal token>";
  return new ApiError(
    401,
    "unauthorized",
    `${how} (an admin creates one with \`alphascope tokens create --user <email>\`).`,
  );
}

/**
 * Lets `principal` through when it may do what needs `required` with `access`, and says why not
 * otherwise: anonymous is 401; a user whose role is below `required`, or a read-scoped token asked
 * to write, is 403. `local` (no sign-in configured) is let through: its rules are the write guard's.
 */
export function authorize(principal: Principal, required: Role, access: Access, mode: AuthMode): Writer {
  if (principal.kind === "local") return principal;
  if (principal.kind === "anonymous") throw unauthorized(mode === "none" ? "tokens" : mode);
  if (!roleAtLeast(principal.role, required)) {
    throw new ForbiddenError(
      `This needs the ${required} role; ${principal.email} is ${articled(principal.role)}.`,
    );
  }
  if (access === "write" && principal.scope === "read") {
    throw new ForbiddenError("This token's scope is read: create a write-scoped token to change anything.");
  }
  return principal;
}

function articled(role: Role): string {
  return `${role === "admin" || role === "editor" ? "an" : "a"} ${role}`;
}

/**
 * The guard of every write route, before its body is read: a cross-site request is 403 (CSRF) in
 * every mode. Without ALPHASCOPE_AUTH, exactly the zero-configuration rules (loopback, or the shared
 * ALPHASCOPE_WRITE_TOKEN) and the caller is `local`; with it, the caller's role must reach
 * `required` and a token must be write-scoped (docs/security.md "Team server").
 */
export async function requireWriter(
  request: Request,
  db: Db,
  required: Role,
  env: NodeJS.ProcessEnv = process.env,
): Promise<Writer> {
  requireSameOrigin(request);
  return requireRole(request, db, required, "write", env);
}

/**
 * The guard of a read only some may make (the audit trail, admin lists): without ALPHASCOPE_AUTH,
 * the write guard's rules as today (who may change the data may read its history); with it, the
 * caller's role must reach `required` (any token scope).
 */
export function requireReaderRole(
  request: Request,
  db: Db,
  required: Role,
  env: NodeJS.ProcessEnv = process.env,
): Promise<Writer> {
  return requireRole(request, db, required, "read", env);
}

async function requireRole(
  request: Request,
  db: Db,
  required: Role,
  access: Access,
  env: NodeJS.ProcessEnv,
): Promise<Writer> {
  const mode = authMode(env);
  if (mode === "none") {
    requireWriteAccess(request, env);
    return { kind: "local" };
  }
  return authorize(await identify(request, db, { mode }), required, access, mode);
}

/**
 * The guard of the account routes (tokens, users), which exist only on a team server: without
 * ALPHASCOPE_AUTH they answer 404 saying so; with it, the caller must be a user whose role reaches
 * `required` (a write is also same-origin and needs a write-scoped token, so a read token cannot
 * mint a write one).
 */
export async function requireTeamUser(
  request: Request,
  db: Db,
  required: Role,
  access: Access,
  env: NodeJS.ProcessEnv = process.env,
): Promise<TeamUser> {
  const mode = authMode(env);
  if (mode === "none") {
    throw new NotFoundError(
      "Users and personal tokens exist only on a team server (ALPHASCOPE_AUTH=tokens or oidc; docs/security.md).",
    );
  }
  if (access === "write") requireSameOrigin(request);
  const caller = authorize(await identify(request, db, { mode }), required, access, mode);
  // identify() names a user or nobody when sign-in is on; `local` exists only without it.
  if (caller.kind !== "user") throw unauthorized(mode);
  return caller;
}
