import type { Db } from "../db/client";
import type { ImportSource } from "../db/queries/insertSweep";
import { completeExperiment, type ExperimentSpec } from "./experimentSpec";
import type { PlannedFile } from "./plan";
import { type ImportEntry, type PrepareOptions, prepareFile } from "./prepareFile";
import type { ImportReport } from "./report";
import { writeImport } from "./write";

/** One import: files into one experiment, from any entry point. */
export interface ImportRequest extends PrepareOptions {
  experiment: ExperimentSpec;
  entries: ImportEntry[];
  source: ImportSource;
  replace?: boolean;
  dryRun?: boolean;
}

/**
 * Imports files into an experiment: every file is read, parsed and validated first (a bad file
 * stops the import before the database is touched), then everything is written in one
 * transaction (see {@link writeImport}). With `dryRun` the transaction is rolled back and the
 * report tells what would have happened.
 */
export async function runImport(db: Db, request: ImportRequest): Promise<ImportReport> {
  if (request.entries.length === 0) throw new Error("An import needs at least one file.");
  const files: PlannedFile[] = [];
  for (const entry of request.entries) files.push(await prepareFile(entry, request));
  return writeImport(
    db,
    { experiment: completeExperiment(request.experiment, files[0].format), files },
    { source: request.source, replace: request.replace ?? false, dryRun: request.dryRun ?? false },
  );
}
