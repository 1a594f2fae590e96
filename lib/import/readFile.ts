import { constants } from "node:buffer";
import { DETECT_HEAD_CHARS, resolveFormat } from "../formats/detect";
import type { EvalPlusTests } from "../formats/evalplusStatus";
import type { ImportFormat } from "../formats/formats";
import { createContentHasher } from "../formats/hash";
import { importError } from "../formats/issues";
import { JsonPruner, type PrunedJson } from "../formats/jsonPrune";
import { LcbEvalAllStream, NotStreamableError } from "../formats/lcbEvalAll";
import type { LcbProblemList } from "../formats/lcbProblemList";
import { checkImportSize } from "../formats/limits";
import { LineFeeder, type LineParser } from "../formats/lineParser";
import { NativeCsvParser } from "../formats/nativeCsv";
import { NativeJsonlParser } from "../formats/nativeJsonl";
import type { NativeResultSink } from "../formats/nativeRunBuilder";
import { createLineParser, parseJsonImport } from "../formats/parseImport";
import type { ParsedRun } from "../formats/run";
import { collectAfterDocument } from "./collectGarbage";
import type { ImportInputFile } from "./inputFile";
import { Utf8Stream } from "./utf8Stream";

/** Reports bytes read so far out of the file's size. */
export type ProgressListener = (read: number, total: number) => void;

export interface ReadOptions {
  /** Explicit format; detected from the name and the first characters otherwise. */
  format?: ImportFormat;
  tests?: EvalPlusTests;
  /** LiveCodeBench `_eval.json`: the problem list to join by index. */
  lcbProblems?: LcbProblemList;
  /** Largest accepted size in bytes; no limit when omitted. */
  maxBytes?: number;
  onProgress?: ProgressListener;
  /**
   * Native JSONL/CSV only: receives each validated result as its line is read; the run then holds
   * no results (other formats still return theirs in the run).
   */
  onResult?: NativeResultSink;
  /** Awaited after each chunk, so a consumer of `onResult` can make reading wait for it. */
  afterChunk?: () => Promise<void>;
  /** Runs the parse of a whole (pruned) JSON document: see PlannedFile.exclusive. */
  exclusive?: <T>(parse: () => T) => T;
  /**
   * Parse an lcb_runner `_eval_all.json` as one document, not element by element (set when the
   * element-by-element parse gave up: see LcbEvalAllStream).
   */
  wholeDocument?: boolean;
}

/** A file read whole: its text and sha256, for the JSON documents that cannot be streamed. */
export interface FileText {
  text: string;
  sha256: string;
}

function decodeError(file: string) {
  return importError({ file, message: "the file is not valid UTF-8 text" });
}

/**
 * The decoded text of a file read whole (a JSON document). A JavaScript string holds at most
 * MAX_STRING_LENGTH (about 512 Mi) UTF-16 units, fewer than the default size limit allows: a longer
 * document is refused as soon as it gets there, as parseImportBytes refuses it, not with a RangeError
 * once it is all in memory.
 */
class WholeText {
  private readonly parts: string[] = [];
  private length = 0;

  constructor(private readonly file: string) {}

  push(text: string): void {
    this.length += text.length;
    if (this.length > constants.MAX_STRING_LENGTH) {
      throw importError({
        file: this.file,
        message: "the file is too large to read as one document; split it",
      });
    }
    this.parts.push(text);
  }

  text(): string {
    return this.parts.join("");
  }
}

/**
 * Streams a file's chunks once: checks the size limit if any (before reading, and again while reading),
 * hashes the bytes, decodes strict UTF-8 and hands the text on in pieces. Returns the sha256.
 */
async function streamText(
  input: ImportInputFile,
  options: ReadOptions,
  consume: (text: string) => void,
): Promise<string> {
  const { maxBytes } = options;
  checkImportSize(input.name, input.size, maxBytes);
  const hasher = createContentHasher();
  const decoder = new Utf8Stream();
  let read = 0;
  try {
    for await (const chunk of input.chunks()) {
      read += chunk.byteLength;
      checkImportSize(input.name, read, maxBytes);
      hasher.update(chunk);
      decoder.decode(chunk, consume);
      options.onProgress?.(read, input.size);
      await options.afterChunk?.();
    }
    decoder.end();
  } catch (error) {
    throw error instanceof TypeError ? decodeError(input.name) : error;
  }
  return hasher.digest();
}

/**
 * The pruned document, or a clear refusal when even what is kept (verdicts, metadata: about 150
 * characters per sample) is longer than one JavaScript string can be.
 */
function endPruned(pruner: JsonPruner, file: string): PrunedJson {
  if (pruner.length > constants.MAX_STRING_LENGTH) {
    throw importError({
      file,
      message: `the file's verdicts and metadata alone, without model outputs and code, are over ${constants.MAX_STRING_LENGTH} characters, more than one document can be read as; split it`,
    });
  }
  return pruner.end();
}

