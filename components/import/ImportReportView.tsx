import Link from "next/link";
import { LongText } from "@/components/common/LongText";
import { checkpointCell, checkpointName, reportedKey } from "@/lib/domain/checkpointKey";
import { DIFFICULTIES } from "@/lib/domain/difficulty";
import { VERDICT_LABELS, VERDICTS } from "@/lib/domain/verdicts";
import { IMPORT_FORMAT_LABELS } from "@/lib/formats/formats";
import type { CheckpointReport, ImportReport } from "@/lib/import/report";
import { ellipsize } from "@/lib/views/format";
import styles from "./Import.module.css";

const percent = (share: number) => `${(share * 100).toFixed(1)}%`;

function storedText(checkpoint: CheckpointReport, dryRun: boolean): string {
  if (checkpoint.status === "unchanged") return "already imported";
  const verb = dryRun ? "would add" : "added";
  const parts = [`${verb} ${checkpoint.inserted}`];
  if (checkpoint.replaced > 0) parts.push(`replace ${checkpoint.replaced}`);
  if (checkpoint.unchanged > 0) parts.push(`${checkpoint.unchanged} identical`);
  return parts.join(", ");
}

function difficultyText(checkpoint: CheckpointReport): string {
  return DIFFICULTIES.flatMap((difficulty) => {
    const totals = checkpoint.byDifficulty[difficulty];
    return totals ? [`${difficulty} ${totals.problems} (${percent(totals.passAt1)})`] : [];
  }).join(" · ");
}

function headline(report: ImportReport): string {
  const { slug, created } = report.experiment;
  const target = `${created ? "new experiment" : "experiment"} “${slug}”`;
  if (report.dryRun) return `Preview: what importing into ${target} would store`;
  if (report.status === "unchanged") return `Nothing to do: this content is already in ${target}`;
  return `Imported into ${target}`;
}

/** The import report as a table per file: format, checkpoints, verdict totals, pass@1, notes. */
export function ImportReportView({ report }: { report: ImportReport }) {
  // A button holds one line: a long experiment name is cut, in full in the tooltip.
  const openText = ellipsize(report.experiment.name, 60);
  return (
    <section className={styles.report} aria-labelledby="import-report-title">
      <h2 id="import-report-title" className={styles.sectionTitle}>
        {headline(report)}
      </h2>
      {report.files.map((file) => (
        <div key={file.file} className={styles.fileReport}>
          <p>
            <strong>
              <LongText text={file.file} />
            </strong>{" "}
            — format detected: <span data-testid="format">{IMPORT_FORMAT_LABELS[file.format]}</span>
          </p>
          <div className={styles.tableScroll}>
            <table className={styles.table}>
              <thead>
                <tr>
                  <th scope="col">α</th>
                  <th scope="col">Problems</th>
                  <th scope="col">Samples</th>
                  {VERDICTS.map((verdict) => (
                    <th key={verdict} scope="col">
                      {VERDICT_LABELS[verdict]}
                    </th>
                  ))}
                  <th scope="col">pass@1</th>
                  <th scope="col">Results</th>
                </tr>
              </thead>
              <tbody>
                {file.checkpoints.map((checkpoint) => (
                  <tr key={reportedKey(checkpoint)}>
                    <th scope="row">
                      {checkpointCell(reportedKey(checkpoint))}
                      {checkpoint.created ? " (new)" : ""}
                    </th>
                    <td className="num">{checkpoint.problems}</td>
                    <td className="num">{checkpoint.samples}</td>
                    {VERDICTS.map((verdict) => (
                      <td key={verdict} className="num">
                        {checkpoint.verdicts[verdict]}
                      </td>
                    ))}
                    <td className="num">{percent(checkpoint.passAt1)}</td>
                    <td>{storedText(checkpoint, report.dryRun)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <ul className={styles.notes}>
            {file.checkpoints.map((checkpoint) => (
              <li key={reportedKey(checkpoint)}>
                {checkpointName(reportedKey(checkpoint))} by difficulty: {difficultyText(checkpoint)}
              </li>
            ))}
            {file.notes.map((note) => (
              <li key={note}>Note: {note}</li>
            ))}
          </ul>
        </div>
      ))}
      {!report.dryRun ? (
        <p>
          <Link
            className="button button--primary"
            href={`/experiments/${encodeURIComponent(report.experiment.slug)}`}
            title={openText === report.experiment.name ? undefined : report.experiment.name}
          >
            Open {openText}
          </Link>
        </p>
      ) : null}
    </section>
  );
}
