import type { Prisma } from "../generated/prisma/client";

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
