import type { z } from "zod";
import type { ApiErrorBody } from "../contracts/types";
import type { ApiError } from "./errors";
import {
  ERROR_MAX_FIELD_ISSUES,
  ERROR_MAX_IMPORT_ISSUES,
  ERROR_MESSAGE_MAX_CHARS,
  ERROR_TEXT_MAX_CHARS,
} from "./limits";

/** `text` cut to `max` characters (never splitting a surrogate pair), marked with an ellipsis when cut. */
export function clip(text: string, max: number = ERROR_TEXT_MAX_CHARS): string {
  if (text.length <= max) return text;
  return `${Array.from(text.slice(0, max)).slice(0, -1).join("")}…`;
}

/**
 * A copy of `details` small enough to send: texts clipped, lists cut to the import issue limit,
 * nesting ended at a few levels. Whatever a handler put there, the body stays a few kilobytes.
 */
function bounded(value: unknown, depth = 0): unknown {
  if (typeof value === "string") return clip(value);
  if (value === null || typeof value !== "object") return value;
  if (depth >= 3) return undefined;
  if (Array.isArray(value))
    return value.slice(0, ERROR_MAX_IMPORT_ISSUES).map((item) => bounded(item, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, bounded(item, depth + 1)]));
}

/** The one error body of the API, bounded in size. */
export function errorBody(error: ApiError): ApiErrorBody {
  const body: ApiErrorBody = {
    error: { code: error.code, message: clip(error.message, ERROR_MESSAGE_MAX_CHARS) },
  };
  if (error.details !== undefined) body.error.details = bounded(error.details);
  return body;
}

/** The first few issues of a failed zod parse as `{ fields: [{field, message}], truncated }` details. */
export function fieldIssues(error: z.ZodError): {
  fields: { field: string; message: string }[];
  truncated: boolean;
} {
  return {
    fields: error.issues
      .slice(0, ERROR_MAX_FIELD_ISSUES)
      .map((issue) => ({ field: issue.path.map(String).join("."), message: issue.message })),
    truncated: error.issues.length > ERROR_MAX_FIELD_ISSUES,
  };
}
