import type { CheckpointKey } from "../domain/checkpointKey";
import type { Difficulty } from "../domain/difficulty";
import type { ProblemInput, ResultInput } from "../domain/sweepInput";
import { bindCheckpoints, bindTrained } from "../formats/bindCheckpoints";
import type { EvalPlusTests } from "../formats/evalplusStatus";
import type { ImportFormat } from "../formats/formats";
import { contentHash } from "../formats/hash";
import { type LcbProblemList, parseLcbProblemList } from "../formats/lcbProblemList";
import { collectAfterDocument } from "./collectGarbage";
import type { PlannedFile } from "./plan";
import { readImportFile, readJsonDocument } from "./readFile";

/**
 * Takes the rows of a file as they are read, each with the difficulty its problem has so far;
 * `afterChunk` may make reading wait (back-pressure).
 */
export interface ResultSink {
  add(key: CheckpointKey, result: ResultInput, difficulty: Difficulty): void;
  afterChunk(): Promise<void>;
}

/** What a file held, once all its rows went to the sink. */
export interface StreamedFile {
  file: string;
  format: ImportFormat;
  /** sha256 of the bytes, mixed with the options that change how they are read (see importHash). */
  contentHash: string;
  notes: string[];
  /** Every problem of the file, with the metadata the file gives. */
  problems: ProblemInput[];
  /** The file's checkpoints, α settled, sorted by α (or the one trained checkpoint it is imported as). */
  checkpoints: { key: CheckpointKey }[];
}

/** The formats read as one JSON document (pruned, then parsed: whole, or an `_eval_all.json` problem by problem). */
const JSON_DOCUMENTS: ReadonlySet<ImportFormat> = new Set(["lcb-eval-all", "lcb-eval", "evalplus"]);

/** Rows handed to the sink between two back-pressure checks, for formats parsed whole. */
const ROWS_PER_CHECK = 10_000;

/**
 * The identity of what a file imports: the sha256 of its bytes, mixed with the options that change
 * how those bytes are read (EvalPlus tests, the joined LiveCodeBench problem list) when they apply.
 */
function importHash(
  sha256: string,
  format: ImportFormat,
  tests: EvalPlusTests | undefined,
  joinSha: string | null,
): string {
  const options: string[] = [];
  if (format === "evalplus") options.push(`tests=${tests ?? "plus"}`);
  if (joinSha !== null) options.push(`join=${joinSha}`);
  return options.length === 0 ? sha256 : contentHash([sha256, ...options].join("\n"));
}

/**
 * Reads, parses and validates a planned file (after its LiveCodeBench join file, if any), handing
 * every result row to `sink` with its α:
 * native JSONL/CSV rows as their lines are read, other formats' rows once their parse is done.
 * A row whose α is not known yet (a file naming none, imported without one) is not handed on: the
 * file is refused at its end. Throws ImportValidationError, possibly after rows were handed on, so
 * the sink must be discarded (rolled back) then.
 */
/** LiveCodeBench `_eval.json`: the problem list of its join file, and the sha256 of that file. */
async function readJoin(planned: PlannedFile): Promise<{ list: LcbProblemList; sha256: string } | null> {
  const { generation } = planned.entry;
  if (!generation) return null;
  const { document, sha256 } = await readJsonDocument(generation, {
    maxBytes: planned.maxBytes,
    onProgress: planned.onJoinProgress,
  });
  const parse = () => parseLcbProblemList(document, generation.name);
  const list = planned.exclusive ? planned.exclusive(parse) : parse();
  collectAfterDocument(generation.size);
  return { list, sha256 };
}

export async function streamFile(planned: PlannedFile, sink: ResultSink): Promise<StreamedFile> {
  const { entry } = planned;
  const join = await readJoin(planned);
  const trained = entry.trained?.label;
  const given = entry.alpha !== undefined && Number.isFinite(entry.alpha) ? entry.alpha : null;
  const { run, sha256 } = await readImportFile(entry.input, {
    format: planned.format,
    tests: planned.tests,
    lcbProblems: join?.list,
    maxBytes: planned.maxBytes,
    onProgress: planned.onProgress,
    onResult: (alpha, result, difficulty) => {
      // Rows naming an α in a file imported as a trained checkpoint are refused at the end.
      const bound = trained === undefined ? (alpha ?? given) : alpha === null ? trained : null;
      if (bound !== null) sink.add(bound, result, difficulty);
    },
    afterChunk: () => sink.afterChunk(),
    exclusive: planned.exclusive,
  });
  if (JSON_DOCUMENTS.has(run.format)) collectAfterDocument(entry.input.size);
  const checkpoints =
    trained === undefined
      ? bindCheckpoints(run, entry.alpha).map(({ alpha, results }) => ({ key: alpha, results }))
      : bindTrained(run, trained).map(({ label, results }) => ({ key: label, results }));
  const difficultyOf = new Map(run.problems.map((problem) => [problem.externalId, problem.difficulty]));
  for (const checkpoint of checkpoints) {
    for (const [i, result] of checkpoint.results.entries()) {
      sink.add(checkpoint.key, result, difficultyOf.get(result.problemExternalId) ?? "unknown");
      if (i % ROWS_PER_CHECK === ROWS_PER_CHECK - 1) await sink.afterChunk();
    }
  }
  return {
    file: run.file,
    format: run.format,
    contentHash: importHash(sha256, run.format, planned.tests, join?.sha256 ?? null),
    notes: run.notes,
    problems: run.problems,
    checkpoints: checkpoints.map(({ key }) => ({ key })),
  };
}
