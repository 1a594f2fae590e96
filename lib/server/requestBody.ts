import { BadRequestError, PayloadTooLargeError, UnsupportedMediaTypeError } from "./errors";

/** The media type of a Content-Type header without its parameters, lowercased ("" when absent). */
export function mediaTypeOf(request: Request): string {
  const header = request.headers.get("content-type") ?? "";
  return header.split(";")[0].trim().toLowerCase();
}

/** Refuses (415) a body whose Content-Type is not one of `accepted`. */
export function requireMediaType(request: Request, accepted: readonly string[]): string {
  const type = mediaTypeOf(request);
  if (!accepted.includes(type)) throw new UnsupportedMediaTypeError(accepted);
  return type;
}

/**
 * The body's chunks as they arrive, counted: a declared Content-Length over `maxBytes` is refused
 * before anything is read, and a body (chunked or lying about its length) that goes past `maxBytes`
 * is refused at the chunk that crosses it, so at most one chunk beyond the limit is ever held.
 *
 * On refusal the stream is released, not cancelled: under Next, cancelling destroys the request's
 * socket and the client would see a reset instead of the 413.
 */
export async function* bodyChunks(request: Request, maxBytes: number): AsyncGenerator<Uint8Array> {
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > maxBytes) throw new PayloadTooLargeError(maxBytes);
  if (!request.body) return;
  const reader = request.body.getReader();
  let total = 0;
  try {
    for (let next = await reader.read(); !next.done; next = await reader.read()) {
      total += next.value.byteLength;
      if (total > maxBytes) throw new PayloadTooLargeError(maxBytes);
      yield next.value;
    }
  } finally {
    reader.releaseLock();
  }
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** Parses a JSON body's bytes: a 400 when they are not UTF-8 JSON. */
export function parseJsonText(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(utf8.decode(bytes));
  } catch {
    throw new BadRequestError("The request body is not valid JSON (UTF-8).");
  }
}

/** Reads a whole JSON body of at most `maxBytes` and parses it: 413 past the limit, 400 when not JSON. */
export async function readJsonBody(request: Request, maxBytes: number): Promise<unknown> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of bodyChunks(request, maxBytes)) chunks.push(chunk);
  return parseJsonText(Buffer.concat(chunks));
}
