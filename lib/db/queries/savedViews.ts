import type { AuditActor } from "../../contracts/audit";
import type { Db } from "../client";
import type { Prisma } from "../generated/prisma/client";
import { experimentTarget, recordAuditEvent } from "./audit";

/** Who writes a saved view, and of which experiment, for the audit trail. */
export interface ViewWriter {
  actor: AuditActor;
  slug: string;
}

/** A saved view as stored. */
export interface SavedViewRow {
  id: number;
  name: string;
  page: string;
  view: string;
  position: number;
  createdAt: Date;
  updatedAt: Date;
}

export const SAVED_VIEW_SELECT = {
  id: true,
  name: true,
  page: true,
  view: true,
  position: true,
  createdAt: true,
  updatedAt: true,
} as const;

/** The experiment's saved views in deck order. */
export function savedViews(db: Prisma.TransactionClient, experimentId: number): Promise<SavedViewRow[]> {
  return db.savedView.findMany({
    where: { experimentId },
    orderBy: [{ position: "asc" }, { id: "asc" }],
    select: SAVED_VIEW_SELECT,
  });
}

/**
 * Saves a view at the end of the experiment's deck (the position is taken under a row lock); null
 * when the experiment already has `max` saved views.
 */
export function createSavedView(
  db: Db,
  experimentId: number,
  input: { name: string; page: string; view: string },
  max: number,
  writer: ViewWriter,
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
    const row = await tx.savedView.create({
      data: { experimentId, ...input, position: (last._max.position ?? -1) + 1 },
      select: SAVED_VIEW_SELECT,
    });
    await recordAuditEvent(tx, {
      actor: writer.actor,
      action: "view.create",
      target: experimentTarget(writer.slug),
      summary: `Saved view ${row.id} "${row.name}" (${row.page}) of "${writer.slug}".`,
    });
    return row;
  });
}

/** Renames one of the experiment's saved views; null when it has no view with that id. */
export async function renameSavedView(
  db: Db,
  experimentId: number,
  id: number,
  name: string,
  writer: ViewWriter,
): Promise<SavedViewRow | null> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.savedView.updateMany({ where: { id, experimentId }, data: { name } });
    if (count === 0) return null;
    await recordAuditEvent(tx, {
      actor: writer.actor,
      action: "view.rename",
      target: experimentTarget(writer.slug),
      summary: `Renamed saved view ${id} of "${writer.slug}" to "${name}".`,
    });
    return tx.savedView.findUnique({ where: { id }, select: SAVED_VIEW_SELECT });
  });
}

/**
 * Puts the experiment's saved views in the given order. `ids` must name every one of them exactly
 * once (checked under a lock, in the same transaction): null otherwise, and nothing changes.
 */
export function reorderSavedViews(
  db: Db,
  experimentId: number,
  ids: readonly number[],
  writer: ViewWriter,
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
    await recordAuditEvent(tx, {
      actor: writer.actor,
      action: "view.reorder",
      target: experimentTarget(writer.slug),
      summary: `Put the saved views of "${writer.slug}" in the order ${ids.join(", ")}.`,
    });
    return savedViews(tx, experimentId);
  });
}

/** Deletes one of the experiment's saved views; false when it has no view with that id. */
export function deleteSavedView(
  db: Db,
  experimentId: number,
  id: number,
  writer: ViewWriter,
): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.savedView.deleteMany({ where: { id, experimentId } });
    if (count !== 1) return false;
    await recordAuditEvent(tx, {
      actor: writer.actor,
      action: "view.delete",
      target: experimentTarget(writer.slug),
      summary: `Deleted saved view ${id} of "${writer.slug}".`,
    });
    return true;
  });
}
