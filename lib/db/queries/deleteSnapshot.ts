import type { Db } from "../client";

/** Deletes one pinned snapshot; false when no snapshot has that id. */
export async function deleteSnapshot(db: Db, id: string): Promise<boolean> {
  const { count } = await db.snapshot.deleteMany({ where: { id } });
  return count === 1;
}
