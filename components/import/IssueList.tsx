import { LongText } from "@/components/common/LongText";
import { formatIssue, type ImportIssue } from "@/lib/formats/issues";
import styles from "./Import.module.css";

/** Why an import was refused: one row per issue with its file, line (or JSON path) and field. */
export function IssueList({ message, issues }: { message: string; issues: readonly ImportIssue[] }) {
  return (
    <section className={styles.errors} role="alert" aria-labelledby="import-errors-title">
      <h2 id="import-errors-title" className={styles.sectionTitle}>
        Nothing was imported
      </h2>
      {issues.length === 0 ? (
        <p>{message}</p>
      ) : (
        <table className={styles.table}>
          <thead>
            <tr>
              <th scope="col">File</th>
              <th scope="col">Line</th>
              <th scope="col">Field</th>
              <th scope="col">Problem</th>
            </tr>
          </thead>
          <tbody>
            {issues.map((issue) => (
              <tr key={formatIssue(issue)}>
                <td>
                  <LongText text={issue.file} />
                </td>
                <td className="num">
                  {issue.line === undefined
                    ? "—"
                    : `${issue.line}${issue.column === undefined ? "" : `:${issue.column}`}`}
                </td>
                <td>
                  <code>
                    <LongText text={issue.path ?? issue.field ?? "—"} lines={1} />
                  </code>
                </td>
                <td>
                  <LongText text={issue.message} lines={4} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
