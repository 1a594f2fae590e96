import { stat } from "node:fs/promises";
import { basename } from "node:path";
import type { TrainedTarget } from "../../domain/checkpointKey";
import { EVALPLUS_TESTS, type EvalPlusTests } from "../../formats/evalplusStatus";
import { IMPORT_FORMATS, type ImportFormat, isImportFormat } from "../../formats/formats";
import { ImportValidationError, importError } from "../../formats/issues";
import { isManifestFile } from "../../formats/manifest";
import { textFault } from "../../formats/storable";
import { diskFile, type ImportInputFile } from "../../import/inputFile";
import { type ManifestImport, readHead, readManifest } from "../../import/manifestImport";
import { prepareImport, writeOptions } from "../../import/runImport";
import { importMaxBytes, importParseThreads } from "../../import/settings";
import { readSweepDirectory } from "../../import/sweepDirectory";
import { writeImport } from "../../import/write";
import { parseCommandArgs, slugArgument } from "../args";
import { type CliIO, UsageError, withDatabase } from "../context";
import { terminalProgress } from "./importProgress";
import { diskPart, type PushFile, PushRefusedError, pushImport, TOKEN_VARIABLE } from "./importPush";
import { renderImportReport } from "./importReport";
import { sweepProgress } from "./sweepProgress";

const USAGE_LINE =
  "Usage: alphascope import <file|manifest|directory> [--experiment slug --alpha a | --trained label [--coverage c]\n" +
  "         --format f --tests plus|base --generation file --dry-run --replace --confirm-identical --json\n" +
  "         --server url --token t]";

const OPTIONS = {
  experiment: { type: "string" },
  alpha: { type: "string" },
  trained: { type: "string" },
  coverage: { type: "string" },
  format: { type: "string" },
  tests: { type: "string" },
  generation: { type: "string" },
  "dry-run": { type: "boolean", default: false },
  replace: { type: "boolean", default: false },
  "confirm-identical": { type: "boolean", default: false },
  json: { type: "boolean", default: false },
  server: { type: "string" },
  token: { type: "string" },
} as const;

type Flags = ReturnType<typeof parseFlags>["values"];

function parseFlags(args: string[]) {
  return parseCommandArgs(args, OPTIONS, { allowPositionals: true });
}

function formatFlag(text: string | undefined): ImportFormat | undefined {
  if (text === undefined || isImportFormat(text)) return text;
  throw new UsageError(`--format must be one of ${IMPORT_FORMATS.join(", ")}, got "${text}".`);
}

function testsFlag(text: string | undefined): EvalPlusTests | undefined {
  if (text === undefined) return undefined;
  const tests = EVALPLUS_TESTS.find((candidate) => candidate === text);
  if (!tests) throw new UsageError(`--tests must be plus or base, got "${text}".`);
  return tests;
}

/** α is data: a bad one is reported like any other invalid field (exit 1), naming the file. */
function alphaFlag(text: string | undefined, file: string): number | undefined {
  return text === undefined ? undefined : numberField(text, file, "alpha", "α");
}

/** A number given as text: a bad one is reported like α (exit 1, naming the file and field). */
function numberField(text: string, file: string, field: string, what: string): number {
  const value = text.trim() === "" ? Number.NaN : Number(text);
  if (!Number.isFinite(value))
    throw importError({ file, field, message: `${what} must be a finite number, got "${text}"` });
  return value;
}

/** `--trained <label> [--coverage <c>]`: the trained checkpoint a results file is imported as. */
function trainedFlags(flags: Flags, file: string): TrainedTarget | undefined {
  if (flags.trained === undefined) {
    if (flags.coverage !== undefined) throw new UsageError("--coverage goes with --trained <label>.");
    return undefined;
  }
  if (flags.alpha !== undefined)
    throw new UsageError(
      "--trained and --alpha exclude each other: a trained checkpoint is not on the α line.",
    );
  const label = flags.trained.trim();
  const fault = label === "" ? "must not be empty" : textFault(label, "label");
  if (fault) throw importError({ file, field: "trained", message: `the trained label ${fault}` });
  const coverage =
    flags.coverage === undefined ? null : numberField(flags.coverage, file, "coverage", "coverage");
  return { label, coverage };
}

async function manifestRequest(
  input: ImportInputFile,
  flags: Flags,
  onFile: (path: string) => void = () => {},
): Promise<ManifestImport> {
  for (const flag of ["alpha", "trained", "coverage", "format", "generation"] as const) {
    if (flags[flag] !== undefined)
      throw new UsageError(
        `--${flag} cannot be used with a manifest: give it per checkpoint in the manifest.`,
      );
  }
  const manifest = await readManifest(input, async (path) => {
    const file = await diskFile(path, path);
    onFile(path);
    return file;
  });
  const slug =
    flags.experiment === undefined
      ? manifest.experiment.slug
      : slugArgument(flags.experiment, "--experiment");
  return { experiment: { ...manifest.experiment, slug }, entries: manifest.entries };
}

/** A directory of per-α runs (`alpha_<α>/` or `alpha=<α>/`, one results file each): one sweep. */
async function directoryRequest(path: string, flags: Flags): Promise<ManifestImport> {
  for (const flag of ["alpha", "trained", "coverage", "format", "generation"] as const) {
    if (flags[flag] !== undefined)
      throw new UsageError(`--${flag} cannot be used with a directory: α comes from each run's folder name.`);
  }
  if (flags.experiment === undefined)
    throw new UsageError(`--experiment <slug> is required to import a directory of runs.\n${USAGE_LINE}`);
  return {
    experiment: { slug: slugArgument(flags.experiment, "--experiment") },
    entries: await readSweepDirectory(path),
  };
}

