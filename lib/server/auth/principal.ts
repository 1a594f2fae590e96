import type { Role } from "../../contracts/users";

/**
 * Who sent a request, as every permission check sees it:
 * - `anonymous`: no sign-in and no token, on a server with sign-in on (reads only public data);
 * - `local`: the zero-configuration mode's caller (ALPHASCOPE_AUTH unset), with today's rules;
 * - `user`: a signed-in person (`via: "session"`) or a personal token (`via: "token"`, whose
 *   scope may narrow the user's role to reading).
 */
export type Principal =
  | { kind: "anonymous" }
  | { kind: "local" }
  | {
      kind: "user";
      userId: number;
      email: string;
      role: Role;
      via: "session" | "token";
      /** A token's scope; a session's is `write` (its role decides) unless a read-only token opened it. */
      scope: "read" | "write";
      /** The personal token's name (via `token` only), for the audit trail. */
      tokenName?: string;
    };
