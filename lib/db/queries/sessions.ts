import type { AuditActor } from "../../contracts/audit";
import { type Role, roleSchema } from "../../contracts/users";
import type { Db } from "../client";
import { recordAuditEvent } from "./audit";

/** The user a live session belongs to, and the session's scope. */
export interface SessionHolder {
  userId: number;
  email: string;
  role: Role;
  scope: "read" | "write";
}

/** Who is signing in: a person the OpenID provider vouches for, or the user of a personal token. */
export type SigningIn =
  | { kind: "oidc"; email: string; name: string | null; roleIfNew: Role }
  | { kind: "user"; userId: number };

export interface NewSession {
  /** The SHA-256 (hex) of the cookie's secret. */
  id: string;
  scope: "read" | "write";
  now: Date;
  expiresAt: Date;
  /** The audit event's summary, e.g. "Signed in through https://id.example.org". */
  summary: string;
}

const scopeOf = (scope: string): "read" | "write" => (scope === "read" ? "read" : "write");

/**
 * Opens a session and records the sign-in (`user.signin`) in one transaction. A person signing in
 * through the provider for the first time becomes a user with `roleIfNew`; an existing user keeps
 * their role (an admin's choice is never overwritten by a sign-in), and their name is refreshed
 * when the provider sends one. Returns the session's holder.
 */
export function openSession(db: Db, who: SigningIn, session: NewSession): Promise<SessionHolder> {
  return db.$transaction(async (tx) => {
    const user =
      who.kind === "oidc"
        ? await tx.user.upsert({
            where: { email: who.email },
            create: { email: who.email, name: who.name, role: who.roleIfNew },
            update: who.name === null ? {} : { name: who.name },
          })
        : await tx.user.findUniqueOrThrow({ where: { id: who.userId } });
    await tx.session.create({
      data: {
        id: session.id,
        userId: user.id,
        scope: session.scope,
        createdAt: session.now,
        lastSeenAt: session.now,
        expiresAt: session.expiresAt,
      },
    });
    const actor: AuditActor = `user:${user.email}`;
    await recordAuditEvent(tx, {
      actor,
      action: "user.signin",
      target: `user:${user.email}`,
      summary: session.summary,
    });
    return {
      userId: user.id,
      email: user.email,
      role: roleSchema.parse(user.role),
      scope: scopeOf(session.scope),
    };
  });
}

/**
 * The holder of the session with this id when it has not expired at `now`, else null (an expired
 * one is deleted on the way). A session last seen `slideAfterMs` ago or more is seen again: its
 * expiry moves to `now + lifetimeMs`. (Not on every request: one write per request would cost
 * every read a round trip and a row update.)
 */
export async function sessionHolder(
  db: Db,
  id: string,
  now: Date,
  sliding: { lifetimeMs: number; slideAfterMs: number },
): Promise<SessionHolder | null> {
  const row = await db.session.findUnique({ where: { id }, include: { user: true } });
  if (!row) return null;
  if (row.expiresAt <= now) {
    await db.session.deleteMany({ where: { id } });
    return null;
  }
  if (now.getTime() - row.lastSeenAt.getTime() >= sliding.slideAfterMs) {
    await db.session.updateMany({
      where: { id },
      data: { lastSeenAt: now, expiresAt: new Date(now.getTime() + sliding.lifetimeMs) },
    });
  }
  return {
    userId: row.userId,
    email: row.user.email,
    role: roleSchema.parse(row.user.role),
    scope: scopeOf(row.scope),
  };
}

/** Ends the session with this id (sign-out); false when there was none. */
export async function deleteSession(db: Db, id: string): Promise<boolean> {
  const { count } = await db.session.deleteMany({ where: { id } });
  return count > 0;
}

/** Deletes every session expired by `now` (the hourly purge job); returns how many. */
export async function purgeExpiredSessions(db: Db, now: Date): Promise<number> {
  const { count } = await db.session.deleteMany({ where: { expiresAt: { lte: now } } });
  return count;
}
