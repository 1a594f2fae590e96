import type { Verdict } from "../domain/verdicts";
import { findDuplicateKey } from "./jsonKeys";
import { findJsonSyntaxError } from "./jsonSyntax";
import { isNonNegativeNumber, isRecord } from "./values";

/**
 * lcb_runner error codes. −1 exists only in the 2024 grader (compile error / no code extracted);
 * −5 only in the 2025 grader (test-runner error, which judges nothing).
 */
export const LCB_ERROR_VERDICTS: ReadonlyMap<number, Verdict> = new Map<number, Verdict>([
  [-1, "compileError"],
  [-2, "wrongAnswer"],
  [-3, "timeLimit"],
  [-4, "runtimeError"],
  [-5, "other"],
]);

/** A graded LiveCodeBench sample, or why it could not be read. */
export type LcbSampleOutcome =
  | { ok: true; verdict: Verdict; runtimeMs: number | null }
  | { ok: false; message: string };

/** Decodes one per-sample metadata entry: a JSON-encoded string (or, leniently, an object). */
export function decodeLcbMetadata(
  raw: unknown,
): { ok: true; value: Record<string, unknown> } | { ok: false; message: string } {
  if (isRecord(raw)) return { ok: true, value: raw };
  if (typeof raw !== "string") return { ok: false, message: "must be a JSON-encoded string" };
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    const found = findJsonSyntaxError(raw);
    const detail = found ? `at character ${found.offset + 1}: ${found.message}` : "invalid JSON";
    return { ok: false, message: `metadata string is not valid JSON (${detail})` };
  }
  if (!isRecord(value)) return { ok: false, message: "metadata string must encode a JSON object" };
  const duplicate = findDuplicateKey(raw, value);
  if (duplicate) {
    return {
      ok: false,
      message: `metadata string gives the key ${JSON.stringify(duplicate.key)} twice (at characters ${duplicate.firstOffset + 1} and ${duplicate.offset + 1})`,
    };
  }
  return { ok: true, value };
}

/**
 * The verdict of one sample from its pass flag and decoded metadata. A pass keeps
 * `execution time` (seconds, summed over tests) as milliseconds; the 2024 grader's `{}` gives
 * no runtime. A failure needs a known `error_code`, or `fallbackCode` (the `_eval.json` per-test
 * result) when the metadata has none.
 */
export function gradeLcbSample(
  passed: boolean,
  metadata: Record<string, unknown>,
  fallbackCode: number | null = null,
): LcbSampleOutcome {
  const code = metadata.error_code;
  if (passed) {
    if (code !== undefined)
      return { ok: false, message: `graded as passing but metadata has error_code ${String(code)}` };
    const seconds = metadata["execution time"];
    if (seconds === undefined) return { ok: true, verdict: "pass", runtimeMs: null };
    if (!isNonNegativeNumber(seconds)) {
      return {
        ok: false,
        message: `"execution time" must be a non-negative number of seconds, got ${String(seconds)}`,
      };
    }
    return { ok: true, verdict: "pass", runtimeMs: seconds * 1000 };
  }
  const effective = code ?? fallbackCode;
  if (effective === undefined || effective === null) {
    return { ok: false, message: "failing sample's metadata has no error_code" };
  }
  const verdict = typeof effective === "number" ? LCB_ERROR_VERDICTS.get(effective) : undefined;
  if (!verdict)
    return { ok: false, message: `unknown error_code ${JSON.stringify(effective)} (known: −1 … −5)` };
  return { ok: true, verdict, runtimeMs: null };
}
