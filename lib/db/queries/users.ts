import { type Role, roleSchema, type User } from "../../contracts/users";
import type { Db } from "../client";
import type { Prisma } from "../generated/prisma/client";

interface UserRow {
  id: number;
  email: string;
  name: string | null;
  role: string;
  createdAt: Date;
}

function toUser(row: UserRow): User {
  return { ...row, role: roleSchema.parse(row.role), createdAt: row.createdAt.toISOString() };
}

/** Every user, by e-mail. */
export async function listUsers(db: Db): Promise<User[]> {
  return (await db.user.findMany({ orderBy: { email: "asc" } })).map(toUser);
}

/** The user with this (normalised) e-mail, or null. */
export async function userByEmail(db: Db | Prisma.TransactionClient, email: string): Promise<User | null> {
  const row = await db.user.findUnique({ where: { email } });
  return row ? toUser(row) : null;
}

/** The user with this id, or null. */
export async function userById(db: Db, id: number): Promise<User | null> {
  const row = await db.user.findUnique({ where: { id } });
  return row ? toUser(row) : null;
}

/** Adds a user, or sets the role of the one with this e-mail; returns it. */
export async function putUser(
  db: Db | Prisma.TransactionClient,
  user: { email: string; role: Role; name?: string | null },
): Promise<User> {
  const row = await db.user.upsert({
    where: { email: user.email },
    create: { email: user.email, role: user.role, name: user.name ?? null },
    update: { role: user.role, ...(user.name === undefined ? {} : { name: user.name }) },
  });
  return toUser(row);
}

/** Removes the user with this e-mail; false when there was none. Their experiments lose their owner. */
export async function removeUser(db: Db | Prisma.TransactionClient, email: string): Promise<boolean> {
  const { count } = await db.user.deleteMany({ where: { email } });
  return count > 0;
}
