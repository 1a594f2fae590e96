import type { Db } from "../client";
import { type SavedViewRow, savedViews } from "./savedViews";

/**
 * Puts the experiment's saved views in the given order. `ids` must name every one of them exactly
 * once (checked under a lock, in the same transaction): null otherwise, and nothing changes.
 */
export function reorderSavedViews(
  db: Db,
  experimentId: number,
  ids: readonly number[],
): Promise<SavedViewRow[] | null> {
  return db.$transaction(async (tx) => {
    await tx.$executeRawUnsafe(`SELECT 1 FROM "experiments" WHERE "id" = $1 FOR UPDATE`, experimentId);
    const stored = await tx.savedView.findMany({ where: { experimentId }, select: { id: true } });
    const storedIds = new Set(stored.map((row) => row.id));
    if (ids.length !== storedIds.size || !ids.every((id) => storedIds.has(id))) return null;
    await tx.$executeRawUnsafe(
      `UPDATE "saved_views" v SET "position" = o."position" - 1, "updated_at" = now()
       FROM unnest($1::int[]) WITH ORDINALITY AS o("id", "position")
       WHERE v."id" = o."id" AND v."experiment_id" = $2`,
      ids,
      experimentId,
    );
    return savedViews(tx, experimentId);
  });
}
