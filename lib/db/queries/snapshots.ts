import type { AuditActor } from "../../contracts/audit";
import type { Db } from "../client";
import { experimentTarget, recordAuditEvent, studyTarget } from "./audit";

/** What a snapshot row holds, written and read alike. */
interface SnapshotFields {
  id: string;
  /** The pinned experiment's slug; null for a study snapshot. */
  experimentSlug: string | null;
  /** The pinned study's slug (page "study"); null otherwise. */
  studySlug: string | null;
  page: string;
  view: string;
  version: string;
  title: string | null;
  /** JSON text: the response bodies the view was drawn from, as served and stored. */
  data: string;
  /** Opens for anyone, whoever may read the experiment. */
  public: boolean;
}

export interface NewSnapshot extends Omit<SnapshotFields, "public"> {
  /** The pinned experiment; null for a study snapshot. */
  experimentId: number | null;
  /** Not public when absent. */
  public?: boolean;
}

/**
 * Stores a snapshot under its id; false when the id is taken (the caller draws another), so a
 * collision never overwrites someone else's link.
 */
export function insertSnapshot(db: Db, snapshot: NewSnapshot, actor: AuditActor): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const inserted = await tx.$executeRawUnsafe(
      `INSERT INTO "snapshots" ("id", "experiment_id", "experiment_slug", "study_slug", "page", "view", "version", "title", "data", "public")
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT ("id") DO NOTHING`,
      snapshot.id,
      snapshot.experimentId,
      snapshot.experimentSlug,
      snapshot.studySlug,
      snapshot.page,
      snapshot.view,
      snapshot.version,
      snapshot.title,
      snapshot.data,
      snapshot.public ?? false,
    );
    if (inserted !== 1) return false;
    const pinned = snapshotTarget(snapshot);
    await recordAuditEvent(tx, {
      actor,
      action: "snapshot.create",
      target: pinned.target,
      summary: `Pinned ${snapshot.public ? "public " : ""}snapshot ${snapshot.id} of ${pinned.name} (${snapshot.page}, version ${snapshot.version}).`,
    });
    return true;
  });
}

/** What a snapshot pins, for the audit trail: its experiment, or its study. */
function snapshotTarget(snapshot: Pick<SnapshotFields, "experimentSlug" | "studySlug">): {
  target: string;
  name: string;
} {
  if (snapshot.experimentSlug !== null)
    return { target: experimentTarget(snapshot.experimentSlug), name: `"${snapshot.experimentSlug}"` };
  const study = snapshot.studySlug ?? "";
  return { target: studyTarget(study), name: `study "${study}"` };
}

export interface StoredSnapshot extends SnapshotFields {
  createdAt: Date;
  /**
   * The experiment's version now; null when it has been deleted (or moved to the trash) since, and
   * for a study snapshot (whose current version is its experiments', see lib/server/sharing).
   */
  currentVersion: string | null;
}

/** One snapshot with its experiment's current version; null when no snapshot has that id. */
export async function snapshotById(db: Db, id: string): Promise<StoredSnapshot | null> {
  const rows = await db.$queryRawUnsafe<StoredSnapshot[]>(
    `SELECT s."id", s."experiment_slug" AS "experimentSlug", s."study_slug" AS "studySlug", s."page", s."view", s."version", s."title",
       s."data", s."public", s."created_at" AS "createdAt", e."version" AS "currentVersion"
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
    const [deleted] = await tx.$queryRaw<{ experimentSlug: string | null; studySlug: string | null }[]>`
      DELETE FROM "snapshots" WHERE "id" = ${id}
      RETURNING "experiment_slug" AS "experimentSlug", "study_slug" AS "studySlug"`;
    if (!deleted) return false;
    const pinned = snapshotTarget(deleted);
    await recordAuditEvent(tx, {
      actor,
      action: "snapshot.delete",
      target: pinned.target,
      summary: `Deleted snapshot ${id} of ${pinned.name}.`,
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

/**
 * Whether the snapshot is public, and the experiments it pins: its experiment's slug, or every slug
 * a study snapshot's grid holds (read from the pinned data by the database, so the text never comes
 * here); null when no snapshot has that id.
 */
export async function snapshotAccess(
  db: Db,
  id: string,
): Promise<{ public: boolean; experimentSlugs: string[] } | null> {
  const rows = await db.$queryRawUnsafe<{ public: boolean; experimentSlugs: string[] }[]>(
    `SELECT s."public",
       CASE WHEN s."experiment_slug" IS NOT NULL THEN ARRAY[s."experiment_slug"]
         ELSE ARRAY(SELECT jsonb_array_elements(s."data"::jsonb -> 'study' -> 'experiments') ->> 'slug') END
         AS "experimentSlugs"
     FROM "snapshots" s WHERE s."id" = $1`,
    id,
  );
  return rows[0] ?? null;
}
