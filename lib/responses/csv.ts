/**
 * CSV as RFC 4180 writes it, for every table alphascope exports (the browser's downloads and
 * GET /api/experiments/<slug>/export.csv): a header row, CRLF line ends, a field quoted when it holds
 * a comma, a quote, a line break or leading/trailing space, quotes doubled inside. Text is UTF-8
 * (the caller sends or saves it so); numbers are written as JavaScript (and JSON) writes them, so a
 * value read back is exactly the number the API serves; an empty field is a missing value. A text
 * a spreadsheet would run as a formula is neutralised (see {@link neutralised}).
 * Hand-written because it is these few lines; a CSV library would add parsing we never need.
 */

/** One cell: a number (finite, else empty), a text, or nothing. */
export type CsvCell = string | number | null | undefined;

/** A table as CSV exports it. */
export interface CsvTable {
  header: readonly string[];
  rows: readonly (readonly CsvCell[])[];
}

const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

/** The first characters with which a spreadsheet starts a formula (OWASP's CSV-injection list). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A text that is a plain number (a table cell such as `-0.5`, `+3`, `-1.2e-5` or `-12.5%`). */
const NUMBER_TEXT = /^[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?%?$/;

/**
 * A text as a spreadsheet may safely read it, per OWASP's CSV-injection guidance: one starting with
 * `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading `'`, so Excel, LibreOffice and Google
 * Sheets show it as text instead of running it (`=HYPERLINK(…)`, `=1+1`, `@SUM(…)`, `-2+3`); a text
 * that is a plain number (`-0.5`) stays as it is, still a number. Quoting alone does not help: a
 * spreadsheet evaluates a quoted field all the same.
 */
export function neutralised(text: string): string {
  return FORMULA_START.test(text) && !NUMBER_TEXT.test(text) ? `'${text}` : text;
}

/** One field as it appears in a CSV line. */
export function csvField(cell: CsvCell): string {
  if (cell === null || cell === undefined) return "";
  if (typeof cell === "number") return Number.isFinite(cell) ? String(cell) : "";
  const text = neutralised(cell);
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The table as CSV text: header row first, every line ended by CRLF. */
export function toCsv(table: CsvTable): string {
  const lines = [table.header, ...table.rows].map((row) => row.map(csvField).join(","));
  return lines.map((line) => `${line}\r\n`).join("");
}

/** The media type CSV is served and saved with. */
export const CSV_MEDIA_TYPE = "text/csv; charset=utf-8";
