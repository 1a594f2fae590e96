import type { AuditActor } from "../contracts/audit";
import type { Db } from "../db/client";
import { purgeTrash, restoreExperiment, trashExperiment } from "../db/queries/experiments";
import { purgeRetiredCheckpoints } from "../db/queries/experimentVersions";
import { SettingError } from "../import/settings";
import { actorOf } from "./auth/actor";
import { NotFoundError } from "./errors";

/** Environment variable giving how many days a deleted experiment stays in the trash. */
export const TRASH_DAYS_VARIABLE = "ALPHASCOPE_TRASH_DAYS";

/** Days in the trash when ALPHASCOPE_TRASH_DAYS is unset. */
export const DEFAULT_TRASH_DAYS = 30;

/** The graphile-worker task that purges the trash, and its schedule (hourly, on the hour). */
export const PURGE_TRASH_TASK = "purge_trash";
export const PURGE_TRASH_CRONTAB = `0 * * * * ${PURGE_TRASH_TASK}`;

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The retention of the trash in days: ALPHASCOPE_TRASH_DAYS, else 30. Only plain digits are accepted
 * (no `1e3`, `0x10` or `30d`, which Number() would read or misread); 0 purges at the next run.
 * Throws SettingError.
 */
export function trashDays(env: Readonly<Record<string, string | undefined>> = process.env): number {
  const text = env[TRASH_DAYS_VARIABLE];
  if (text === undefined || text === "") return DEFAULT_TRASH_DAYS;
  const value = /^\d+$/.test(text.trim()) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(value) || value > 36_500) {
    throw new SettingError(
      `${TRASH_DAYS_VARIABLE} must be a whole number of days from 0 to 36500 (e.g. ${DEFAULT_TRASH_DAYS}), got ${JSON.stringify(text)}.`,
    );
  }
  return value;
}

/** When an experiment deleted at `deletedAt` is purged, with `days` of retention. */
export function purgeDate(deletedAt: Date, days: number): Date {
  return new Date(deletedAt.getTime() + days * DAY_MS);
}

/** Purges every experiment whose retention ended by `now`; returns the purged slugs. */
export function purgeExpiredTrash(db: Db, now: Date, days: number): Promise<string[]> {
  return purgeTrash(db, new Date(now.getTime() - days * DAY_MS));
}

/**
 * Purges every checkpoint an import replaced (or a version restore left out) whose retention ended
 * by `now`, with the old versions that held it; returns the slugs of the experiments concerned.
 */
export function purgeExpiredVersions(db: Db, now: Date, days: number): Promise<string[]> {
  return purgeRetiredCheckpoints(db, new Date(now.getTime() - days * DAY_MS));
}

/**
 * Who the audit trail names for a request the zero-configuration write guard let through; call
 * sites that hold the request's principal use actorOf(principal) instead.
 */
export function requestActor(env: NodeJS.ProcessEnv = process.env): AuditActor {
  return actorOf({ kind: "local" }, env);
}

/** DELETE /api/experiments/<slug>: moves the experiment to the trash; 404 when none is live. */
export async function trashForRequest(
  db: Db,
  slug: string,
  actor: AuditActor,
): Promise<{ slug: string; deletedAt: string; purgeAfter: string }> {
  const days = trashDays();
  const deletedAt = await trashExperiment(db, slug, actor);
  if (deletedAt === null) throw new NotFoundError(`No experiment "${slug}".`);
  return { slug, deletedAt: deletedAt.toISOString(), purgeAfter: purgeDate(deletedAt, days).toISOString() };
}

/** POST /api/experiments/<slug>/restore: brings it back; 404 when it is not in the trash. */
export async function restoreForRequest(
  db: Db,
  slug: string,
  actor: AuditActor,
): Promise<{ slug: string; restored: true }> {
  if (!(await restoreExperiment(db, slug, actor)))
    throw new NotFoundError(`No experiment "${slug}" in the trash.`);
  return { slug, restored: true };
}
