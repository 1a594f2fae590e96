import type { AuditActor } from "../../contracts/audit";
import type { Db } from "../client";
import { experimentTarget, recordAuditEvent } from "./audit";

/** What a snapshot row holds, written and read alike. */
interface SnapshotFields {
  id: string;
  experimentSlug: string;
  page: string;
  view: string;
  version: string;
  title: string | null;
  /** JSON text: the response bodies the view was drawn from, as served and stored. */
  data: string;
}

export interface NewSnapshot extends SnapshotFields {
  experimentId: number;
}

/**
 * Stores a snapshot under its id; false when the id is taken (the caller draws another), so a
 * collision never overwrites someone else's link.
 */
export function insertSnapshot(db: Db, snapshot: NewSnapshot, actor: AuditActor): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const inserted = await tx.$executeRawUnsafe(
      `INSERT INTO "snapshots" ("id", "experiment_id", "experiment_slug", "page", "view", "version", "title", "data")
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT ("id") DO NOTHING`,
      snapshot.id,
      snapshot.experimentId,
      snapshot.experimentSlug,
      snapshot.page,
      snapshot.view,
      snapshot.version,
      snapshot.title,
      snapshot.data,
    );
    if (inserted !== 1) return false;
    await recordAuditEvent(tx, {
      actor,
      action: "snapshot.create",
      target: experimentTarget(snapshot.experimentSlug),
      summary: `Pinned snapshot ${snapshot.id} of "${snapshot.experimentSlug}" (${snapshot.page}, version ${snapshot.version}).`,
    });
    return true;
  });
}

export interface StoredSnapshot extends SnapshotFields {
  createdAt: Date;
  /** The experiment's version now; null when it has been deleted (or moved to the trash) since. */
  currentVersion: string | null;
}

/** One snapshot with its experiment's current version; null when no snapshot has that id. */
export async function snapshotById(db: Db, id: string): Promise<StoredSnapshot | null> {
  const rows = await db.$queryRawUnsafe<StoredSnapshot[]>(
    `SELECT s."id", s."experiment_slug" AS "experimentSlug", s."page", s."view", s."version", s."title",
       s."data", s."created_at" AS "createdAt", e."version" AS "currentVersion"
     FROM "snapshots" s
     LEFT JOIN "experiments" e ON e."id" = s."experiment_id" AND e."deleted_at" IS NULL
     WHERE s."id" = $1`,
    id,
  );
  return rows[0] ?? null;
}

/** Deletes one pinned snapshot; false when no snapshot has that id. */
export function deleteSnapshot(db: Db, id: string, actor: AuditActor): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const [deleted] = await tx.$queryRaw<{ experiment_slug: string }[]>`
      DELETE FROM "snapshots" WHERE "id" = ${id} RETURNING "experiment_slug"`;
    if (!deleted) return false;
    await recordAuditEvent(tx, {
      actor,
      action: "snapshot.delete",
      target: experimentTarget(deleted.experiment_slug),
      summary: `Deleted snapshot ${id} of "${deleted.experiment_slug}".`,
    });
    return true;
  });
}

/**
 * Bytes of pinned data all snapshots hold (the `data` column, as stored text). octet_length of a
 * TOASTed value reads its stored size without decompressing it, so this stays cheap as the table grows.
 */
export async function snapshotStorageBytes(db: Db): Promise<number> {
  const rows = await db.$queryRawUnsafe<{ bytes: bigint | null }[]>(
    `SELECT SUM(octet_length("data"))::bigint AS "bytes" FROM "snapshots"`,
  );
  return Number(rows[0]?.bytes ?? 0);
}
