import { type Document, isNode, LineCounter, parseDocument } from "yaml";
import type { ZodError } from "zod";
import type { TrainedTarget } from "../domain/checkpointKey";
import type { ExperimentInput } from "../domain/sweepInput";
import type { EvalPlusTests } from "./evalplusStatus";
import type { ImportFormat } from "./formats";
import { type ImportIssue, ImportValidationError, MAX_ISSUES } from "./issues";
import { parseJsonDocument } from "./jsonDocument";
import { childPath } from "./jsonPath";
import { type ManifestDocument, manifestSchema } from "./manifestSchema";
import { resolveRelativePath } from "./relativePath";

/**
 * One checkpoint of a manifest (an α checkpoint or a trained one) with its file path resolved
 * against the manifest's directory.
 */
export interface ManifestCheckpoint {
  /** The α, or null for a trained checkpoint. */
  alpha: number | null;
  /** A trained checkpoint's label and coverage, or null for an α checkpoint. */
  trained: TrainedTarget | null;
  /** Where the entry is in the manifest (`$.checkpoints[2]`, `$.trained[0]`), for messages. */
  where: string;
  /** The file as written in the manifest. */
  file: string;
  /** `file` resolved against the manifest's directory. */
  path: string;
  format: ImportFormat | null;
  model: string | null;
  label: string | null;
  tests: EvalPlusTests | null;
  /** Resolved path of the LiveCodeBench problem list to join an `_eval.json` with, if given. */
  problemsPath: string | null;
}

export interface SweepManifest {
  experiment: ExperimentInput;
  checkpoints: ManifestCheckpoint[];
}

/**
 * Parses and validates a sweep manifest (YAML, or JSON when the name ends in `.json`); see
 * docs/import-formats.md. Throws ImportValidationError with line numbers and JSON paths.
 */
export function parseManifest(text: string, fileName: string): SweepManifest {
  if (text.trim() === "")
    throw new ImportValidationError([{ file: fileName, message: "the manifest is empty" }]);
  if (/\.json$/i.test(fileName)) parseJsonDocument(text, fileName);
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  if (doc.errors.length > 0) {
    throw new ImportValidationError(
      doc.errors.slice(0, MAX_ISSUES).map((error) => ({
        file: fileName,
        line: error.linePos?.[0].line,
        column: error.linePos?.[0].col,
        message: `malformed YAML: ${error.message.split("\n")[0].replace(/ at line \d+, column \d+:?$/, "")}`,
      })),
    );
  }
  const parsed = manifestSchema.safeParse(doc.toJS());
  if (!parsed.success) throw new ImportValidationError(zodIssues(parsed.error, doc, lineCounter, fileName));
  const m = parsed.data;
  return {
    experiment: {
      slug: m.slug,
      name: m.name,
      description: m.description,
      benchmark: m.benchmark,
      setting: m.setting,
      modelFamily: m.modelFamily ?? null,
      modelScale: m.modelScale ?? null,
      synthetic: false,
      endpointA: { label: m.endpoints.a.label, model: m.endpoints.a.model ?? null },
      endpointB: { label: m.endpoints.b.label, model: m.endpoints.b.model ?? null },
      study: m.study === undefined ? null : { slug: m.study, name: m.studyName },
    },
    checkpoints: [
      ...m.checkpoints.map((c, i) => ({
        alpha: c.alpha,
        trained: null,
        where: `$.checkpoints[${i}]`,
        label: c.label ?? null,
        ...fileFields(c, fileName),
      })),
      ...m.trained.map((c, i) => ({
        alpha: null,
        trained: { label: c.label, coverage: c.coverage ?? null },
        where: `$.trained[${i}]`,
        label: null,
        ...fileFields(c, fileName),
      })),
    ],
  };
}

/** The file fields an α and a trained checkpoint share, paths resolved against the manifest's. */
function fileFields(
  c: Pick<ManifestDocument["checkpoints"][number], "file" | "format" | "model" | "tests" | "problems">,
  fileName: string,
) {
  return {
    file: c.file,
    path: resolveRelativePath(fileName, c.file),
    format: c.format ?? null,
    model: c.model ?? null,
    tests: c.tests ?? null,
    problemsPath: c.problems === undefined ? null : resolveRelativePath(fileName, c.problems),
  };
}

function zodIssues(error: ZodError, doc: Document, lineCounter: LineCounter, file: string): ImportIssue[] {
  return error.issues.slice(0, MAX_ISSUES).map((issue) => {
    const path = issue.path.filter((p): p is string | number => typeof p !== "symbol");
    const keys = issue.code === "unrecognized_keys" ? [...path, issue.keys[0]] : path;
    const last = keys[keys.length - 1];
    return {
      file,
      line: lineOf(doc, lineCounter, keys),
      path: keys.reduce<string>((p, key) => childPath(p, key), "$"),
      field: typeof last === "string" ? last : undefined,
      message: issue.message,
    };
  });
}

/** The line of the deepest existing node on `keys` (a missing field points at its parent). */
function lineOf(doc: Document, lineCounter: LineCounter, keys: (string | number)[]): number | undefined {
  for (let depth = keys.length; depth >= 0; depth--) {
    const node = doc.getIn(keys.slice(0, depth), true);
    if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
  }
  return undefined;
}

/** True when a file is a manifest rather than results: YAML, or JSON with a top-level `checkpoints` or `trained`. */
export function isManifestFile(fileName: string, head: string): boolean {
  if (/\.ya?ml$/i.test(fileName)) return true;
  return (
    /^\s*\{[\s\S]*"(?:checkpoints|trained)"\s*:/.test(head) && !/^\s*\{\s*"(?:problem|alpha|eval)"/.test(head)
  );
}
