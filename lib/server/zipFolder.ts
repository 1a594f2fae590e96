import { zipSync } from "fflate";
import type { BundleFile } from "../responses/staticBundle";

/**
 * A zip of `files` inside one folder, every entry dated `mtime`: tens to hundreds of ms of deflate
 * for a bundle's megabyte, so the server runs it in a compute thread (compute/thread.ts).
 */
export function zipFolder(folder: string, files: readonly BundleFile[], mtime: Date): Uint8Array {
  const encoder = new TextEncoder();
  const entries = Object.fromEntries(
    files.map((file) => [`${folder}/${file.path}`, encoder.encode(file.text)]),
  );
  return zipSync(entries, { level: 6, mtime });
}
