import { UnreadableFileError } from "../import/inputFile";
import { SettingError } from "../import/settings";
import { isConnectionError } from "../server/errors";
import { deleteCommand } from "./commands/delete";
import { demoCommand } from "./commands/demo";
import { ensembleCommand } from "./commands/ensemble";
import { experimentsCommand } from "./commands/experiments";
import { importCommand } from "./commands/import";
import { metricsCommand } from "./commands/metrics";
import { restoreCommand } from "./commands/restore";
import { trashCommand } from "./commands/trash";
import { versionsCommand } from "./commands/versions";
import { type CliIO, processIO, UsageError } from "./context";
import { USAGE } from "./usage";

type Command = (io: CliIO, args: string[]) => Promise<number>;

const COMMANDS: Record<string, Command> = {
  experiments: experimentsCommand,
  metrics: metricsCommand,
  demo: demoCommand,
  import: importCommand,
  ensemble: ensembleCommand,
  delete: deleteCommand,
  restore: restoreCommand,
  trash: trashCommand,
  versions: versionsCommand,
};

/** Runs one CLI invocation and returns its exit code; errors are printed, never thrown. */
export async function runCli(argv: string[], io: CliIO = processIO): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    io.out(USAGE);
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(`Unknown command "${name}".\n\n${USAGE}`);
    return 2;
  }
  try {
    return await command(io, args);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(error.message);
      return error.exitCode;
    }
    // A path that cannot be read or an unusable setting: the user's to fix, in one line.
    if (error instanceof UnreadableFileError || error instanceof SettingError) {
      io.err(error.message);
      return 2;
    }
    if (isConnectionError(error)) {
      const reason = error instanceof Error ? ` (${error.message})` : "";
      io.err(
        `The database cannot be reached${reason}. Check DATABASE_URL, or unset it to use the embedded PostgreSQL.`,
      );
      return 1;
    }
    if (error instanceof TypeError && "code" in error && String(error.code).startsWith("ERR_PARSE_ARGS")) {
      io.err(`${error.message}\n\n${USAGE}`);
      return 2;
    }
    throw error;
  }
}
