import { isAscii, isUtf8 } from "node:buffer";

/** Bytes that are not valid UTF-8 (the same error TextDecoder's `fatal` mode throws). */
export class InvalidUtf8Error extends TypeError {
  constructor() {
    super("The encoded data was not valid for encoding utf-8");
    this.name = "InvalidUtf8Error";
  }
}

/**
 * Strings are made from at most this many bytes: V8 puts a longer one in its large-object space,
 * which made decoding 20 to 50 times slower (150–500 MB/s against 5 GB/s for 64 KiB pieces, measured
 * on this project's machine with Node 20).
 */
const PIECE_BYTES = 64 * 1024;

/** Length of the UTF-8 sequence a lead byte starts (1 for ASCII and for stray bytes, which fail validation). */
function sequenceLength(lead: number): number {
  if (lead >= 0xf0) return 4;
  if (lead >= 0xe0) return 3;
  if (lead >= 0xc0) return 2;
  return 1;
}

/**
 * Where a chunk's last complete UTF-8 character ends: the bytes after it (at most 3) start a
 * character the next chunk finishes.
 */
function completeLength(chunk: Uint8Array): number {
  let lead = chunk.length - 1;
  while (lead >= 0 && lead > chunk.length - 4 && (chunk[lead] & 0xc0) === 0x80) lead--;
  if (lead < 0) return chunk.length;
  return chunk.length - lead < sequenceLength(chunk[lead]) ? lead : chunk.length;
}

/**
 * Strict streaming UTF-8 decoding, as `new TextDecoder("utf-8", { fatal: true })` with
 * `{ stream: true }` does (a leading byte-order mark dropped, an invalid or unfinished sequence
 * throws a TypeError), but many times faster on the large files an import reads: each piece is
 * validated by Node's SIMD `isUtf8`, ASCII (what Python's json.dump writes) is copied as Latin-1,
 * the cheapest string V8 makes, and no string is large (see {@link PIECE_BYTES}). The ICU decoder
 * behind TextDecoder's fatal mode took a third of a paper-scale import's time
 * (scripts/bench-import.ts --paper-scale).
 */
export class Utf8Stream {
  private carry: Uint8Array = new Uint8Array(0);
  private started = false;

  /**
   * Hands `consume` the text of `chunk` in pieces of at most {@link PIECE_BYTES} bytes, less a
   * character it leaves unfinished (kept for the next call).
   */
  decode(chunk: Uint8Array, consume: (text: string) => void): void {
    const bytes = this.carry.length === 0 ? chunk : Buffer.concat([this.carry, chunk]);
    const complete = completeLength(bytes);
    this.carry = new Uint8Array(bytes.subarray(complete));
    for (let start = 0; start < complete; ) {
      let end = Math.min(complete, start + PIECE_BYTES);
      // Cut before a character, not inside it (at most 3 continuation bytes back).
      for (let back = 0; end < complete && back < 3 && (bytes[end] & 0xc0) === 0x80; back++) end--;
      if (end <= start) end = Math.min(complete, start + PIECE_BYTES);
      consume(this.text(bytes.subarray(start, end)));
      start = end;
    }
  }

  /** Call once after the last chunk: throws if the input ended inside a character. */
  end(): void {
    if (this.carry.length > 0) throw new InvalidUtf8Error();
  }

  private text(bytes: Uint8Array): string {
    if (bytes.length === 0) return "";
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    let text: string;
    if (isAscii(buffer)) text = buffer.toString("latin1");
    else if (isUtf8(buffer)) text = buffer.toString("utf8");
    else throw new InvalidUtf8Error();
    if (!this.started) {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) return text.slice(1);
    }
    return text;
  }
}
