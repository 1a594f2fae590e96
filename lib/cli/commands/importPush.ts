import { randomBytes } from "node:crypto";
import { createReadStream } from "node:fs";
import { request as httpRequest, type IncomingMessage } from "node:http";
import { request as httpsRequest } from "node:https";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { formatIssue, type ImportIssue } from "../../formats/issues";
import type { ImportReport } from "../../import/report";

/** Environment variable the CLI reads the team server's write token from when --token is absent. */
export const TOKEN_VARIABLE = "ALPHASCOPE_TOKEN";

/** A file sent to the server: a part named `file` (results or manifest) or `generation`. */
export interface PushFile {
  part: "file" | "generation";
  /**
   * The name the server sees: the base name (a form upload carries no directories; the server
   * matches a manifest's files by it), so the report names files without the local path.
   */
  name: string;
  size: number;
  /** Streams the bytes; never read whole into memory. */
  open(): Readable;
}

export interface PushRequest {
  /** Base URL of the team server, e.g. https://alphascope.example.org */
  server: string;
  token: string | undefined;
  /** Form fields of POST /api/imports (experiment, alpha, replace, dryRun, …). */
  fields: Record<string, string>;
  files: PushFile[];
  /** Bytes of the files sent so far (the multipart framing is not counted). */
  onProgress?: (file: string, sent: number, total: number) => void;
}

/** The server refused the push (token, permission, conflict, invalid file): one line to print, exit 1. */
export class PushRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PushRefusedError";
  }
}

/** A file on disk as a part of the push. */
export function diskPart(part: PushFile["part"], path: string, name: string, size: number): PushFile {
  return { part, name, size, open: () => createReadStream(path, { highWaterMark: 1 << 20 }) };
}

/** A part whose bytes are already in memory (a manifest written for a directory of runs). */
export function memoryPart(part: PushFile["part"], name: string, text: string): PushFile {
  const bytes = Buffer.from(text, "utf8");
  return { part, name, size: bytes.byteLength, open: () => Readable.from([bytes]) };
}

/** Quotes a multipart header parameter (RFC 7578: quotes and line breaks percent-encoded). */
function quoted(value: string): string {
  return `"${value.replace(/["\r\n%]/g, (c) => encodeURIComponent(c))}"`;
}

/**
 * The multipart body as ordered pieces: framing strings and files. Its length is known before a
 * byte is sent, so the request carries Content-Length and the server can refuse an oversized
 * upload at once.
 */
export function multipartPieces(
  boundary: string,
  fields: Record<string, string>,
  files: readonly PushFile[],
): (Buffer | PushFile)[] {
  const pieces: (Buffer | PushFile)[] = [];
  for (const [key, value] of Object.entries(fields)) {
    pieces.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name=${quoted(key)}\r\n\r\n${value}\r\n`),
    );
  }
  for (const file of files) {
    pieces.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name=${quoted(file.part)}; filename=${quoted(file.name)}\r\n` +
          "Content-Type: application/octet-stream\r\n\r\n",
      ),
      file,
      Buffer.from("\r\n"),
    );
  }
  pieces.push(Buffer.from(`--${boundary}--\r\n`));
  return pieces;
}

async function* bodyChunks(
  pieces: readonly (Buffer | PushFile)[],
  onProgress: PushRequest["onProgress"],
): AsyncGenerator<Buffer> {
  const total = pieces.reduce((sum, piece) => sum + (Buffer.isBuffer(piece) ? 0 : piece.size), 0);
  let sent = 0;
  for (const piece of pieces) {
    if (Buffer.isBuffer(piece)) {
      yield piece;
      continue;
    }
    for await (const chunk of piece.open()) {
      const bytes = chunk as Buffer;
      sent += bytes.byteLength;
      onProgress?.(piece.name, sent, total);
      yield bytes;
    }
  }
}

async function readBody(response: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of response) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

interface ErrorBody {
  error?: { code?: string; message?: string; details?: { issues?: ImportIssue[] } };
}

/** The server's refusal as one line: its message, or the status when the body is not ours. */
export function refusalLine(server: string, status: number, body: string): string {
  let parsed: ErrorBody = {};
  try {
    parsed = JSON.parse(body) as ErrorBody;
  } catch {
    // not alphascope's JSON error body (a proxy's page): the status says enough
  }
  const firstIssue = parsed.error?.details?.issues?.[0];
  const message = parsed.error?.message ?? (firstIssue ? formatIssue(firstIssue) : undefined);
  const what = status === 401 || status === 403 ? "refused the write" : "refused the import";
  return `${server} ${what} (HTTP ${status}): ${message ?? "no explanation given"}`;
}

/**
 * Streams the files to the team server's POST /api/imports as multipart/form-data (node:http, so
 * a file of any size goes out in 1 MiB chunks with back-pressure) and returns its import report,
 * the same object a local import returns. Any refusal (401/403 token, 409 conflict, 422 invalid
 * file, …) throws {@link PushRefusedError} with one line.
 */
export async function pushImport(push: PushRequest): Promise<ImportReport> {
  let url: URL;
  try {
    url = new URL("api/imports", push.server.endsWith("/") ? push.server : `${push.server}/`);
  } catch {
    throw new PushRefusedError(
      `--server must be a URL such as https://alphascope.example.org, got "${push.server}".`,
    );
  }
  if (url.protocol !== "http:" && url.protocol !== "https:")
    throw new PushRefusedError(`--server must be an http or https URL, got "${push.server}".`);
  const boundary = `alphascope-${randomBytes(12).toString("hex")}`;
  const pieces = multipartPieces(boundary, push.fields, push.files);
  const length = pieces.reduce(
    (sum, piece) => sum + (Buffer.isBuffer(piece) ? piece.byteLength : piece.size),
    0,
  );
  const headers: Record<string, string | number> = {
    "content-type": `multipart/form-data; boundary=${boundary}`,
    "content-length": length,
    accept: "application/json",
  };
  if (push.token) headers.authorization = `Bearer ${push.token}`;
  const send = url.protocol === "https:" ? httpsRequest : httpRequest;
  const request = send(url, { method: "POST", headers });
  const responded = new Promise<IncomingMessage>((resolve, reject) => {
    request.once("response", resolve);
    request.once("error", reject);
  });
  try {
    // The server may answer (401, 413) before the body is sent: the answer wins over the broken pipe.
    await Promise.race([pipeline(Readable.from(bodyChunks(pieces, push.onProgress)), request), responded]);
  } catch (error) {
    const answered = await Promise.race([
      responded,
      new Promise<null>((resolve) => setImmediate(resolve, null)),
    ]);
    if (!answered) throw unreachable(push.server, error);
  }
  let response: IncomingMessage;
  try {
    response = await responded;
  } catch (error) {
    throw unreachable(push.server, error);
  }
  const body = await readBody(response);
  const status = response.statusCode ?? 0;
  if (status < 200 || status >= 300) throw new PushRefusedError(refusalLine(push.server, status, body));
  return JSON.parse(body) as ImportReport;
}

function unreachable(server: string, error: unknown): PushRefusedError {
  const reason = error instanceof Error ? error.message : String(error);
  return new PushRefusedError(`Cannot reach ${server}: ${reason}`);
}
