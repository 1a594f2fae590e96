import type { Db } from "../client";

/** The experiment's id and current version by slug; null when no experiment has that slug. */
export function experimentRef(db: Db, slug: string): Promise<{ id: number; version: string } | null> {
  return db.experiment.findUnique({ where: { slug }, select: { id: true, version: true } });
}
