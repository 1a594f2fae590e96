import type { ParsedRun } from "./run";

/**
 * A parser fed one line at a time, so a file of any size can be streamed through it with memory
 * proportional to the number of problems, not lines. Line numbers are 1-based; the line excludes
 * its terminator.
 */
export interface LineParser {
  pushLine(line: string, lineNumber: number): void;
  /** Validates what was pushed and returns the run; throws ImportValidationError on bad input. */
  finish(): ParsedRun;
}

/**
 * Splits text arriving in chunks of any size into lines for a {@link LineParser}: handles `\n`
 * and `\r\n`, a UTF-8 byte-order mark, and a last line without terminator. The edge (a Node
 * stream, a browser File) decodes bytes to text and calls {@link push} per chunk.
 */
export class LineFeeder {
  private readonly parser: LineParser;
  private pending = "";
  private lineNumber = 0;
  private started = false;

  constructor(parser: LineParser) {
    this.parser = parser;
  }

  /** Lines pushed so far (for progress reports). */
  get lines(): number {
    return this.lineNumber;
  }

  push(chunk: string): void {
    let text = this.pending + chunk;
    if (!this.started && text.length > 0) {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    let start = 0;
    for (let end = text.indexOf("\n"); end !== -1; end = text.indexOf("\n", start)) {
      this.emit(text, start, end);
      start = end + 1;
    }
    this.pending = text.slice(start);
  }

  /** Flushes the last line and returns the parser's result. */
  end(): ParsedRun {
    if (this.pending.length > 0) this.emit(this.pending, 0, this.pending.length);
    this.pending = "";
    return this.parser.finish();
  }

  private emit(text: string, start: number, end: number): void {
    const stop = end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
    this.lineNumber++;
    this.parser.pushLine(text.slice(start, stop), this.lineNumber);
  }
}

/** Runs a whole text through a line parser. */
export function parseLines(parser: LineParser, text: string): ParsedRun {
  const feeder = new LineFeeder(parser);
  feeder.push(text);
  return feeder.end();
}
