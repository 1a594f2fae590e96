import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { basename } from "node:path";

/** A file to import, wherever its bytes come from (disk, an upload, a test's buffer). */
export interface ImportInputFile {
  /** The name used in messages and for format detection. */
  name: string;
  /** Size in bytes, checked against the limit before anything is read. */
  size: number;
  chunks(): AsyncIterable<Uint8Array>;
}

/** A file on disk, streamed in 1 MiB chunks; named by its base name unless `name` is given. */
export async function diskFile(path: string, name: string = basename(path)): Promise<ImportInputFile> {
  const { size } = await stat(path);
  return { name, size, chunks: () => createReadStream(path, { highWaterMark: 1 << 20 }) };
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
  };
}

/** An uploaded web `File` (from a multipart form), streamed without buffering it whole. */
export function uploadedFile(file: File): ImportInputFile {
  return {
    name: file.name,
    size: file.size,
    async *chunks() {
      const reader = file.stream().getReader();
      try {
        for (let next = await reader.read(); !next.done; next = await reader.read()) yield next.value;
      } finally {
        reader.releaseLock();
      }
    },
  };
}
