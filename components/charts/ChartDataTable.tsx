"use client";

import { useState } from "react";
import type { MetricDefinition } from "@/lib/science/metricRegistry";
import { CsvDownload } from "../common/CsvDownload";
import { MetricHelp } from "../glossary/MetricName";

interface DataTableColumn<Row> {
  header: string;
  /** The metric the column shows: its header gets the definition and a glossary link. */
  metric?: MetricDefinition;
  /** Right-align and use tabular digits. */
  numeric?: boolean;
  /** The cell's text, as shown and as saved in the CSV. */
  cell: (row: Row) => string;
}

interface ChartDataTableProps<Row> {
  caption: string;
  columns: DataTableColumn<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string | number;
  /** Rows to mark as the current selection. */
  isCurrent?: (row: Row) => boolean;
  testId?: string;
  /** The table's part of a CSV file name, e.g. "frontier-data". */
  name: string;
}

/**
 * The text alternative under every chart: a collapsible table of exactly what the chart draws.
 * Rows are rendered only while it is open, so a closed table costs nothing while α is dragged.
 * Open, it offers the table as CSV, with the cells as they read.
 */
export function ChartDataTable<Row>({
  caption,
  columns,
  rows,
  rowKey,
  isCurrent,
  testId,
  name,
}: ChartDataTableProps<Row>) {
  const [open, setOpen] = useState(false);
  return (
    <details className="chart-data" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>Data table</summary>
      {open ? (
        <div className="table-scroll table-scroll--flat">
          <CsvDownload
            name={name}
            label={`Download the data table as CSV: ${caption}`}
            table={() => ({
              header: columns.map((column) => column.header),
              rows: rows.map((row) => columns.map((column) => column.cell(row))),
            })}
          />
          <table className="data-table data-table--compact" data-testid={testId}>
            <caption className="visually-hidden">{caption}</caption>
            <thead>
              <tr>
                {columns.map((column) => (
                  <th key={column.header} scope="col" className={column.numeric ? "num" : undefined}>
                    {column.header}
                    {column.metric ? <MetricHelp metric={column.metric} /> : null}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={rowKey(row)} aria-current={isCurrent?.(row) ? "true" : undefined}>
                  {columns.map((column) => (
                    <td key={column.header} className={column.numeric ? "num" : undefined}>
                      {column.cell(row)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </details>
  );
}
