import { createWriteStream } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { Busboy, type BusboyInstance } from "@fastify/busboy";
import { ApiError, BadRequestError } from "./errors";
import { IMPORT_FIELD_MAX_BYTES, IMPORT_MAX_FILES } from "./limits";
import { bodyChunks, mediaTypeOf, parseJsonText } from "./requestBody";

/** Where an upload's files are spooled and how large the whole upload may be. */
export interface UploadSpool {
  /** A private temporary directory the caller removes when the import is done. */
  dir: string;
  /** Limit of the whole body, envelope included. */
  maxBytes: number;
}

/** The most text fields an import form has (experiment, name, alpha, format, tests, replace, dryRun), with room. */
const MAX_FIELDS = 32;

/** A streaming multipart parser with the import form's limits; a 400 when the header has no boundary. */
function multipartParser(contentType: string): BusboyInstance {
  try {
    return Busboy({
      headers: { "content-type": contentType },
      limits: {
        files: IMPORT_MAX_FILES,
        fields: MAX_FIELDS,
        fieldSize: IMPORT_FIELD_MAX_BYTES,
        parts: IMPORT_MAX_FILES + MAX_FIELDS,
      },
    });
  } catch {
    throw new BadRequestError("The multipart Content-Type has no valid boundary.");
  }
}

/** A file part of a multipart body, spooled to disk. */
export interface SpooledFile {
  /** The form field it came in. */
  field: string;
  /** The name the client gave it (a label only). */
  name: string;
  /** Where it was spooled. */
  path: string;
}

/**
 * Reads a `multipart/form-data` body: its text fields into a FormData, its files spooled to
 * `spool.dir`, so memory stays flat however large the upload. The body is counted while it streams
 * in: past `spool.maxBytes` this throws a 413 at once. Too many files, an oversized field or a
 * malformed body is a 400. File names are only labels: spooled files are named by index.
 */
export async function readMultipartForm(
  request: Request,
  spool: UploadSpool,
): Promise<{ form: FormData; files: SpooledFile[] }> {
  const parser = multipartParser(request.headers.get("content-type") ?? mediaTypeOf(request));
  const fields: [string, string][] = [];
  const fileStreams: Readable[] = [];
  const files: Promise<SpooledFile>[] = [];
  let refusal: BadRequestError | null = null;
  const refuse = (message: string) => {
    refusal ??= new BadRequestError(message);
  };
  parser.on("field", (name, value, _nameTruncated, valueTruncated) => {
    if (valueTruncated) refuse(`Invalid field "${name}": longer than ${IMPORT_FIELD_MAX_BYTES} bytes`);
    else fields.push([name, value]);
  });
  parser.on("file", (field, stream, name) => {
    const path = join(spool.dir, String(files.length));
    fileStreams.push(stream);
    const written = pipeline(stream, createWriteStream(path)).then(() => ({ field, name, path }));
    written.catch(() => {}); // awaited below; a failed upload destroys it first
    files.push(written);
  });
  parser.on("filesLimit", () => refuse(`Send at most ${IMPORT_MAX_FILES} files in one import.`));
  parser.on("fieldsLimit", () => refuse(`Send at most ${MAX_FIELDS} form fields.`));
  parser.on("partsLimit", () => refuse("The form has too many parts."));

  try {
    await pipeline(Readable.from(bodyChunks(request, spool.maxBytes)), parser);
  } catch (error) {
    for (const stream of fileStreams) stream.destroy();
    await Promise.allSettled(files);
    throw error instanceof ApiError ? error : new BadRequestError("The multipart body could not be read.");
  }
  const spooled = await Promise.all(files);
  if (refusal) throw refusal;

  const form = new FormData();
  for (const [name, value] of fields) form.append(name, value);
  return { form, files: spooled };
}

/**
 * Reads a JSON import body: spooled to disk while it is counted (so a body over the limit never
 * sits in memory), then parsed whole. 413 past `spool.maxBytes`, 400 when not JSON.
 */
export async function readJsonUpload(request: Request, spool: UploadSpool): Promise<unknown> {
  const path = join(spool.dir, "body.json");
  await pipeline(Readable.from(bodyChunks(request, spool.maxBytes)), createWriteStream(path));
  return parseJsonText(await readFile(path));
}
