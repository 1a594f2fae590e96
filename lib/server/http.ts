import type { z } from "zod";
import { errorBody, fieldIssues } from "./errorBody";
import {
  ApiError,
  BadRequestError,
  DatabaseUnavailableError,
  InvalidInputError,
  isConnectionError,
  isInvalidInputError,
} from "./errors";
import { JSON_BODY_MAX_BYTES } from "./limits";
import { readJsonBody, requireMediaType } from "./requestBody";

/** The one error response shape of the API. */
export function errorResponse(error: unknown): Response {
  const apiError = toApiError(error);
  // Only faults are logged: a busy pool, a full quota or the database down are states, said in the answer.
  if (apiError.code === "internal") console.error(error);
  return Response.json(errorBody(apiError), {
    status: apiError.status,
    headers: { "cache-control": "no-store", ...apiError.headers },
  });
}

export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (isConnectionError(error)) return new DatabaseUnavailableError(error);
  if (isInvalidInputError(error)) return new InvalidInputError(error);
  return new ApiError(500, "internal", "Internal server error");
}

/** Runs a handler body and turns whatever it throws into the API's error shape. */
export async function handle(body: () => Promise<Response>): Promise<Response> {
  try {
    return await body();
  } catch (error) {
    return errorResponse(error);
  }
}

/** Parses query parameters with a zod schema; a failure is a 400 naming the parameter. */
export function parseSearchParams<T extends z.ZodType>(request: Request, schema: T): z.infer<T> {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  return parseWith(schema, params, "query parameter");
}

/**
 * Parses an `application/json` body (415 otherwise) of at most {@link JSON_BODY_MAX_BYTES} (413
 * past it, counted while it streams in) with a zod schema; malformed JSON or a failure is a 400.
 */
export async function parseJsonBody<T extends z.ZodType>(request: Request, schema: T): Promise<z.infer<T>> {
  requireMediaType(request, ["application/json"]);
  return parseWith(schema, await readJsonBody(request, JSON_BODY_MAX_BYTES), "field");
}

/** A zod parse whose failure is a 400 naming the first invalid field, with the first few in details. */
export function parseWith<T extends z.ZodType>(schema: T, value: unknown, what: string): z.infer<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const path = issue.path.map(String).join(".");
  throw new BadRequestError(
    path ? `Invalid ${what} "${path}": ${issue.message}` : issue.message,
    fieldIssues(result.error),
  );
}

/**
 * Whether an `Accept-Encoding` header takes gzip: named (or `*`) without `q=0`; a gzip named with
 * `q=0` refuses it even when `*` would take it.
 */
export function acceptsGzip(header: string | undefined): boolean {
  const weights = new Map<string, number>();
  for (const part of (header ?? "").split(",")) {
    const [coding, ...parameters] = part.split(";").map((piece) => piece.trim().toLowerCase());
    const q = parameters.find((parameter) => parameter.startsWith("q="));
    if (coding) weights.set(coding, q === undefined ? 1 : Number(q.slice(2)));
  }
  const weight = weights.get("gzip") ?? weights.get("x-gzip") ?? weights.get("*") ?? 0;
  return weight > 0;
}
