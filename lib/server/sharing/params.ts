import { savedViewIdSchema, snapshotIdSchema } from "../../contracts/sharing";
import { BadRequestError, NotFoundError } from "../errors";

/**
 * The `[id]` segment of a snapshot route. An id that cannot be one is unknown (404): a short link
 * mistyped by a reader is "no such snapshot", whatever its form.
 */
export async function snapshotIdParam(params: Promise<{ id: string }>): Promise<string> {
  const { id } = await params;
  if (!snapshotIdSchema.safeParse(id).success) throw new NotFoundError("No such snapshot.");
  return id;
}

/** The `[id]` segment of a saved view's route (400 when it is not a view id). */
export async function savedViewIdParam(params: Promise<{ id: string }>): Promise<number> {
  const { id } = await params;
  const parsed = savedViewIdSchema.safeParse(id);
  if (!parsed.success) throw new BadRequestError(`Invalid saved view id: ${parsed.error.issues[0].message}`);
  return parsed.data;
}
