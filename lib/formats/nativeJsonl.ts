import { IssueCollector } from "./issues";
import { isBlankLine, parseJsonObjectLine } from "./jsonLine";
import { type LineParser, parseLines } from "./lineParser";
import { readNativeRecord } from "./nativeRecord";
import { type NativeResultSink, NativeRunBuilder } from "./nativeRunBuilder";
import type { ParsedRun } from "./run";

/**
 * Streams a native alphascope JSONL file (see docs/import-formats.md): one count line per
 * (checkpoint, problem), or one sample line per graded sample. Per line: one JSON.parse and
 * hand-written checks; memory grows with problems × checkpoints, not lines.
 */
export class NativeJsonlParser implements LineParser {
  private readonly issues: IssueCollector;
  private readonly builder: NativeRunBuilder;

  /** With `sink`, each validated result goes to it as it is read (see NativeRunBuilder). */
  constructor(
    private readonly file: string,
    sink?: NativeResultSink,
  ) {
    this.issues = new IssueCollector(file);
    this.builder = new NativeRunBuilder("alphascope-jsonl", this.issues, sink);
  }

  pushLine(line: string, lineNumber: number): void {
    if (isBlankLine(line)) return;
    const object = parseJsonObjectLine(line, lineNumber, this.issues);
    if (!object) return;
    const record = readNativeRecord(object, lineNumber, this.issues);
    if (record) this.builder.add(record, lineNumber);
  }

  finish(): ParsedRun {
    return this.builder.finish(this.file);
  }
}

/** Parses a whole native JSONL text; see {@link NativeJsonlParser}. */
export function parseNativeJsonl(text: string, file: string): ParsedRun {
  return parseLines(new NativeJsonlParser(file), text);
}
