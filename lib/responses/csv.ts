/**
 * CSV as RFC 4180 writes it, for every table alphascope exports (the browser's downloads and
 * GET /api/experiments/<slug>/export.csv): a header row, CRLF line ends, a field quoted when it holds
 * a comma, a quote, a line break or leading/trailing space, quotes doubled inside. Text is UTF-8
 * (the caller sends or saves it so); numbers are written as JavaScript (and JSON) writes them, so a
 * value read back is exactly the number the API serves; an empty field is a missing value.
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

/** One field as it appears in a CSV line. */
export function csvField(cell: CsvCell): string {
  if (cell === null || cell === undefined) return "";
  if (typeof cell === "number") return Number.isFinite(cell) ? String(cell) : "";
  return NEEDS_QUOTES.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

/** The table as CSV text: header row first, every line ended by CRLF. */
export function toCsv(table: CsvTable): string {
  const lines = [table.header, ...table.rows].map((row) => row.map(csvField).join(","));
  return lines.map((line) => `${line}\r\n`).join("");
}

/** The media type CSV is served and saved with. */
export const CSV_MEDIA_TYPE = "text/csv; charset=utf-8";
