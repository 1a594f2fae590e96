import type { AuditActor } from "../../contracts/audit";
import {
  SAVED_VIEWS_MAX,
  type SavedView,
  type SavedViewList,
  type SharedPage,
} from "../../contracts/sharing";
import type { Db } from "../../db/client";
import { experimentRef } from "../../db/queries/experiments";
import {
  createSavedView,
  deleteSavedView,
  renameSavedView,
  reorderSavedViews,
  type SavedViewRow,
  savedViews,
} from "../../db/queries/savedViews";
import { ApiError, BadRequestError, NotFoundError } from "../errors";

function toWire(row: SavedViewRow): SavedView {
  return {
    id: row.id,
    name: row.name,
    page: row.page as SharedPage,
    view: row.view,
    position: row.position,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

async function experimentId(db: Db, slug: string): Promise<number> {
  const experiment = await experimentRef(db, slug);
  if (!experiment) throw new NotFoundError(`No experiment "${slug}".`);
  return experiment.id;
}

function noView(slug: string, id: number): NotFoundError {
  return new NotFoundError(`Experiment "${slug}" has no saved view ${id}.`);
}

/** GET /api/experiments/[slug]/views: the saved views in deck order. */
export async function listSavedViews(db: Db, slug: string): Promise<SavedViewList> {
  const rows = await savedViews(db, await experimentId(db, slug));
  return { experiment: slug, views: rows.map(toWire) };
}

/** POST /api/experiments/[slug]/views: saves a view at the end of the deck. */
export async function addSavedView(
  db: Db,
  slug: string,
  input: { name: string; page: SharedPage; view: string },
  actor: AuditActor,
): Promise<SavedView> {
  const row = await createSavedView(db, await experimentId(db, slug), input, SAVED_VIEWS_MAX, {
    actor,
    slug,
  });
  if (!row)
    throw new ApiError(
      409,
      "conflict",
      `An experiment keeps at most ${SAVED_VIEWS_MAX} saved views; delete some.`,
    );
  return toWire(row);
}

/** PATCH /api/experiments/[slug]/views/[id]: renames a saved view. */
export async function renameView(
  db: Db,
  slug: string,
  id: number,
  name: string,
  actor: AuditActor,
): Promise<SavedView> {
  const row = await renameSavedView(db, await experimentId(db, slug), id, name, { actor, slug });
  if (!row) throw noView(slug, id);
  return toWire(row);
}

/** DELETE /api/experiments/[slug]/views/[id] */
export async function removeView(db: Db, slug: string, id: number, actor: AuditActor): Promise<void> {
  if (!(await deleteSavedView(db, await experimentId(db, slug), id, { actor, slug }))) throw noView(slug, id);
}

/** PUT /api/experiments/[slug]/views/order: the deck in the given order. */
export async function reorderViews(
  db: Db,
  slug: string,
  ids: readonly number[],
  actor: AuditActor,
): Promise<SavedViewList> {
  const rows = await reorderSavedViews(db, await experimentId(db, slug), ids, { actor, slug });
  if (!rows)
    throw new BadRequestError(
      'Invalid field "ids": must list every saved view of the experiment exactly once.',
      {
        fields: [{ field: "ids", message: "must list every saved view of the experiment exactly once" }],
        truncated: false,
      },
    );
  return { experiment: slug, views: rows.map(toWire) };
}
