import { splitCsvLine } from "./csvFields";
import { IssueCollector } from "./issues";
import { isBlankLine } from "./jsonLine";
import { type LineParser, parseLines } from "./lineParser";
import { NATIVE_COUNT_FIELDS, NATIVE_SAMPLE_FIELDS, NATIVE_TEXT_FIELDS } from "./nativeFields";
import { readNativeRecord } from "./nativeRecord";
import { type NativeResultSink, NativeRunBuilder } from "./nativeRunBuilder";
import type { ParsedRun } from "./run";

const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * Streams the CSV form of the native format: a header row naming the same fields as the JSONL
 * lines (a `verdict` column makes it a per-sample file), then one row per line. Empty cells are
 * absent fields. Numbers must be plain decimals: `NaN`, `Infinity` and overflowing values are
 * rejected.
 */
export class NativeCsvParser implements LineParser {
  private readonly issues: IssueCollector;
  private readonly builder: NativeRunBuilder;
  private header: string[] | null = null;

  /** With `sink`, each validated result goes to it as it is read (see NativeRunBuilder). */
  constructor(
    private readonly file: string,
    sink?: NativeResultSink,
  ) {
    this.issues = new IssueCollector(file);
    this.builder = new NativeRunBuilder("alphascope-csv", this.issues, sink);
  }

  pushLine(line: string, lineNumber: number): void {
    if (isBlankLine(line)) return;
    const cells = splitCsvLine(line);
    if (!cells) {
      this.issues.add({
        line: lineNumber,
        message: "unclosed quote: a quoted field must end on the same line",
      });
      return;
    }
    if (!this.header) {
      this.header = this.readHeader(cells, lineNumber);
      return;
    }
    if (cells.length !== this.header.length) {
      this.issues.add({
        line: lineNumber,
        message: `has ${cells.length} cells but the header has ${this.header.length} columns`,
      });
      return;
    }
    const record = this.toRecord(this.header, cells, lineNumber);
    if (!record) return;
    const parsed = readNativeRecord(record, lineNumber, this.issues);
    if (parsed) this.builder.add(parsed, lineNumber);
  }

  finish(): ParsedRun {
    return this.builder.finish(this.file);
  }

  private readHeader(cells: string[], lineNumber: number): string[] {
    const names = cells.map((c) => c.trim());
    const known = names.includes("verdict") ? NATIVE_SAMPLE_FIELDS : NATIVE_COUNT_FIELDS;
    const seen = new Set<string>();
    for (const name of names) {
      if (seen.has(name)) this.issues.add({ line: lineNumber, field: name, message: "duplicate column" });
      else if (!known.has(name))
        this.issues.add({ line: lineNumber, field: name, message: "unknown column" });
      seen.add(name);
    }
    if (!seen.has("problem"))
      this.issues.fail({ line: lineNumber, field: "problem", message: "the header has no problem column" });
    return names;
  }

  private toRecord(header: string[], cells: string[], lineNumber: number): Record<string, unknown> | null {
    const record: Record<string, unknown> = {};
    let ok = true;
    for (let c = 0; c < header.length; c++) {
      const cell = cells[c].trim();
      if (cell === "") continue;
      const field = header[c];
      if (NATIVE_TEXT_FIELDS.has(field)) {
        record[field] = cell;
        continue;
      }
      const value = DECIMAL.test(cell) ? Number(cell) : Number.NaN;
      if (!Number.isFinite(value)) {
        this.issues.add({
          line: lineNumber,
          field,
          message: `expected a finite number, got ${JSON.stringify(cell)}`,
        });
        ok = false;
      }
      record[field] = value;
    }
    return ok ? record : null;
  }
}

/** Parses a whole native CSV text; see {@link NativeCsvParser}. */
export function parseNativeCsv(text: string, file: string): ParsedRun {
  return parseLines(new NativeCsvParser(file), text);
}
