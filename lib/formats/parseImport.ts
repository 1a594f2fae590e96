import { DETECT_HEAD_CHARS, resolveFormat } from "./detect";
import { parseEvalPlus } from "./evalplus";
import type { EvalPlusTests } from "./evalplusStatus";
import type { ImportFormat } from "./formats";
import { HumanEvalParser } from "./humanEval";
import { importError } from "./issues";
import type { JsonText } from "./jsonDocument";
import { parseLcbEval } from "./lcbEval";
import { parseLcbEvalAll } from "./lcbEvalAll";
import type { LcbProblemList } from "./lcbProblemList";
import { checkImportSize } from "./limits";
import { type LineParser, parseLines } from "./lineParser";
import { NativeCsvParser } from "./nativeCsv";
import { NativeJsonlParser } from "./nativeJsonl";
import type { ParsedRun } from "./run";

export interface ParseImportOptions {
  /** The file name: used in every message, and to detect the format. */
  file: string;
  /** Explicit format (`--format`); detected from name and content when omitted. */
  format?: ImportFormat;
  /** EvalPlus only: which tests decide a pass (default "plus"). */
  evalplusTests?: EvalPlusTests;
  /** LiveCodeBench `_eval.json` only: the problem list to join by index (see parseLcbProblemList). */
  lcbProblems?: LcbProblemList;
  /** Largest accepted size in bytes (no limit when omitted); checked before decoding. */
  maxBytes?: number;
}

/**
 * A streaming parser for the line formats (human-eval, native JSONL and CSV); null for the JSON
 * document formats, which must be read whole.
 */
export function createLineParser(format: ImportFormat, file: string): LineParser | null {
  if (format === "human-eval") return new HumanEvalParser(file);
  if (format === "alphascope-jsonl") return new NativeJsonlParser(file);
  if (format === "alphascope-csv") return new NativeCsvParser(file);
  return null;
}

/**
 * Parses a whole file given as text, in any format (detected unless `options.format` is given).
 * Throws ImportValidationError for an empty or invalid file.
 */
export function parseImportText(text: string, options: ParseImportOptions): ParsedRun {
  const { file } = options;
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === "") throw importError({ file, message: "the file is empty" });
  const format = resolveFormat(file, body.slice(0, DETECT_HEAD_CHARS), options.format);
  const lineParser = createLineParser(format, file);
  if (lineParser) return parseLines(lineParser, body);
  return parseJsonImport(body, format, options);
}

/** Parses a JSON document format (LiveCodeBench, EvalPlus) from its text, whole or pruned. */
export function parseJsonImport(
  document: JsonText,
  format: ImportFormat,
  options: ParseImportOptions,
): ParsedRun {
  const { file } = options;
  if (format === "lcb-eval-all") return parseLcbEvalAll(document, file);
  if (format === "lcb-eval") return parseLcbEval(document, file, options.lcbProblems);
  return parseEvalPlus(document, file, options.evalplusTests);
}

/**
 * Parses a whole file given as raw bytes: checks the size limit first, then decodes strict UTF-8
 * (invalid bytes are an error, not replacement characters), then {@link parseImportText}.
 */
export function parseImportBytes(bytes: Uint8Array, options: ParseImportOptions): ParsedRun {
  const { file } = options;
  checkImportSize(file, bytes.byteLength, options.maxBytes);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch (error) {
    if (error instanceof TypeError) throw importError({ file, message: "the file is not valid UTF-8 text" });
    throw importError({ file, message: "the file is too large to read as one document; split it" });
  }
  return parseImportText(text, options);
}
