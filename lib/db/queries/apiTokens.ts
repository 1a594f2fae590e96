import type { ApiToken } from "../../contracts/accounts";
import { type Role, roleSchema } from "../../contracts/users";
import type { Db } from "../client";
import type { Prisma } from "../generated/prisma/client";

/** A token as its owner and admins see it (never its secret). */
export type StoredApiToken = ApiToken;

/** The user a live token belongs to, and the token's scope. */
export interface TokenHolder {
  tokenId: number;
  tokenName: string;
  userId: number;
  email: string;
  role: Role;
  scope: "read" | "write";
}

const scopeOf = (scope: string): "read" | "write" => (scope === "read" ? "read" : "write");

/** Stores a new token by its secret's hash; returns its id. */
export async function createApiToken(
  db: Db | Prisma.TransactionClient,
  token: {
    userId: number;
    name: string;
    scope: "read" | "write";
    secretHash: string;
    expiresAt: Date | null;
  },
): Promise<number> {
  const row = await db.apiToken.create({ data: token, select: { id: true } });
  return row.id;
}

/**
 * The holder of the token with this secret hash when it is neither revoked nor expired at `now`,
 * else null; records the use (last used) on the way.
 */
export async function holderOfLiveToken(db: Db, secretHash: string, now: Date): Promise<TokenHolder | null> {
  const row = await db.apiToken.findUnique({ where: { secretHash }, include: { user: true } });
  if (!row || row.revokedAt !== null || (row.expiresAt !== null && row.expiresAt <= now)) return null;
  await db.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: now } });
  return {
    tokenId: row.id,
    tokenName: row.name,
    userId: row.userId,
    email: row.user.email,
    role: roleSchema.parse(row.user.role),
    scope: scopeOf(row.scope),
  };
}

/** Every token, or only one user's, or the one with this id, newest first. */
export async function listApiTokens(
  db: Db | Prisma.TransactionClient,
  options: { userId?: number; id?: number } = {},
): Promise<StoredApiToken[]> {
  const rows = await db.apiToken.findMany({
    where: { userId: options.userId, id: options.id },
    include: { user: { select: { email: true } } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
  const iso = (date: Date | null) => (date === null ? null : date.toISOString());
  return rows.map((row) => ({
    id: row.id,
    userEmail: row.user.email,
    name: row.name,
    scope: scopeOf(row.scope),
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: iso(row.lastUsedAt),
    expiresAt: iso(row.expiresAt),
    revokedAt: iso(row.revokedAt),
  }));
}

/** Revokes a token (kept, for the audit's sake); false when there is no live token with this id. */
export async function revokeApiToken(
  db: Db | Prisma.TransactionClient,
  id: number,
  now: Date,
): Promise<boolean> {
  const { count } = await db.apiToken.updateMany({
    where: { id, revokedAt: null },
    data: { revokedAt: now },
  });
  return count > 0;
}