/** Reads a whole file as text (a manifest). */
export async function readFileText(input: ImportInputFile, options: ReadOptions = {}): Promise<FileText> {
  const whole = new WholeText(input.name);
  const sha256 = await streamText(input, options, (text) => whole.push(text));
  return { text: whole.text(), sha256 };
}

/**
 * Reads a JSON document in one pass, pruned of the strings no importer reads (an lcb_runner
 * generation file or `_eval_all.json` joined to an `_eval.json`: its code and outputs are cut).
 */
export async function readJsonDocument(
  input: ImportInputFile,
  options: ReadOptions = {},
): Promise<{ document: PrunedJson; sha256: string }> {
  const pruner = new JsonPruner();
  let started = false;
  const sha256 = await streamText(input, options, (text) => {
    // A byte-order mark is not JSON (parseImportText drops it too).
    pruner.push(started ? text : text.replace(/^\uFEFF/, ""));
    started ||= text.length > 0;
  });
  return { document: endPruned(pruner, input.name), sha256 };
}

/**
 * Routes decoded text to the right parser: buffers the head until the format is known, then feeds
 * a line parser as text arrives, or prunes a JSON document as it arrives (the strings no importer
 * reads are cut, so memory follows what is stored, not the model outputs) and parses it at the end.
 */
class TextRouter {
  private head = "";
  private format: ImportFormat | null = null;
  private feeder: LineFeeder | null = null;
  private pruner = new JsonPruner();
  /** An lcb_runner `_eval_all.json`, parsed element by element as the pruner completes them. */
  private elements: LcbEvalAllStream | null = null;

  constructor(
    private readonly file: string,
    private readonly size: number,
    private readonly options: ReadOptions,
  ) {}

  push(text: string): void {
    if (this.format === null) {
      this.head += text;
      if (this.head.length < DETECT_HEAD_CHARS) return;
      this.start();
    } else if (this.feeder) this.feeder.push(text);
    else this.prune(text);
  }

  private prune(text: string): void {
    this.pruner.push(text);
    if (this.elements) for (const element of this.pruner.takeElements()) this.elements.element(element);
  }

  finish(): ParsedRun {
    const format = this.format ?? this.start();
    if (this.feeder) return this.feeder.end();
    if (this.elements) return this.elements.end(this.pruner.end().text);
    const parse = () => {
      const document = endPruned(this.pruner, this.file);
      // The pruned pieces just joined are garbage: free them before the parse builds its tree.
      collectAfterDocument(this.size);
      return parseJsonImport(document, format, {
        file: this.file,
        evalplusTests: this.options.tests,
        lcbProblems: this.options.lcbProblems,
      });
    };
    return this.options.exclusive ? this.options.exclusive(parse) : parse();
  }

  private start(): ImportFormat {
    const head = this.head;
    this.head = "";
    if (head.replace(/^\uFEFF/, "").trim() === "")
      throw importError({ file: this.file, message: "the file is empty" });
    const format = resolveFormat(this.file, head.slice(0, DETECT_HEAD_CHARS), this.options.format);
    this.format = format;
    const parser = this.lineParser(format);
    this.feeder = parser ? new LineFeeder(parser) : null;
    if (format === "lcb-eval-all" && !this.options.wholeDocument) {
      this.elements = new LcbEvalAllStream(this.file);
      this.pruner = new JsonPruner(true);
    }
    if (this.feeder) this.feeder.push(head);
    // A byte-order mark is not JSON (parseImportText drops it too).
    else this.prune(head.replace(/^\uFEFF/, ""));
    return format;
  }

  private lineParser(format: ImportFormat): LineParser | null {
    const sink = this.options.onResult;
    if (sink && format === "alphascope-jsonl") return new NativeJsonlParser(this.file, sink);
    if (sink && format === "alphascope-csv") return new NativeCsvParser(this.file, sink);
    return createLineParser(format, this.file);
  }
}

/**
 * Reads and parses one file in one pass: line formats (human-eval, native JSONL/CSV) are parsed
 * while the bytes stream in; JSON documents are pruned while they stream in and parsed once read. Returns
 * the run and the sha256 of the bytes; throws ImportValidationError for anything invalid.
 */
export async function readImportFile(
  input: ImportInputFile,
  options: ReadOptions = {},
): Promise<{ run: ParsedRun; sha256: string }> {
  const router = new TextRouter(input.name, input.size, options);
  try {
    const sha256 = await streamText(input, options, (text) => router.push(text));
    return { run: router.finish(), sha256 };
  } catch (error) {
    // No row was handed on yet (a JSON document's rows follow its parse): read it again whole, for
    // the refusal (or, for what the element parse does not take, the run) the whole parse gives.
    if (!(error instanceof NotStreamableError)) throw error;
    return readImportFile(input, { ...options, wholeDocument: true });
  }
}
