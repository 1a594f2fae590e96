import { UnreadableFileError } from "../import/inputFile";
import { SettingError } from "../import/settings";
import { isConnectionError } from "../server/errors";
import { type CliIO, processIO, UsageError } from "./context";
import { USAGE } from "./usage";

type Command = (io: CliIO, args: string[]) => Promise<number>;

/**
 * Each command's module, loaded when it runs: loading every command's graph up front (the server's
 * bundle, sign-in and compute code) no longer fits the 64 MB heap a paper-scale import runs in
 * (tests/integration/importHeapLimit.test.ts).
 */
const COMMANDS: Record<string, () => Promise<Command>> = {
  experiments: async () => (await import("./commands/experiments")).experimentsCommand,
  metrics: async () => (await import("./commands/metrics")).metricsCommand,
  demo: async () => (await import("./commands/demo")).demoCommand,
  import: async () => (await import("./commands/import")).importCommand,
  ensemble: async () => (await import("./commands/ensemble")).ensembleCommand,
  delete: async () => (await import("./commands/delete")).deleteCommand,
  restore: async () => (await import("./commands/restore")).restoreCommand,
  trash: async () => (await import("./commands/trash")).trashCommand,
  bundle: async () => (await import("./commands/bundle")).bundleCommand,
  users: async () => (await import("./commands/users")).usersCommand,
  tokens: async () => (await import("./commands/tokens")).tokensCommand,
  versions: async () => (await import("./commands/versions")).versionsCommand,
};

/** Runs one CLI invocation and returns its exit code; errors are printed, never thrown. */
export async function runCli(argv: string[], io: CliIO = processIO): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    io.out(USAGE);
    return name ? 0 : 2;
  }
  const load = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!load) {
    io.err(`Unknown command "${name}".\n\n${USAGE}`);
    return 2;
  }
  try {
    const command = await load();
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
