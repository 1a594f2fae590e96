import { formatIssue, ImportValidationError } from "../../formats/issues";
import { IdenticalContentError, ImportConflictError } from "../../import/conflicts";
import { ApiError } from "../errors";

/**
 * An import failure as an API error: 409 for a conflict with stored data (code
 * `identical_content`, with `details.confirm` naming the field that confirms it, for a checkpoint
 * identical to another α's), 422 for an invalid file; the located issues travel in
 * `details.issues` for the page to show inline, and the message names the first (a one-line
 * summary: the error body stays small however many issues there are).
 */
export function importApiError(error: unknown): unknown {
  if (!(error instanceof ImportValidationError)) return error;
  const conflict = error instanceof ImportConflictError;
  const [first, ...others] = error.issues;
  const summary = first
    ? `${formatIssue(first)}${others.length > 0 ? ` (and ${others.length} more)` : ""}`
    : error.message;
  const details = { issues: error.issues, truncated: error.truncated };
  if (error instanceof IdenticalContentError)
    return new ApiError(409, "identical_content", summary, { ...details, confirm: error.confirmField });
  return new ApiError(
    conflict ? 409 : 422,
    conflict ? "import_conflict" : "invalid_import",
    summary,
    details,
  );
}
