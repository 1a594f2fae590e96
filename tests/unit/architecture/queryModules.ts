/**
 * The modules of lib/db/queries. An entity keeps all of its reads and writes in one module named for it;
 * only heavy import SQL and the big analytic reads have files of their own, each with its reason. A file
 * that is in neither list fails the architecture test: a new query joins its entity's module, or is
 * listed here with why it stands apart.
 */
export const ENTITY_MODULES: Readonly<Record<string, string>> = {
  "experiments.ts": "experiments: list, lookup by slug, version, metadata, trash, restore, purge",
  "audit.ts": "the audit trail: record a write in its transaction, list events",
  "snapshots.ts": "pinned snapshots",
  "savedViews.ts": "saved views: list, create, rename, reorder, delete",
  "studies.ts": "studies: list, by slug with their experiments, membership",
  "statistics.ts": "stored statistics: heads, bodies, kinds, store, drop, enqueue their jobs",
  "dataChanges.ts": "the one-row data_changes id that versions every read",
  "health.ts": "the health check's database probe",
  "apiTokens.ts": "personal API tokens: create (by hash), use, list, revoke",
  "experimentShares.ts": "who may read an experiment: its visibility, owner and shares; share, unshare",
  "sessions.ts": "browser sign-in sessions: open (with its audit event), look up and slide, end, purge",
  "experimentVersions.ts":
    "experiment versions: record, list, read one, retire and revive checkpoints, purge retired ones",
  "users.ts": "the people of a team server: list, lookup, add or change role, remove",
};

export const HEAVY_SQL_MODULES: Readonly<Record<string, string>> = {
  "importBatches.ts": "the import_batches rows of an import and the content-hash check of a re-import",
  "importProblems.ts": "the import's bulk problem upsert and its difficulty-conflict check",
  "importResultBatch.ts": "the batched result writer (multi-row INSERT … SELECT unnest)",
  "importResults.ts": "the import's staging table and bulk result-row SQL",
  "importSummary.ts": "the report's per-checkpoint totals read back after writing",
  "importTargets.ts": "the experiment and checkpoints an import writes into, found or created under lock",
  "identicalCheckpoints.ts": "content-hash comparison of an import against stored checkpoints",
  "moveExperimentProblems.ts": "moving an experiment's results to another benchmark's problems",
  "problemResults.ts": "per-problem reads for the problems view and one problem's page",
  "sweep.ts": "the experiment header and the sweep matrix read that every statistic is computed from",
};

/** The smallest file allowed to stand apart from its entity's module. */
export const MIN_HEAVY_MODULE_LINES = 15;
