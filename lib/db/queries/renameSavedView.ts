import type { Db } from "../client";
import { SAVED_VIEW_SELECT, type SavedViewRow } from "./savedViews";

/** Renames one of the experiment's saved views; null when it has no view with that id. */
export async function renameSavedView(
  db: Db,
  experimentId: number,
  id: number,
  name: string,
): Promise<SavedViewRow | null> {
  const { count } = await db.savedView.updateMany({ where: { id, experimentId }, data: { name } });
  if (count === 0) return null;
  return db.savedView.findUnique({ where: { id }, select: SAVED_VIEW_SELECT });
}
