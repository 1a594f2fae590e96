import { constants, type Stats } from "node:fs";
import { access, open, stat } from "node:fs/promises";
import { basename } from "node:path";

/** A file to import, wherever its bytes come from (disk, an upload, a test's buffer). */
export interface ImportInputFile {
  /** The name used in messages and for format detection. */
  name: string;
  /** Size in bytes, checked against the limit before anything is read. */
  size: number;
  /** The bytes in order; a chunk may be overwritten once the next is asked for (copy what you keep). */
  chunks(): AsyncIterable<Uint8Array>;
  /** Where the bytes are, for a parse thread to read them itself (lib/import/parsePool.ts). */
  origin?: { path: string } | { bytes: Uint8Array };
}

/** A path that names no readable file: missing, a directory, or not readable by this user. */
export class UnreadableFileError extends Error {
  constructor(
    readonly path: string,
    /** Why, e.g. "it is a directory, not a file". */
    readonly reason: string,
    /** True when nothing exists at the path. */
    readonly missing: boolean,
  ) {
    super(`Cannot read ${JSON.stringify(path)}: ${reason}.`);
    this.name = "UnreadableFileError";
  }
}

const REASONS: Record<string, string> = {
  ENOENT: "no such file",
  ENOTDIR: "no such file (a part of the path is not a directory)",
  EACCES: "permission denied",
  EPERM: "permission denied",
  ELOOP: "too many symbolic links",
  ENAMETOOLONG: "the path is too long",
  ERR_INVALID_ARG_VALUE: "not a valid path",
};

function unreadable(path: string, error: unknown): UnreadableFileError {
  const code = error instanceof Error && "code" in error ? String(error.code) : "";
  const missing = code === "ENOENT" || code === "ENOTDIR";
  return new UnreadableFileError(
    path,
    REASONS[code] ?? `the system refused it (${code || "unknown error"})`,
    missing,
  );
}

/**
 * The file's bytes, 2 MiB at a time, read into one buffer: a fresh buffer per chunk (as a read
 * stream allocates) is garbage outside the V8 heap that the collector finds late (50 MB more peak
 * memory on a paper-scale import), and fewer, larger reads wait less on the I/O threads of a busy
 * machine (scripts/bench-import.ts --paper-scale).
 */
async function* readChunks(path: string): AsyncGenerator<Uint8Array> {
  const handle = await open(path, "r");
  try {
    const buffer = Buffer.allocUnsafe(1 << 21);
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) return;
      yield buffer.subarray(0, bytesRead);
    }
  } finally {
    await handle.close();
  }
}

/**
 * A file on disk, streamed in 2 MiB chunks; named by its base name unless `name` is given. Checks
 * that it is a readable regular file now, so a directory or a forbidden path is refused with an
 * {@link UnreadableFileError} before anything is read, not by an I/O error halfway.
 */
export async function diskFile(path: string, name: string = basename(path)): Promise<ImportInputFile> {
  let info: Stats;
  try {
    info = await stat(path);
    await access(path, constants.R_OK);
  } catch (error) {
    throw unreadable(path, error);
  }
  if (info.isDirectory()) throw new UnreadableFileError(path, "it is a directory, not a file", false);
  if (!info.isFile()) throw new UnreadableFileError(path, "not a regular file", false);
  return { name, size: info.size, chunks: () => readChunks(path), origin: { path } };
}

/** A file already in memory. */
export function memoryFile(name: string, bytes: Uint8Array | string): ImportInputFile {
  const data = typeof bytes === "string" ? new TextEncoder().encode(bytes) : bytes;
  return {
    name,
    size: data.byteLength,
    async *chunks() {
      yield data;
    },
    origin: { bytes: data },
  };
}
