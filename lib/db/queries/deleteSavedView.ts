import type { Db } from "../client";

/** Deletes one of the experiment's saved views; false when it has no view with that id. */
export async function deleteSavedView(db: Db, experimentId: number, id: number): Promise<boolean> {
  const { count } = await db.savedView.deleteMany({ where: { id, experimentId } });
  return count === 1;
}
