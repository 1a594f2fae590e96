import { DEFAULT_MAX_IMPORT_BYTES } from "../formats/limits";

/** Environment variable giving the largest file (bytes) the CLI and the API accept. */
export const MAX_BYTES_VARIABLE = "ALPHASCOPE_IMPORT_MAX_BYTES";

/** An environment variable holding a value that cannot be used: a configuration mistake, not a bug. */
export class SettingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SettingError";
  }
}

/**
 * The size limit for imported files: ALPHASCOPE_IMPORT_MAX_BYTES, else the default (512 MiB). Only
 * plain digits are accepted (no `1e9`, `0x10` or `512MB`, which Number() would read or misread).
 * Throws SettingError.
 */
export function importMaxBytes(env: Readonly<Record<string, string | undefined>> = process.env): number {
  const text = env[MAX_BYTES_VARIABLE];
  if (text === undefined || text === "") return DEFAULT_MAX_IMPORT_BYTES;
  const value = /^\d+$/.test(text.trim()) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(value) || value <= 0) {
    throw new SettingError(
      `${MAX_BYTES_VARIABLE} must be a positive whole number of bytes (e.g. ${DEFAULT_MAX_IMPORT_BYTES} for 512 MiB), got ${JSON.stringify(text)}.`,
    );
  }
  return value;
}
