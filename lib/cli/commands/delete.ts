import { deleteExperiment } from "../../db/queries/experiments";
import { parseCommandArgs, slugArgument } from "../args";
import { type CliIO, UsageError, withDatabase } from "../context";

const USAGE_LINE = "Usage: alphascope delete <slug> --yes";

/**
 * `alphascope delete <slug> --yes`: removes an experiment with its checkpoints and results (problems
 * and the import history stay). Asks for --yes because it cannot be undone.
 */
export async function deleteCommand(io: CliIO, args: string[]): Promise<number> {
  const { positionals, values } = parseCommandArgs(
    args,
    { yes: { type: "boolean", default: false } },
    { allowPositionals: true },
  );
  if (positionals.length !== 1) throw new UsageError(USAGE_LINE);
  const slug = slugArgument(positionals[0]);
  if (!values.yes) {
    throw new UsageError(
      `This deletes "${slug}" with all its checkpoints and results, for good. Run again with --yes to do it.`,
    );
  }
  const deleted = await withDatabase((db) => deleteExperiment(db, slug));
  if (!deleted)
    throw new UsageError(`No experiment "${slug}". List them with \`alphascope experiments\`.`, 1);
  io.out(`Deleted experiment "${slug}" with its checkpoints and results.`);
  return 0;
}
