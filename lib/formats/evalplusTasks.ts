import type { Verdict } from "../domain/verdicts";
import { evalPlusStatusVerdict } from "./evalplusStatus";
import type { IssueCollector } from "./issues";
import { childPath } from "./jsonPath";
import { describeValue, isRecord } from "./values";

/** One sample's verdict on the base tests and, when the run had them, on the plus tests. */
export interface EvalPlusSample {
  base: Verdict;
  plus: Verdict | null;
}

/** One task of an EvalPlus / EvalPerf file: its samples and the per-task DPS_norm (EvalPerf only). */
export interface EvalPlusTask {
  samples: EvalPlusSample[];
  dpsNorm: number | null;
}

function readStatus(value: unknown, path: string, field: string, issues: IssueCollector): Verdict | null {
  const verdict = evalPlusStatusVerdict(value);
  if (verdict) return verdict;
  issues.add({
    path,
    field,
    message: `unknown status ${describeValue(value)} (expected pass, fail or timeout)`,
  });
  return null;
}

/** Current schema: `[{task_id, base_status, plus_status, …}, …]`, one object per sample. */
export function readCurrentTask(
  taskId: string,
  value: unknown[],
  path: string,
  issues: IssueCollector,
): EvalPlusTask | null {
  const samples: EvalPlusSample[] = [];
  for (let s = 0; s < value.length; s++) {
    const sample = value[s];
    const samplePath = childPath(path, s);
    if (!isRecord(sample)) {
      issues.add({ path: samplePath, message: `expected a sample object, got ${describeValue(sample)}` });
      return null;
    }
    if (sample.task_id !== undefined && sample.task_id !== taskId) {
      issues.add({
        path: childPath(samplePath, "task_id"),
        field: "task_id",
        message: `is ${describeValue(sample.task_id)} inside task ${JSON.stringify(taskId)}`,
      });
      return null;
    }
    const base = readStatus(sample.base_status, childPath(samplePath, "base_status"), "base_status", issues);
    const rawPlus = sample.plus_status;
    const plus =
      rawPlus === null || rawPlus === undefined
        ? null
        : readStatus(rawPlus, childPath(samplePath, "plus_status"), "plus_status", issues);
    if (base === null || (plus === null && rawPlus !== null && rawPlus !== undefined)) return null;
    samples.push({ base, plus });
  }
  return { samples, dpsNorm: null };
}

/** Legacy schema (≤ 0.1): `{nfiles, base: [[status, details], …], plus: [[status, details], …] | []}`. */
export function readLegacyTask(
  value: Record<string, unknown>,
  path: string,
  issues: IssueCollector,
): EvalPlusTask | null {
  const base = readLegacyStatuses(value.base, childPath(path, "base"), "base", issues);
  const plus =
    value.plus === undefined ? [] : readLegacyStatuses(value.plus, childPath(path, "plus"), "plus", issues);
  if (!base || !plus) return null;
  if (value.nfiles !== undefined && value.nfiles !== base.length) {
    issues.add({
      path: childPath(path, "nfiles"),
      field: "nfiles",
      message: `is ${describeValue(value.nfiles)} but base has ${base.length} samples`,
    });
    return null;
  }
  if (plus.length !== 0 && plus.length !== base.length) {
    issues.add({
      path: childPath(path, "plus"),
      field: "plus",
      message: `has ${plus.length} samples but base has ${base.length}`,
    });
    return null;
  }
  return {
    samples: base.map((b, s) => ({ base: b, plus: plus.length === 0 ? null : plus[s] })),
    dpsNorm: null,
  };
}

function readLegacyStatuses(
  value: unknown,
  path: string,
  field: string,
  issues: IssueCollector,
): Verdict[] | null {
  if (!Array.isArray(value)) {
    issues.add({
      path,
      field,
      message: `expected a list of [status, details] per sample, got ${describeValue(value)}`,
    });
    return null;
  }
  const verdicts: Verdict[] = [];
  for (let s = 0; s < value.length; s++) {
    const entry = value[s];
    const status = Array.isArray(entry) ? entry[0] : entry;
    const verdict = readStatus(status, childPath(path, s), field, issues);
    if (verdict === null) return null;
    verdicts.push(verdict);
  }
  return verdicts;
}

/**
 * EvalPerf schema: `{results: [{pass, …}, …], dps, dps_norm, "pass@1"}`. It records only pass or
 * fail, so a failing sample is `other`; `dps_norm` (0–100, null below min_correct) is kept.
 */
export function readEvalPerfTask(
  value: Record<string, unknown>,
  path: string,
  issues: IssueCollector,
): EvalPlusTask | null {
  const results = value.results;
  const resultsPath = childPath(path, "results");
  if (!Array.isArray(results)) {
    issues.add({
      path: resultsPath,
      field: "results",
      message: `expected a list of samples, got ${describeValue(results)}`,
    });
    return null;
  }
  const dpsNorm = value.dps_norm ?? null;
  if (
    dpsNorm !== null &&
    !(typeof dpsNorm === "number" && Number.isFinite(dpsNorm) && dpsNorm >= 0 && dpsNorm <= 100)
  ) {
    issues.add({
      path: childPath(path, "dps_norm"),
      field: "dps_norm",
      message: `expected a number in [0, 100] or null, got ${describeValue(dpsNorm)}`,
    });
    return null;
  }
  const samples: EvalPlusSample[] = [];
  for (let s = 0; s < results.length; s++) {
    const sample = results[s];
    const passed = isRecord(sample) ? sample.pass : undefined;
    if (typeof passed !== "boolean") {
      issues.add({
        path: childPath(childPath(resultsPath, s), "pass"),
        field: "pass",
        message: `expected a boolean, got ${describeValue(passed)}`,
      });
      return null;
    }
    samples.push({ base: passed ? "pass" : "other", plus: null });
  }
  return { samples, dpsNorm };
}
