import { type ImportIssue, ImportValidationError } from "../import/issues";

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
