import type { Role } from "../../lib/contracts/users";
import type { Db } from "../../lib/db/client";
import { createApiToken } from "../../lib/db/queries/apiTokens";
import { putUser } from "../../lib/db/queries/users";
import { newTokenSecret, tokenSecretHash } from "../../lib/server/auth/identify";

/** Adds (or re-roles) a user and gives them a new personal token; returns the token's secret. */
export async function userWithToken(
  db: Db,
  email: string,
  role: Role,
  scope: "read" | "write" = "write",
  name = `${role}-${scope}`,
): Promise<string> {
  const user = await putUser(db, { email, role });
  const secret = newTokenSecret();
  await createApiToken(db, {
    userId: user.id,
    name,
    scope,
    secretHash: tokenSecretHash(secret),
    expiresAt: null,
  });
  return secret;
}

/** Empties the users (and, by cascade, their tokens and the experiments they own). */
export async function truncateUsers(db: Db): Promise<void> {
  await db.$executeRawUnsafe('TRUNCATE "users", "api_tokens", "audit_events" RESTART IDENTITY CASCADE');
}
