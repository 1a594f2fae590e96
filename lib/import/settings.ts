import { availableParallelism } from "node:os";
import { DEFAULT_UPLOAD_MAX_BYTES } from "../formats/limits";

/**
 * Environment variable giving the largest file (bytes) an import accepts: an opt-in cap for the
 * CLI, and the HTTP upload's cap (default 8 GiB).
 */
export const MAX_BYTES_VARIABLE = "ALPHASCOPE_IMPORT_MAX_BYTES";

/** An environment variable holding a value that cannot be used: a configuration mistake, not a bug. */
export class SettingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SettingError";
  }
}

/**
 * The size limit for imported files: ALPHASCOPE_IMPORT_MAX_BYTES, else none (a local file may be as
 * large as the disk holds). Only plain digits are accepted (no `1e9`, `0x10` or `512MB`, which
 * Number() would read or misread). Throws SettingError.
 */
export function importMaxBytes(
  env: Readonly<Record<string, string | undefined>> = process.env,
): number | undefined {
  const text = env[MAX_BYTES_VARIABLE];
  if (text === undefined || text === "") return undefined;
  const value = /^\d+$/.test(text.trim()) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(value) || value <= 0) {
    throw new SettingError(
      `${MAX_BYTES_VARIABLE} must be a positive whole number of bytes (e.g. 536870912 for 512 MiB), got ${JSON.stringify(text)}.`,
    );
  }
  return value;
}

/** The size limit for a file uploaded to the server: ALPHASCOPE_IMPORT_MAX_BYTES, else 8 GiB. */
export function uploadMaxBytes(env: Readonly<Record<string, string | undefined>> = process.env): number {
  return importMaxBytes(env) ?? DEFAULT_UPLOAD_MAX_BYTES;
}

/** Environment variable giving how many threads parse an import's files (see importParseThreads). */
export const PARSE_THREADS_VARIABLE = "ALPHASCOPE_IMPORT_THREADS";

/**
 * Worker threads parsing an import's files at once (lib/import/parsePool.ts): ALPHASCOPE_IMPORT_THREADS,
 * else min(2, cores). 0 parses on the main thread, one file after another (the CLI's way before
 * threads; the server still parses off its request thread, in one thread). Throws SettingError.
 */
export function importParseThreads(env: Readonly<Record<string, string | undefined>> = process.env): number {
  const text = env[PARSE_THREADS_VARIABLE];
  if (text === undefined || text === "") return Math.min(2, availableParallelism());
  const value = /^\d+$/.test(text.trim()) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(value) || value > 64)
    throw new SettingError(
      `${PARSE_THREADS_VARIABLE} must be a whole number of threads from 0 to 64, got ${JSON.stringify(text)}.`,
    );
  return value;
}
