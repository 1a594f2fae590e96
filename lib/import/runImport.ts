import type { AuditActor } from "../contracts/audit";
import type { Db } from "../db/client";
import type { ImportSource } from "../db/queries/importBatches";
import { completeExperiment, type ExperimentSpec } from "./experimentSpec";
import type { ImportEntry, ImportPlan, PlannedFile } from "./plan";
import { type PrepareOptions, prepareFile } from "./prepareFile";
import type { ImportReport } from "./report";
import { type WriteOptions, writeImport } from "./write";

/** One import: files into one experiment, from any entry point. */
export interface ImportRequest extends PrepareOptions {
  experiment: ExperimentSpec;
  entries: ImportEntry[];
  source: ImportSource;
  replace?: boolean;
  dryRun?: boolean;
  /** Import a checkpoint even when its verdict counts equal another α's (refused otherwise). */
  confirmIdentical?: boolean;
  /** The importing user, who owns an experiment the import creates; none without sign-in. */
  ownerId?: number | null;
  /** Who the audit trail names: the request's actor for the API, "local" (the default) for the CLI. */
  actor?: AuditActor;
  /** Worker threads parsing the files (see WriteOptions.parseThreads); 0 or absent: on this thread. */
  parseThreads?: number;
}

/**
 * Reads, parses and validates every file of a request, without touching the database: a bad file
 * stops the import here. Throws ImportValidationError.
 */
export async function prepareImport(request: Omit<ImportRequest, keyof WriteOptions>): Promise<ImportPlan> {
  if (request.entries.length === 0) throw new Error("An import needs at least one file.");
  const files: PlannedFile[] = [];
  for (const entry of request.entries) files.push(await prepareFile(entry, request));
  return { experiment: completeExperiment(request.experiment, files[0].format), files };
}

/**
 * The write options of a request (defaults: no replace, no dry run, identical content refused,
 * parsed on this thread).
 */
export function writeOptions(request: ImportRequest): WriteOptions {
  return {
    source: request.source,
    actor: request.actor ?? "local",
    replace: request.replace ?? false,
    dryRun: request.dryRun ?? false,
    confirmIdentical: request.confirmIdentical ?? false,
    ownerId: request.ownerId ?? null,
    parseThreads: request.parseThreads ?? 0,
  };
}

/**
 * Imports files into an experiment: {@link prepareImport}, then {@link writeImport} in one
 * transaction. With `dryRun` the transaction is rolled back and the report tells what would have
 * happened.
 */
export async function runImport(db: Db, request: ImportRequest): Promise<ImportReport> {
  return writeImport(db, await prepareImport(request), writeOptions(request));
}
