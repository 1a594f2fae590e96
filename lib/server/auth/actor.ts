import type { AuditActor } from "../../contracts/audit";
import { writeMode } from "../writeGuard";
import type { Writer } from "./permissions";

/**
 * Who the audit trail names for a write by `principal`: without sign-in, "token" (the shared
 * ALPHASCOPE_WRITE_TOKEN) or "local"; a user by e-mail, `user:<email>`, and through a personal
 * token `user:<email> (token <name>)` so a leaked token's writes can be told apart.
 */
export function actorOf(principal: Writer, env: NodeJS.ProcessEnv = process.env): AuditActor {
  if (principal.kind === "local") return writeMode(env) === "token" ? "token" : "local";
  const user = `user:${principal.email}`;
  return principal.via === "token" && principal.tokenName !== undefined
    ? `${user} (token ${principal.tokenName})`
    : user;
}
