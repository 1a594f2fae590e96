import { slugSchema } from "../contracts/schemas";
import { versionIdSchema } from "../contracts/versions";
import { BadRequestError } from "./errors";

/**
 * The `[slug]` segment of an API route (an experiment's, or a study's), validated (the message does
 * not echo what was sent).
 */
export async function slugParam(
  params: Promise<{ slug: string }>,
  of: "experiment" | "study" = "experiment",
): Promise<string> {
  const { slug } = await params;
  const parsed = slugSchema.safeParse(slug);
  if (!parsed.success) throw new BadRequestError(`Invalid ${of} slug: ${parsed.error.issues[0].message}`);
  return parsed.data;
}

/** The `[id]` segment of an experiment version's route (400 when it is not a version id). */
export async function versionIdParam(params: Promise<{ id: string }>): Promise<number> {
  const { id } = await params;
  const parsed = versionIdSchema.safeParse(id);
  if (!parsed.success) throw new BadRequestError(`Invalid version id: ${parsed.error.issues[0].message}`);
  return parsed.data;
}
