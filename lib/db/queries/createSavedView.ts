import type { Db } from "../client";
import { SAVED_VIEW_SELECT, type SavedViewRow } from "./savedViews";

/**
 * Saves a view at the end of the experiment's deck (the position is taken under a row lock); null
 * when the experiment already has `max` saved views.
 */
export function createSavedView(
  db: Db,
  experimentId: number,
  input: { name: string; page: string; view: string },
  max: number,
): Promise<SavedViewRow | null> {
  return db.$transaction(async (tx) => {
    // Two saves at once must not take the same position: serialise them on the experiment's row.
    await tx.$executeRawUnsafe(`SELECT 1 FROM "experiments" WHERE "id" = $1 FOR UPDATE`, experimentId);
    const last = await tx.savedView.aggregate({
      where: { experimentId },
      _max: { position: true },
      _count: true,
    });
    if (last._count >= max) return null;
    return tx.savedView.create({
      data: { experimentId, ...input, position: (last._max.position ?? -1) + 1 },
      select: SAVED_VIEW_SELECT,
    });
  });
}
