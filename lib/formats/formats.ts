/** Every file format the importer reads; `--format` takes one of these names. */
export const IMPORT_FORMATS = [
  "lcb-eval-all",
  "lcb-eval",
  "evalplus",
  "human-eval",
  "alphascope-jsonl",
  "alphascope-csv",
] as const;

export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export const IMPORT_FORMAT_LABELS: Record<ImportFormat, string> = {
  "lcb-eval-all": "LiveCodeBench _eval_all.json",
  "lcb-eval": "LiveCodeBench _eval.json",
  evalplus: "EvalPlus / EvalPerf eval_results.json",
  "human-eval": "OpenAI human-eval _results.jsonl",
  "alphascope-jsonl": "alphascope JSONL",
  "alphascope-csv": "alphascope CSV",
};

export function isImportFormat(value: unknown): value is ImportFormat {
  return typeof value === "string" && (IMPORT_FORMATS as readonly string[]).includes(value);
}
