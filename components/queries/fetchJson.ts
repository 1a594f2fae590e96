import type { ApiErrorBody } from "../../lib/contracts/types";

/** A failed API request, carrying the server's error code so the UI can pick the right message. */
class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "ApiRequestError";
  }
}

function isApiErrorBody(value: unknown): value is ApiErrorBody {
  if (typeof value !== "object" || value === null || !("error" in value)) return false;
  const error = (value as { error: unknown }).error;
  return (
    typeof error === "object" &&
    error !== null &&
    typeof (error as { code?: unknown }).code === "string" &&
    typeof (error as { message?: unknown }).message === "string"
  );
}

/** Whether a request failed because the server has not computed what it asked for yet (a 503 to retry). */
export function isStillComputing(error: unknown): boolean {
  return error instanceof ApiRequestError && error.status === 503;
}

/**
 * GETs a JSON API route. A non-2xx answer becomes an {@link ApiRequestError} built from the
 * `{ error: { code, message } }` body (or from the status alone when the body is not that shape).
 */
export async function fetchJson<T>(url: string, init?: RequestInit): Promise<T> {
  const response = await fetch(url, { ...init, headers: { accept: "application/json", ...init?.headers } });
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    if (isApiErrorBody(body)) throw new ApiRequestError(response.status, body.error.code, body.error.message);
    throw new ApiRequestError(
      response.status,
      "http_error",
      `Request failed with status ${response.status}.`,
    );
  }
  return body as T;
}
