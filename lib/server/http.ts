import type { z } from "zod";
import type { ApiErrorBody } from "../api/types";
import { ApiError, BadRequestError, DatabaseUnavailableError, isConnectionError } from "./errors";

/** The one error response shape of the API. */
export function errorResponse(error: unknown): Response {
  const apiError = toApiError(error);
  if (apiError.status >= 500 && !(apiError instanceof DatabaseUnavailableError)) console.error(error);
  const body: ApiErrorBody = { error: { code: apiError.code, message: apiError.message } };
  if (apiError.details !== undefined) body.error.details = apiError.details;
  return Response.json(body, { status: apiError.status });
}

export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (isConnectionError(error)) return new DatabaseUnavailableError(error);
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

/** Parses a JSON request body with a zod schema; malformed JSON or a failure is a 400. */
export async function parseJsonBody<T extends z.ZodType>(request: Request, schema: T): Promise<z.infer<T>> {
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    throw new BadRequestError("The request body is not valid JSON.");
  }
  return parseWith(schema, body, "field");
}

function parseWith<T extends z.ZodType>(schema: T, value: unknown, what: string): z.infer<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const path = issue.path.join(".");
  throw new BadRequestError(
    path ? `Invalid ${what} "${path}": ${issue.message}` : issue.message,
    result.error.issues,
  );
}
