/**
 * Sizes the HTTP layer enforces on every request and every error body (docs/security.md, "Limits").
 * Bodies are counted while they stream in, so a body over its limit is refused before it is
 * buffered or parsed, whether it declares a Content-Length or arrives chunked.
 */

/** Largest body a JSON route (ensembles, and every later JSON route) reads: 256 KiB. */
export const JSON_BODY_MAX_BYTES = 256 * 1024;

/**
 * Room for the multipart envelope and the form fields around an import's files: the whole upload
 * may be ALPHASCOPE_IMPORT_MAX_BYTES plus this much.
 */
export const IMPORT_ENVELOPE_BYTES = 1024 * 1024;

/** The most files one import request may carry (a manifest and the checkpoint files it names). */
export const IMPORT_MAX_FILES = 200;

/** Largest text field of a multipart import form (experiment, name, alpha, …). */
export const IMPORT_FIELD_MAX_BYTES = 16 * 1024;

/** An error body lists at most this many invalid request fields. */
export const ERROR_MAX_FIELD_ISSUES = 5;

/** An error body lists at most this many located import issues (the importer stops at 20). */
export const ERROR_MAX_IMPORT_ISSUES = 20;

/** An error message is cut to this many characters. */
export const ERROR_MESSAGE_MAX_CHARS = 300;

/** Every text in an error's details is cut to this many characters, so no input is echoed at length. */
export const ERROR_TEXT_MAX_CHARS = 200;

/**
 * A JSON import carries its files inside JSON strings and is parsed whole in memory, so it is held
 * to 64 MiB (or the import limit when smaller); send larger files as multipart, which is spooled.
 */
export const IMPORT_JSON_MAX_BYTES = 64 * 1024 * 1024;

/** The limit of a whole import body of media type `type`, given the per-file import limit. */
export function importBodyMaxBytes(type: string, importMaxBytes: number): number {
  const multipart = importMaxBytes + IMPORT_ENVELOPE_BYTES;
  return type === "application/json" ? Math.min(multipart, IMPORT_JSON_MAX_BYTES) : multipart;
}
