import { trashExperiment } from "../../db/queries/experiments";
import { trashDays } from "../../server/trash";
import { parseCommandArgs, slugArgument } from "../args";
import { type CliIO, UsageError, withDatabase } from "../context";

const USAGE_LINE = "Usage: alphascope delete <slug> --yes";

/**
 * `alphascope delete <slug> --yes`: moves an experiment to the trash, from which `alphascope restore`
 * brings it back until the purge job deletes it for good (after ALPHASCOPE_TRASH_DAYS). Asks for
 * --yes because the experiment disappears from every page and API route at once.
 */
export async function deleteCommand(io: CliIO, args: string[]): Promise<number> {
  const { positionals, values } = parseCommandArgs(
    args,
    { yes: { type: "boolean", default: false } },
    { allowPositionals: true },
  );
  if (positionals.length !== 1) throw new UsageError(USAGE_LINE);
  const slug = slugArgument(positionals[0]);
  const days = trashDays();
  if (!values.yes) {
    throw new UsageError(
      `This moves "${slug}" to the trash (purged for good after ${days} days). Run again with --yes to do it.`,
    );
  }
  const deleted = await withDatabase((db) => trashExperiment(db, slug, "local"));
  if (deleted === null)
    throw new UsageError(`No experiment "${slug}". List them with \`alphascope experiments\`.`, 1);
  io.out(
    `Moved experiment "${slug}" to the trash; \`alphascope restore ${slug}\` brings it back within ${days} days.`,
  );
  return 0;
}
