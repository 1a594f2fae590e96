import { restoreExperiment } from "../../db/queries/experiments";
import { parseCommandArgs, slugArgument } from "../args";
import { type CliIO, UsageError, withDatabase } from "../context";

const USAGE_LINE = "Usage: alphascope restore <slug>";

/** `alphascope restore <slug>`: brings a deleted experiment back from the trash, as it was. */
export async function restoreCommand(io: CliIO, args: string[]): Promise<number> {
  const { positionals } = parseCommandArgs(args, {}, { allowPositionals: true });
  if (positionals.length !== 1) throw new UsageError(USAGE_LINE);
  const slug = slugArgument(positionals[0]);
  const restored = await withDatabase((db) => restoreExperiment(db, slug, "local"));
  if (!restored)
    throw new UsageError(`No experiment "${slug}" in the trash. List it with \`alphascope trash\`.`, 1);
  io.out(`Restored experiment "${slug}" from the trash.`);
  return 0;
}
