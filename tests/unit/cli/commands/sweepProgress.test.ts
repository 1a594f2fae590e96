import { describe, expect, it } from "vitest";
import { formatSweepProgress, sweepProgress } from "@/lib/cli/commands/sweepProgress";

describe("formatSweepProgress", () => {
  it("shows files, bytes, percent, MB/s and time left", () => {
    expect(
      formatSweepProgress({
        bytesDone: 1.2e9,
        bytesTotal: 25e9,
        filesDone: 3,
        filesTotal: 41,
        elapsedMs: 12_000,
      }),
    ).toBe("3/41 files · 1.20 GB of 25.00 GB (4%) · 100.0 MB/s · 3 min 58 s left");
  });

  it("leaves out speed and time left before a second has passed", () => {
    expect(
      formatSweepProgress({ bytesDone: 5e6, bytesTotal: 20e6, filesDone: 0, filesTotal: 2, elapsedMs: 999 }),
    ).toBe("0/2 files · 5.0 MB of 20.0 MB (25%)");
  });
});

describe("sweepProgress on a stream that is not a terminal", () => {
  it("writes a plain line per finished file and at most one every 10 s in between", () => {
    const lines: string[] = [];
    const stream = {
      isTTY: false,
      write: (text: string) => lines.push(text),
    } as unknown as NodeJS.WriteStream;
    let clock = 0;
    const progress = sweepProgress(
      [
        { name: "a.jsonl", size: 100e6 },
        { name: "b.jsonl", size: 100e6 },
      ],
      stream,
      () => clock,
    );
    clock = 2_000;
    progress.onProgress("a.jsonl", 50e6, 100e6); // first line
    clock = 5_000;
    progress.onProgress("a.jsonl", 80e6, 100e6); // within 10 s: silent
    clock = 6_000;
    progress.onProgress("a.jsonl", 100e6, 100e6); // a file finished
    clock = 20_000;
    progress.onProgress("b.jsonl", 100e6, 100e6);
    progress.done();
    expect(lines).toEqual([
      "0/2 files · 50.0 MB of 200.0 MB (25%) · 25.0 MB/s · 6 s left\n",
      "1/2 files · 100.0 MB of 200.0 MB (50%) · 16.7 MB/s · 6 s left\n",
      "2/2 files · 200.0 MB of 200.0 MB (100%) · 10.0 MB/s · 0 s left\n",
    ]);
  });
});
