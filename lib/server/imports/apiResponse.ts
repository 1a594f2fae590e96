import { ImportValidationError } from "../../import/issues";
import { ImportConflictError } from "../../importer/conflicts";
import { ApiError } from "../errors";

/**
 * An import failure as an API error: 409 for a conflict with stored data, 422 for an invalid
 * file; the located issues travel in `details.issues` for the page to show inline.
 */
export function importApiError(error: unknown): unknown {
  if (!(error instanceof ImportValidationError)) return error;
  const conflict = error instanceof ImportConflictError;
  return new ApiError(conflict ? 409 : 422, conflict ? "import_conflict" : "invalid_import", error.format(), {
    issues: error.issues,
    truncated: error.truncated,
  });
}