async function fileRequest(input: ImportInputFile, flags: Flags): Promise<ManifestImport> {
  if (flags.experiment === undefined)
    throw new UsageError(`--experiment <slug> is required to import a results file.\n${USAGE_LINE}`);
  return {
    experiment: { slug: slugArgument(flags.experiment, "--experiment") },
    entries: [
      {
        input,
        alpha: alphaFlag(flags.alpha, input.name),
        trained: trainedFlags(flags, input.name),
        format: formatFlag(flags.format),
        generation:
          flags.generation === undefined ? undefined : await diskFile(flags.generation, flags.generation),
      },
    ],
  };
}

async function localRequest(path: string, flags: Flags): Promise<ManifestImport> {
  if ((await stat(path).catch(() => null))?.isDirectory()) return directoryRequest(path, flags);
  const input = await diskFile(path, path);
  return isManifestFile(input.name, await readHead(input))
    ? manifestRequest(input, flags)
    : fileRequest(input, flags);
}

/**
 * `alphascope import <file|manifest|directory> [...]`: imports one results file into an experiment, or a
 * whole sweep from a manifest, in one transaction. Invalid input prints `file:line: field: message`
 * lines and exits 1 without writing anything.
 */
export async function importCommand(io: CliIO, args: string[]): Promise<number> {
  const { positionals, values: flags } = parseFlags(args);
  if (positionals.length !== 1) throw new UsageError(USAGE_LINE);
  const tests = testsFlag(flags.tests);
  if (flags.server !== undefined) return pushCommand(io, positionals[0], flags);
  const maxBytes = importMaxBytes();
  let progress: { onProgress?: (file: string, read: number, total: number) => void; done(): void } = {
    done() {},
  };
  try {
    const request = await localRequest(positionals[0], flags);
    const files = request.entries.flatMap((entry) =>
      entry.generation ? [entry.input, entry.generation] : [entry.input],
    );
    progress = files.length > 1 ? sweepProgress(files) : terminalProgress();
    const importRequest = {
      ...request,
      tests,
      source: "cli" as const,
      replace: flags.replace,
      confirmIdentical: flags["confirm-identical"],
      dryRun: flags["dry-run"],
      maxBytes,
      onProgress: progress.onProgress,
      // A sweep's files are parsed by worker threads, several at once; one file, on this thread.
      parseThreads: request.entries.length > 1 ? importParseThreads() : 0,
    };
    // Sizes, formats and join files' names are checked before the database is opened; the rows are parsed
    // while they stream into the import's transaction, which a bad line rolls back.
    const plan = await prepareImport(importRequest);
    const report = await withDatabase((db) => writeImport(db, plan, writeOptions(importRequest)));
    progress.done();
    io.out(flags.json ? JSON.stringify(report, null, 2) : renderImportReport(report));
    return 0;
  } catch (error) {
    progress.done();
    if (!(error instanceof ImportValidationError)) throw error;
    io.err(error.format());
    return 1;
  }
}

/** The form fields of POST /api/imports carrying the same choices as the local flags. */
function pushFields(flags: Flags, manifest: boolean): Record<string, string> {
  const fields: Record<string, string> = {};
  if (flags.experiment !== undefined) fields.experiment = slugArgument(flags.experiment, "--experiment");
  if (!manifest && flags.alpha !== undefined) fields.alpha = flags.alpha;
  if (!manifest && flags.trained !== undefined) fields.trained = flags.trained;
  if (!manifest && flags.coverage !== undefined) fields.coverage = flags.coverage;
  if (!manifest && flags.format !== undefined) fields.format = flags.format;
  if (flags.tests !== undefined) fields.tests = flags.tests;
  for (const [flag, field] of [
    ["replace", "replace"],
    ["dry-run", "dryRun"],
    ["confirm-identical", "confirmIdentical"],
  ] as const) {
    if (flags[flag]) fields[field] = "true";
  }
  return fields;
}

/**
 * `alphascope import … --server <url>`: the same import, done by a team server. The file (or the
 * manifest and every file it names, checked here first) streams to its POST /api/imports, which
 * answers with the report a local import prints. A refusal is one line and exit 1.
 */
async function pushCommand(io: CliIO, path: string, flags: Flags): Promise<number> {
  const server = flags.server ?? "";
  const token = flags.token ?? process.env[TOKEN_VARIABLE];
  const progress = terminalProgress();
  try {
    if ((await stat(path).catch(() => null))?.isDirectory())
      throw new UsageError(
        "--server takes a results file or a manifest; for a directory of runs, write a manifest.",
      );
    const input = await diskFile(path, path);
    const manifest = isManifestFile(input.name, await readHead(input));
    const files: PushFile[] = [diskPart("file", path, basename(path), input.size)];
    if (manifest) {
      const named: string[] = [];
      await manifestRequest(input, flags, (file) => named.push(file));
      for (const file of named)
        files.push(diskPart("file", file, basename(file), (await diskFile(file)).size));
    } else {
      await fileRequest(input, flags);
      if (flags.generation !== undefined) {
        const generation = await diskFile(flags.generation);
        files.push(diskPart("generation", flags.generation, generation.name, generation.size));
      }
    }
    const report = await pushImport({
      server,
      token,
      fields: pushFields(flags, manifest),
      files,
      onProgress: progress.onProgress,
    });
    progress.done();
    io.out(flags.json ? JSON.stringify(report, null, 2) : renderImportReport(report));
    return 0;
  } catch (error) {
    progress.done();
    if (error instanceof PushRefusedError) {
      io.err(error.message);
      return 1;
    }
    if (!(error instanceof ImportValidationError)) throw error;
    io.err(error.format());
    return 1;
  }
}
