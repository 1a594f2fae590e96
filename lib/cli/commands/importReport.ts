import { checkpointCell, checkpointName, reportedKey } from "../../domain/checkpointKey";
import { DIFFICULTIES } from "../../domain/difficulty";
import { IMPORT_FORMAT_LABELS } from "../../formats/formats";
import type { CheckpointReport, ImportReport } from "../../import/report";
import { percent, renderTable } from "../table";

function stored(checkpoint: CheckpointReport): string {
  if (checkpoint.status === "unchanged") return "already imported";
  const parts = [`${checkpoint.inserted} new`];
  if (checkpoint.replaced > 0) parts.push(`${checkpoint.replaced} replaced`);
  if (checkpoint.unchanged > 0) parts.push(`${checkpoint.unchanged} identical`);
  return parts.join(", ");
}

function byDifficulty(checkpoint: CheckpointReport): string {
  return DIFFICULTIES.flatMap((difficulty) => {
    const totals = checkpoint.byDifficulty[difficulty];
    return totals ? [`${difficulty} ${totals.problems} (${percent(totals.passAt1)})`] : [];
  }).join(", ");
}

function headline(report: ImportReport): string {
  const { slug, created } = report.experiment;
  const target = `experiment "${slug}"${created ? " (new)" : ""}`;
  if (report.dryRun) return `Dry run — nothing was written. Importing into ${target} would store:`;
  if (report.status === "unchanged")
    return `Nothing to do: this content was already imported into ${target}.`;
  return `Imported into ${target}:`;
}

/** The import report as the CLI prints it: one table per file, then difficulties and notes. */
export function renderImportReport(report: ImportReport): string {
  const lines = [headline(report)];
  for (const file of report.files) {
    lines.push("", `${file.file} — ${IMPORT_FORMAT_LABELS[file.format]}`);
    lines.push(
      renderTable(
        [
          "α",
          "problems",
          "samples",
          "pass",
          "wrong",
          "time limit",
          "runtime",
          "compile",
          "other",
          "pass@1",
          "stored",
        ],
        file.checkpoints.map((c) => [
          `${checkpointCell(reportedKey(c))}${c.created ? " (new)" : ""}`,
          c.problems,
          c.samples,
          c.verdicts.pass,
          c.verdicts.wrongAnswer,
          c.verdicts.timeLimit,
          c.verdicts.runtimeError,
          c.verdicts.compileError,
          c.verdicts.other,
          percent(c.passAt1),
          stored(c),
        ]),
      ),
    );
    for (const c of file.checkpoints)
      lines.push(`  ${checkpointName(reportedKey(c))} by difficulty: ${byDifficulty(c)}`);
    for (const note of file.notes) lines.push(`  note: ${note}`);
  }
  const { totals } = report;
  if (report.files.length > 1) {
    lines.push("", `Total: ${totals.problems} problems, ${totals.rows} results, ${totals.samples} samples.`);
  }
  return lines.join("\n");
}
