import { DEFAULT_MAX_IMPORT_BYTES } from "../import/limits";

/** Environment variable giving the largest file (bytes) the CLI and the API accept. */
export const MAX_BYTES_VARIABLE = "ALPHASCOPE_IMPORT_MAX_BYTES";

/** The size limit for imported files: ALPHASCOPE_IMPORT_MAX_BYTES, else the default (512 MiB). */
export function importMaxBytes(env: NodeJS.ProcessEnv = process.env): number {
  const text = env[MAX_BYTES_VARIABLE];
  if (text === undefined || text === "") return DEFAULT_MAX_IMPORT_BYTES;
  const value = Number(text);
  if (!Number.isInteger(value) || value <= 0) {
    throw new Error(`${MAX_BYTES_VARIABLE} must be a positive whole number of bytes, got "${text}"`);
  }
  return value;
}
