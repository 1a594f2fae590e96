import type { ProblemInput } from "../domain/sweepInput";
import { IssueCollector } from "./issues";
import { type JsonText, parseJsonDocument } from "./jsonDocument";
import { readLcbEntries } from "./lcbProblems";

/**
 * The problems of an lcb_runner generation file or `_eval_all.json`, in file order (lcb_runner
 * writes both sorted by question_id, the order `_eval.json` indexes by), used to give an
 * `_eval.json` its problem ids and difficulties.
 */
export interface LcbProblemList {
  file: string;
  problems: ProblemInput[];
  /** Per problem, the `graded_list` when the file has one (an `_eval_all.json`), to cross-check the join. */
  graded: (readonly unknown[] | null)[];
}

/** Reads an lcb_runner generation file or `_eval_all.json` as a problem list for {@link parseLcbEval}. */
export function parseLcbProblemList(text: JsonText, file: string): LcbProblemList {
  const issues = new IssueCollector(file);
  const doc = parseJsonDocument(text, file);
  const entries = readLcbEntries(doc, issues);
  issues.throwIfAny();
  return {
    file,
    problems: entries.map((e) => e.problem),
    graded: entries.map((e) => (Array.isArray(e.entry.graded_list) ? e.entry.graded_list : null)),
  };
}
