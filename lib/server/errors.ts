/**
 * Errors the API turns into `{ error: { code, message } }` with a status. Anything else thrown inside a
 * handler is an internal error: it is logged and answered with a generic 500.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
    /** Extra response headers (Allow for 405, Retry-After for 503). */
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

export class NotFoundError extends ApiError {
  constructor(message: string) {
    super(404, "not_found", message);
    this.name = "NotFoundError";
  }
}

export class BadRequestError extends ApiError {
  constructor(message: string, details?: unknown) {
    super(400, "bad_request", message, details);
    this.name = "BadRequestError";
  }
}

/** A cross-site write, or a write from where this server does not accept writes. */
export class ForbiddenError extends ApiError {
  constructor(message: string) {
    super(403, "forbidden", message);
    this.name = "ForbiddenError";
  }
}

export class PayloadTooLargeError extends ApiError {
  constructor(maxBytes: number) {
    super(413, "too_large", `The request body is over the ${maxBytes}-byte limit.`);
    this.name = "PayloadTooLargeError";
  }
}

export class UnsupportedMediaTypeError extends ApiError {
  constructor(accepted: readonly string[]) {
    super(415, "unsupported_media_type", `Send the body as ${accepted.join(" or ")}.`);
    this.name = "UnsupportedMediaTypeError";
  }
}

/** Seconds a client is told to wait before asking again when the server was busy. */
export const BUSY_RETRY_AFTER_SECONDS = 2;

/** 503 `busy`: the server has no room for this request now (a full queue); asking again later works. */
export class BusyError extends ApiError {
  constructor(message: string) {
    super(503, "busy", message, undefined, { "retry-after": String(BUSY_RETRY_AFTER_SECONDS) });
    this.name = "BusyError";
  }
}

/** Seconds a client is told to wait before retrying while the database is down. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

export class DatabaseUnavailableError extends ApiError {
  constructor(cause: unknown) {
    super(
      503,
      "database_unavailable",
      "The database cannot be reached. Try again in a few seconds.",
      undefined,
      { "retry-after": String(DATABASE_RETRY_AFTER_SECONDS) },
    );
    this.name = "DatabaseUnavailableError";
    this.cause = cause;
  }
}

/** PostgreSQL refused a value (too long, out of range, not valid text) that validation let through. */
export class InvalidInputError extends ApiError {
  constructor(cause: unknown) {
    super(
      422,
      "invalid_input",
      "The database refused a value of this request: a text too long, a number out of range, or a date or text that is not valid.",
    );
    this.name = "InvalidInputError";
    this.cause = cause;
  }
}

/** Node socket errors and PostgreSQL SQLSTATEs that mean "no usable connection". */
const CONNECTION_ERROR_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ENOTFOUND",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "EPIPE",
  "57P01", // admin_shutdown
  "57P02", // crash_shutdown
  "57P03", // cannot_connect_now
  "53300", // too_many_connections
  "08000",
  "08001",
  "08003",
  "08004",
  "08006",
]);

/**
 * Prisma's codes for the same: P1001 cannot reach, P1002 timed out, P1008 socket timeout, P1017
 * server closed the connection, P2024 no connection from the pool in time, P2037 too many connections.
 */
const PRISMA_CONNECTION_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "P2037"]);

/** The driver adapter's error kinds (`meta.driverAdapterError.cause.kind`) for the same. */
const ADAPTER_CONNECTION_KINDS = new Set([
  "DatabaseNotReachable",
  "ConnectionClosed",
  "SocketTimeout",
  "TooManyConnections",
]);

/** Prisma's codes for a value PostgreSQL refused: too long, not valid for its type, out of range. */
const PRISMA_INPUT_CODES = new Set(["P2000", "P2007", "P2020"]);

/**
 * The errors linked to `error`: its cause chain, an AggregateError's errors, and a Prisma error's
 * `meta.driverAdapterError` (where Prisma 7 keeps the driver's own error, e.g. a P2010 raw-query
 * failure wrapping DatabaseNotReachable).
 */
function* linkedErrors(error: unknown, depth = 0): Generator<object> {
  if (depth > 6 || !(error instanceof Object)) return;
  yield error;
  const { cause, errors, meta } = error as { cause?: unknown; errors?: unknown; meta?: unknown };
  yield* linkedErrors(cause, depth + 1);
  if (Array.isArray(errors)) for (const inner of errors) yield* linkedErrors(inner, depth + 1);
  if (meta instanceof Object)
    yield* linkedErrors((meta as { driverAdapterError?: unknown }).driverAdapterError, depth + 1);
}

function codeOf(error: object): string | undefined {
  const code = (error as { code?: unknown }).code;
  return typeof code === "string" ? code : undefined;
}

/** True when an error (or one linked to it) says the database could not be reached. */
export function isConnectionError(error: unknown): boolean {
  for (const linked of linkedErrors(error)) {
    const code = codeOf(linked);
    if (code && (CONNECTION_ERROR_CODES.has(code) || PRISMA_CONNECTION_CODES.has(code))) return true;
    const kind = (linked as { kind?: unknown }).kind;
    if (typeof kind === "string" && ADAPTER_CONNECTION_KINDS.has(kind)) return true;
  }
  return false;
}

/**
 * True when PostgreSQL refused a value the client sent: a Prisma input code, or a SQLSTATE of class
 * 22 (data exception: invalid text encoding, a NUL byte, an impossible date, a number out of range),
 * 23514 (a CHECK constraint, e.g. a count that wrapped negative) or 54000 (a value too large for an
 * index row).
 */
export function isInvalidInputError(error: unknown): boolean {
  for (const linked of linkedErrors(error)) {
    const code = codeOf(linked);
    if (
      code &&
      (PRISMA_INPUT_CODES.has(code) || code.startsWith("22") || code === "23514" || code === "54000")
    )
      return true;
  }
  return false;
}
