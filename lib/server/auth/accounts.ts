import type { ApiToken, TokenCreate, TokenScope } from "../../contracts/accounts";
import type { AuditActor } from "../../contracts/audit";
import { type Role, roleAtLeast, type User } from "../../contracts/users";
import type { Db } from "../../db/client";
import { createApiToken, listApiTokens, revokeApiToken } from "../../db/queries/apiTokens";
import { recordAuditEvent } from "../../db/queries/audit";
import { putUser, removeUser, userByEmail, userById } from "../../db/queries/users";
import { ApiError, ForbiddenError, NotFoundError } from "../errors";
import { actorOf } from "./actor";
import { newTokenSecret, tokenSecretHash } from "./identify";
import type { TeamUser } from "./permissions";

// Every change to who may do what is recorded in the audit trail in its own transaction, from the
// CLI and the HTTP API alike (docs/security.md "Team server").

const DAY_MS = 24 * 60 * 60 * 1000;

/** The audit target naming a user. */
export const userTarget = (email: string) => `user:${email}`;

/** The audit target naming a personal token. */
export const tokenTarget = (id: number) => `token:${id}`;

/** What putUserRecorded did. */
export type UserChange = "added" | "role" | "unchanged";

/** Adds a user, or changes the role of the one with this e-mail; records either. */
export function putUserRecorded(
  db: Db,
  user: { email: string; role: Role },
  actor: AuditActor,
): Promise<{ user: User; change: UserChange }> {
  return db.$transaction(async (tx) => {
    const before = await userByEmail(tx, user.email);
    const stored = await putUser(tx, user);
    if (before === null) {
      await recordAuditEvent(tx, {
        actor,
        action: "user.add",
        target: userTarget(stored.email),
        summary: `Added ${stored.email} as ${stored.role}.`,
      });
      return { user: stored, change: "added" };
    }
    if (before.role === stored.role) return { user: stored, change: "unchanged" };
    await recordAuditEvent(tx, {
      actor,
      action: "user.role",
      target: userTarget(stored.email),
      summary: `Changed ${stored.email}'s role from ${before.role} to ${stored.role}.`,
    });
    return { user: stored, change: "role" };
  });
}

/** Removes a user (their tokens go with them); records it. False when there was none. */
export function removeUserRecorded(db: Db, email: string, actor: AuditActor): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const user = await userByEmail(tx, email);
    if (user === null) return false;
    const tokens = await listApiTokens(tx, { userId: user.id });
    await removeUser(tx, email);
    await recordAuditEvent(tx, {
      actor,
      action: "user.remove",
      target: userTarget(email),
      summary: `Removed ${email} (${user.role}) and their ${tokens.length} token${tokens.length === 1 ? "" : "s"}.`,
    });
    return true;
  });
}

/** Creates a personal token for `user`; records it. The secret is returned this once and never stored. */
export function createTokenRecorded(
  db: Db,
  token: { user: User; name: string; scope: TokenScope; expiresInDays?: number },
  actor: AuditActor,
  now: Date = new Date(),
): Promise<{ token: ApiToken; secret: string }> {
  const secret = newTokenSecret();
  const expiresAt =
    token.expiresInDays === undefined ? null : new Date(now.getTime() + token.expiresInDays * DAY_MS);
  return db.$transaction(async (tx) => {
    const id = await createApiToken(tx, {
      userId: token.user.id,
      name: token.name,
      scope: token.scope,
      secretHash: tokenSecretHash(secret),
      expiresAt,
    });
    const expiry = expiresAt === null ? "never expires" : `expires ${expiresAt.toISOString()}`;
    await recordAuditEvent(tx, {
      actor,
      action: "token.create",
      target: tokenTarget(id),
      summary: `Created token "${token.name}" (${token.scope}, ${expiry}) for ${token.user.email}.`,
    });
    const [stored] = await listApiTokens(tx, { id });
    return { token: stored, secret };
  });
}

/** The token with this id, or null. */
export async function tokenById(db: Db, id: number): Promise<ApiToken | null> {
  return (await listApiTokens(db, { id }))[0] ?? null;
}

/** Revokes a live token; records it. The revoked token, or null when no live token has this id. */
export function revokeTokenRecorded(
  db: Db,
  id: number,
  actor: AuditActor,
  now: Date = new Date(),
): Promise<ApiToken | null> {
  return db.$transaction(async (tx) => {
    if (!(await revokeApiToken(tx, id, now))) return null;
    const [token] = await listApiTokens(tx, { id });
    await recordAuditEvent(tx, {
      actor,
      action: "token.revoke",
      target: tokenTarget(id),
      summary: `Revoked token "${token.name}" of ${token.userEmail}.`,
    });
    return token;
  });
}

// The HTTP API's rules on top (app/api/tokens, app/api/users): a user manages their own tokens; an
// admin also others' and the users. What a caller may not see is a 404, like what does not exist.

const noToken = (id: number) => new NotFoundError(`No token ${id} of yours.`);

/** GET /api/tokens: the caller's tokens, or (admins) another user's. */
export async function tokensOf(db: Db, caller: TeamUser, email?: string): Promise<ApiToken[]> {
  if (email === undefined || email === caller.email) return listApiTokens(db, { userId: caller.userId });
  requireAdmin(caller, "list another user's tokens");
  const user = await userByEmail(db, email);
  if (user === null) throw new NotFoundError(`No user ${email}.`);
  return listApiTokens(db, { userId: user.id });
}

/** POST /api/tokens: a token for the caller, or (admins) for another user. */
export async function createTokenForRequest(
  db: Db,
  caller: TeamUser,
  body: TokenCreate,
): Promise<{ token: ApiToken; secret: string }> {
  const { user: email = caller.email, ...token } = body;
  if (email !== caller.email) requireAdmin(caller, "create another user's token");
  const user = await userByEmail(db, email);
  if (user === null) throw new NotFoundError(`No user ${email}.`);
  return createTokenRecorded(db, { ...token, user }, actorOf(caller));
}

/** DELETE /api/tokens/<id>: revokes the caller's token, or (admins) anyone's. */
export async function revokeTokenForRequest(db: Db, caller: TeamUser, id: number): Promise<ApiToken> {
  const token = await tokenById(db, id);
  if (token === null || (token.userEmail !== caller.email && !roleAtLeast(caller.role, "admin"))) {
    throw noToken(id);
  }
  if (token.revokedAt !== null) return token;
  return (await revokeTokenRecorded(db, id, actorOf(caller))) ?? token;
}

/** PATCH/DELETE /api/users/<id>: the user, 404 when none. */
export async function userForRequest(db: Db, id: number): Promise<User> {
  const user = await userById(db, id);
  if (user === null) throw new NotFoundError(`No user ${id}.`);
  return user;
}

/**
 * An admin cannot demote or remove themself over HTTP: the last admin would lock everyone out of
 * user management (another admin, or `alphascope users` on the server, can).
 */
export function refuseSelfChange(caller: TeamUser, user: User): void {
  if (user.id === caller.userId) {
    throw new ApiError(
      409,
      "conflict",
      "You cannot change your own role or remove yourself: another admin can, or `alphascope users` on the server.",
    );
  }
}

function requireAdmin(caller: TeamUser, what: string): void {
  if (!roleAtLeast(caller.role, "admin")) throw new ForbiddenError(`Only an admin may ${what}.`);
}
