import { slugSchema } from "../contracts/schemas";
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
