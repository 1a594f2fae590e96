import { parseArgs } from "node:util";
import { demoCommand } from "./commands/demo";
import { ensembleCommand } from "./commands/ensemble";
import { experimentsCommand } from "./commands/experiments";
import { importCommand } from "./commands/import";
import { metricsCommand } from "./commands/metrics";
import { type CliIO, processIO, UsageError } from "./context";
import { USAGE } from "./usage";

type Command = (io: CliIO, args: string[]) => Promise<number>;

const COMMANDS: Record<string, Command> = {
  ensemble: ensembleCommand,
  demo: (io, args) => {
    parseArgs({ args, options: {} });
    return demoCommand(io);
  },
  import: importCommand,
  experiments: (io, args) => experimentsCommand(io, { json: flags(args, { json: false }).json }),
  metrics: (io, args) => {
    const { positionals, values } = parseArgs({
      args,
      allowPositionals: true,
      options: { json: { type: "boolean", default: false } },
    });
    if (positionals.length !== 1) throw new UsageError("Usage: alphascope metrics <slug> [--json]");
    return metricsCommand(io, positionals[0], { json: values.json });
  },
};

function flags(args: string[], defaults: { json: boolean }): { json: boolean } {
  const { values } = parseArgs({ args, options: { json: { type: "boolean", default: defaults.json } } });
  return { json: values.json };
}

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
    if (error instanceof TypeError && "code" in error && String(error.code).startsWith("ERR_PARSE_ARGS")) {
      io.err(`${error.message}\n\n${USAGE}`);
      return 2;
    }
    throw error;
  }
}
