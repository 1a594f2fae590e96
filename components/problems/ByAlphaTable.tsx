import type { ReactNode } from "react";
import type { ProblemCheckpoint } from "@/lib/contracts/problemTypes";
import { formatAlpha } from "@/lib/domain/alpha";

/** One numeric column of a {@link ByAlphaTable}. */
export interface AlphaColumn {
  key: string;
  header: ReactNode;
  cell: (checkpoint: ProblemCheckpoint) => ReactNode;
  /** data-* attributes of the column's cells (e.g. which verdict or k they hold). */
  data?: Record<`data-${string}`, string | number>;
}

interface ByAlphaTableProps {
  checkpoints: readonly ProblemCheckpoint[];
  columns: readonly AlphaColumn[];
  /** Read by screen readers only. */
  caption: string;
  testId: string;
}

/** One problem's values with a row per evaluated α (its label beside it) and a column per quantity. */
export function ByAlphaTable({ checkpoints, columns, caption, testId }: ByAlphaTableProps) {
  return (
    <div className="table-scroll">
      <table className="data-table data-table--compact" data-testid={testId}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className="num">
              α
            </th>
            {columns.map((column) => (
              <th key={column.key} scope="col" className="num">
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {checkpoints.map((cp) => (
            <tr key={cp.alpha} data-alpha={cp.alpha}>
              <th scope="row" className="num">
                {formatAlpha(cp.alpha)}
                {cp.label ? <span className="muted"> {cp.label}</span> : null}
              </th>
              {columns.map((column) => (
                <td key={column.key} className="num" {...column.data}>
                  {column.cell(cp)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
