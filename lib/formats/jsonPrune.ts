import { lineAndColumn } from "./jsonSyntax";

/**
 * Keys whose string values no importer reads: model outputs, generated code, problem statements and
 * tests. Their strings (at any depth below the key) are emptied while the file streams in, so the
 * bulk of a paper-scale file (1 055 problems × 250 samples of outputs and code) is never held.
 */
export const UNREAD_STRING_KEYS: ReadonlySet<string> = new Set([
  "output_list",
  "code_list",
  "question_content",
  "starter_code",
  "public_test_cases",
  "private_test_cases",
  "solution",
  "completion",
  "prompt",
  "base_fail_tests",
  "plus_fail_tests",
]);

/**
 * One element of a document's top-level array, pruned ({@link JsonPruner.takeElements}): its kept
 * text, and the kept text between it and the previous element (or the document's start).
 */
export interface PrunedElement {
  before: string;
  text: string;
}

/** A JSON document with the strings under {@link UNREAD_STRING_KEYS} emptied, and where each cut was. */
export interface PrunedJson {
  text: string;
  /** Line and column (1-based) in the original document of an offset into `text`. */
  position(offset: number): { line: number; column: number };
}

const STRUCTURE = /[{}[\],:"]/g;
const STRING_STOP = /["\\]/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: a raw control character in a string is the fault to find
const SKIP_STOP = /["\\\u0000-\u001f]/g;
const SIMPLE_ESCAPES = '"\\/bfnrt';
/**
 * What may make a string invalid JSON: a raw control character, or a backslash not starting a valid
 * escape. It also flags a valid `\\` followed by a letter other than an escape's (the second backslash
 * read as an escape's start): rare, and then the exact per-escape scan decides.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: a raw control character in a string is the fault to find
const MAYBE_INVALID = /[\u0000-\u001f]|\\(?:[^"\\/bfnrtu]|u(?![0-9a-fA-F]{4}))/;
const BACKSLASH = 92;

const OUTSIDE = 0;
const KEY = 1;
const KEPT = 2;
const SKIPPED = 3;

interface Container {
  isObject: boolean;
  expectingKey: boolean;
  key: string;
  /** Every string below this container is unread. */
  unread: boolean;
}

/**
 * Copies a JSON text as it streams in, emptying the strings nobody reads, in one pass. It does not
 * validate: JSON.parse (and the duplicate-key and syntax scanners of parseJsonDocument) run on the
 * pruned text, which is valid exactly when the original is — an emptied string held only valid
 * characters and escapes, else the rest of it is kept verbatim so the parser meets the fault — and
 * the positions of the cuts map every error back to the original line and column (a JSON string
 * holds no raw newline, so lines never move).
 *
 * Why a hand-written scanner and not a streaming tokenizer (stream-json, @streamparser/json): they
 * build every string token, the very thing that makes them slower than JSON.parse here; this one
 * jumps over an unread string with one search for its closing quote and one for anything invalid.
 * On a 494 MB LiveCodeBench file (`npm run bench:import -- --paper-scale`, 2026-12-05) stream-json
 * (its tokenizer, the unread keys ignored, each problem assembled) read 27.7 MB/s; the whole import
 * through this pruner 135.6 MB/s, and JSON.parse alone 112.5 MB/s.
 */
export class JsonPruner {
  /**
   * With `splitElements`, the pruned text is handed out element by element of the top-level array
   * ({@link takeElements}), so only the element being read is held, and where cuts were is not
   * recorded ({@link end}'s positions are then those of the pruned text).
   */
  constructor(private readonly splitElements = false) {}

  private readonly stack: Container[] = [];
  private state = OUTSIDE;
  private escaped = false;
  private keyText = "";
  /** The kept text of each pushed chunk, copied (see {@link flushChunk}). */
  private parts: string[] = [];
  /** The kept pieces of the chunk being pushed. */
  private pieces: string[] = [];
  /** Length of the pruned text so far, in UTF-16 units (the unit JSON.parse's offsets count in). */
  private outLength = 0;
  /** Pruned offsets where characters were cut, and how many: ascending, merged when adjacent. */
  private cutAt: number[] = [];
  private cutLength: number[] = [];
  /** splitElements: pruned offsets where top-level array elements start and end, in pairs. */
  private bounds: number[] = [];
  /** splitElements: pruned offset of the first character still in `parts`. */
  private taken = 0;

  push(text: string): void {
    let i = 0;
    let copied = 0;
    const n = text.length;
    while (i < n) {
      if (this.state === SKIPPED) {
        const resume = this.skip(text, i, copied);
        copied = resume.copied;
        i = resume.next;
        continue;
      }
      if (this.state === KEY) {
        i = this.keepKey(text, i);
        continue;
      }
      if (this.state === KEPT) {
        i = this.keepValue(text, i);
        continue;
      }
      STRUCTURE.lastIndex = i;
      const found = STRUCTURE.exec(text);
      if (found === null) break;
      i = found.index;
      const c = text[i];
      const top = this.stack[this.stack.length - 1];
      i++;
      if (c === '"') {
        if (top?.isObject && top.expectingKey) {
          this.state = KEY;
          this.keyText = "";
        } else if (top !== undefined && (top.unread || (top.isObject && UNREAD_STRING_KEYS.has(top.key)))) {
          this.emit(text.slice(copied, i));
          copied = i;
          this.state = SKIPPED;
        } else this.state = KEPT;
        this.escaped = false;
      } else if (c === "{" || c === "[") {
        const unread = top !== undefined && (top.unread || (top.isObject && UNREAD_STRING_KEYS.has(top.key)));
        if (this.splitElements && this.stack.length === 1 && !top.isObject)
          this.bounds.push(this.outLength + (i - 1 - copied));
        this.stack.push({ isObject: c === "{", expectingKey: c === "{", key: "", unread });
      } else if (c === "}" || c === "]") {
        this.stack.pop();
        if (this.splitElements && this.stack.length === 1 && !this.stack[0].isObject)
          this.bounds.push(this.outLength + (i - copied));
      } else if (c === ",") {
        if (top?.isObject) top.expectingKey = true;
      } else if (c === ":" && top?.isObject) top.expectingKey = false;
    }
    this.emit(text.slice(copied));
    this.flushChunk();
  }

  /** Length of the pruned text so far, in UTF-16 units. */
  get length(): number {
    return this.outLength;
  }

  /**
   * splitElements: the top-level array's elements completed since the last call (objects and arrays;
   * anything else between them is left in an element's `before`), their text dropped from memory.
   */
  takeElements(): PrunedElement[] {
    const complete = this.bounds.length - (this.bounds.length % 2);
    if (complete === 0) return [];
    const text = this.parts.join("");
    const elements: PrunedElement[] = [];
    let from = 0;
    for (let k = 0; k < complete; k += 2) {
      const start = this.bounds[k] - this.taken;
      const end = this.bounds[k + 1] - this.taken;
      elements.push({ before: text.slice(from, start), text: text.slice(start, end) });
      from = end;
    }
    // A copy, not a view keeping `text` alive (see flushChunk).
    this.parts = from < text.length ? [[text.slice(from), " "].join("").slice(0, -1)] : [];
    this.taken = this.bounds[complete - 1];
    this.bounds = this.bounds.slice(complete);
    return elements;
  }

  /** The pruned document (call once, after the last push; with splitElements, what no element took). */
  end(): PrunedJson {
    const text = this.parts.join("");
    this.parts = [];
    const cutAt = this.cutAt;
    const cutLength = this.cutLength;
    return {
      text,
      position: (offset) => {
        const { line, column } = lineAndColumn(text, offset);
        const lineStart = offset - (column - 1);
        let cut = 0;
        for (let k = firstAtOrAfter(cutAt, lineStart); k < cutAt.length && cutAt[k] <= offset; k++) {
          cut += cutLength[k];
        }
        return { line, column: column + cut };
      },
    };
  }

  /**
   * Inside a kept value string: copies up to its closing quote, the first quote after an even run of
   * backslashes (the parser validates what is kept, so nothing else needs a look).
   */
  private keepValue(text: string, from: number): number {
    let start = from;
    if (this.escaped) {
      this.escaped = false;
      start++;
    }
    let search = start;
    for (;;) {
      const quote = text.indexOf('"', search);
      const end = quote === -1 ? text.length : quote;
      const escapes = backslashesBefore(text, end, start);
      if (quote === -1) {
        this.escaped = escapes % 2 === 1;
        return text.length;
      }
      if (escapes % 2 === 0) {
        this.state = OUTSIDE;
        return quote + 1;
      }
      search = quote + 1;
    }
  }

  /** Inside a key: copies up to its closing quote, collecting the key. */
  private keepKey(text: string, from: number): number {
    let i = from;
    if (this.escaped) {
      this.escaped = false;
      i++;
    }
    STRING_STOP.lastIndex = i;
    for (;;) {
      const found = STRING_STOP.exec(text);
      if (found === null) {
        this.keyText += text.slice(from);
        return text.length;
      }
      if (found[0] === "\\") {
        if (found.index + 1 >= text.length) {
          this.escaped = true;
          this.keyText += text.slice(from);
          return text.length;
        }
        STRING_STOP.lastIndex = found.index + 2;
        continue;
      }
      this.keyText += text.slice(from, found.index);
      const top = this.stack[this.stack.length - 1];
      if (top) top.key = decodeKey(this.keyText);
      this.state = OUTSIDE;
      return found.index + 1;
    }
  }

  /**
   * Inside an unread string: cuts its characters up to the closing quote and returns where copying
   * resumes (at the quote, or the chunk's end) and where scanning does (past the quote). The closing
   * quote is the first after an even run of backslashes, found without stopping at each escape (model
   * outputs hold one every line), and what is cut is checked by one search for anything that may be
   * invalid; if there is any, {@link skipExactly} decides.
   */
  private skip(text: string, from: number, copied: number): { copied: number; next: number } {
    let search = from;
    for (;;) {
      const quote = text.indexOf('"', search);
      const end = quote === -1 ? text.length : quote;
      const escapes = backslashesBefore(text, end, from);
      if (quote !== -1 && escapes % 2 === 1) {
        search = quote + 1;
        continue;
      }
      if (escapes % 2 === 1 || MAYBE_INVALID.test(text.slice(from, end)))
        return this.skipExactly(text, from, copied);
      this.cut(end - copied);
      if (quote === -1) return { copied: end, next: end };
      this.state = OUTSIDE;
      return { copied: quote, next: quote + 1 };
    }
  }

  /**
   * {@link skip}, one escape at a time: a raw control character or a bad escape ends the cut there,
   * keeping the rest, so the parser reports the fault; so does an escape split by the chunk's end
   * (rare: the rest of that one string is kept).
   */
  private skipExactly(text: string, from: number, copied: number): { copied: number; next: number } {
    SKIP_STOP.lastIndex = from;
    for (;;) {
      const found = SKIP_STOP.exec(text);
      if (found === null) {
        this.cut(text.length - copied);
        return { copied: text.length, next: text.length };
      }
      const at = found.index;
      if (found[0] === '"') {
        this.cut(at - copied);
        this.state = OUTSIDE;
        return { copied: at, next: at + 1 };
      }
      if (found[0] !== "\\") return this.stopCutting(copied, at);
      const c = text[at + 1];
      if (c !== undefined && SIMPLE_ESCAPES.includes(c)) SKIP_STOP.lastIndex = at + 2;
      else if (c === "u" && /^[0-9a-fA-F]{4}$/.test(text.slice(at + 2, at + 6))) SKIP_STOP.lastIndex = at + 6;
      else return this.stopCutting(copied, at);
    }
  }

  /** Keeps the rest of an unread string from `at` (where it stops being valid JSON). */
  private stopCutting(copied: number, at: number): { copied: number; next: number } {
    this.cut(at - copied);
    this.state = KEPT;
    this.escaped = false;
    return { copied: at, next: at };
  }

  private cut(length: number): void {
    if (length <= 0 || this.splitElements) return;
    const last = this.cutAt.length - 1;
    if (last >= 0 && this.cutAt[last] === this.outLength) this.cutLength[last] += length;
    else {
      this.cutAt.push(this.outLength);
      this.cutLength.push(length);
    }
  }

  private emit(piece: string): void {
    if (piece.length === 0) return;
    this.pieces.push(piece);
    this.outLength += piece.length;
  }

  /**
   * Keeps the chunk's kept text as one new string. The pieces are substrings of the chunk, which V8
   * makes as views that keep their whole parent alive: joining several copies them, and a lone
   * piece is copied by joining it with one character then dropping it.
   */
  private flushChunk(): void {
    const { pieces } = this;
    if (pieces.length === 0) return;
    this.parts.push(pieces.length === 1 ? [pieces[0], " "].join("").slice(0, -1) : pieces.join(""));
    this.pieces = [];
  }
}

/** How many backslashes directly precede `end`, not looking before `start`. */
function backslashesBefore(text: string, end: number, start: number): number {
  let at = end;
  while (at > start && text.charCodeAt(at - 1) === BACKSLASH) at--;
  return end - at;
}

function decodeKey(raw: string): string {
  try {
    return JSON.parse(`"${raw}"`) as string;
  } catch {
    return raw;
  }
}

/** Index of the first entry ≥ value in an ascending array. */
function firstAtOrAfter(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (sorted[mid] < value) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Prunes a whole text at once (tests and callers that already hold the text). */
export function pruneJson(text: string): PrunedJson {
  const pruner = new JsonPruner();
  pruner.push(text);
  return pruner.end();
}
