import type { CsvTable } from "../responses/csv";

/**
 * A table on screen as CSV rows, cell by cell as it reads (a cell's `data-csv` attribute, where
 * set, stands for text that is split across elements); a cell spanning columns (a group heading)
 * fills its row's first field. The first row is the header.
 */
export function tableCsv(table: HTMLTableElement): CsvTable {
  const rows = Array.from(table.rows).map((row) =>
    Array.from(row.cells).map((cell) =>
      (cell.dataset.csv ?? cell.textContent ?? "").replace(/\s+/g, " ").trim(),
    ),
  );
  const [header = [], ...body] = rows;
  return { header, rows: body };
}
