import type { ImportSource } from "../db/queries/importBatches";
import { type ImportIssue, ImportValidationError } from "../formats/issues";

/** How many problem ids a refusal lists before summarizing the rest. */
const LISTED_PROBLEMS = 10;

/** Lists problem ids for a message: the first few, then how many more. */
export function listProblems(ids: readonly string[]): string {
  const shown = ids.slice(0, LISTED_PROBLEMS).map((id) => JSON.stringify(id));
  const rest = ids.length - shown.length;
  return rest > 0 ? `${shown.join(", ")} and ${rest} more` : shown.join(", ");
}

/**
 * A valid file that contradicts what is stored (results that differ without --replace, a problem
 * difficulty that differs): the import is refused as a whole. It is a validation error located at
 * the file, so every entry point reports it the same way; the API answers 409 for it.
 */
export class ImportConflictError extends ImportValidationError {
  constructor(issue: ImportIssue) {
    super([issue]);
    this.name = "ImportConflictError";
  }
}

/** The option that lets an import overwrite differing results, as each entry point names it. */
export const REPLACE_OPTION: Record<ImportSource, string> = {
  cli: "use --replace to overwrite them",
  api: 'send "replace": true to overwrite them',
  web: "tick “Replace stored results that differ” to overwrite them",
  demo: "use --replace to overwrite them",
};

/** The option that confirms content identical to another α's, as each entry point names it. */
export const CONFIRM_IDENTICAL_OPTION: Record<ImportSource, string> = {
  cli: "use --confirm-identical to import it anyway",
  api: 'send "confirmIdentical": true to import it anyway',
  web: "tick “Import even if identical to another α” to import it anyway",
  demo: "use --confirm-identical to import it anyway",
};

/**
 * A checkpoint whose per-problem verdict counts equal another α's of the same experiment: most
 * likely one file imported under two α. Refused unless confirmed; the API answers 409 with the
 * field that confirms it.
 */
export class IdenticalContentError extends ImportConflictError {
  /** The request field that confirms the import. */
  readonly confirmField = "confirmIdentical";

  constructor(issue: ImportIssue) {
    super(issue);
    this.name = "IdenticalContentError";
  }
}
