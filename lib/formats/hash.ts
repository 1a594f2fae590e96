import { createHash } from "node:crypto";

/**
 * SHA-256 (hex) of a file's raw bytes, the identity used to recognise a re-import of the same
 * content. Node only: keep it out of browser bundles.
 */
export function contentHash(bytes: Uint8Array | string): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** Incremental {@link contentHash} for files read as a stream of chunks. */
export function createContentHasher(): { update(chunk: Uint8Array): void; digest(): string } {
  const hash = createHash("sha256");
  return {
    update(chunk) {
      hash.update(chunk);
    },
    digest() {
      return hash.digest("hex");
    },
  };
}
