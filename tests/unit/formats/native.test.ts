import { describe, expect, it } from "vitest";
import { LineFeeder } from "@/lib/formats/lineParser";
import { parseNativeCsv } from "@/lib/formats/nativeCsv";
import { NativeJsonlParser, parseNativeJsonl } from "@/lib/formats/nativeJsonl";
import { summarizeRun } from "@/lib/formats/summarizeRun";
import { counts, fixture } from "./helpers";

const countsJsonl = fixture("native/counts.jsonl");

describe("native JSONL, count lines", () => {
  const run = parseNativeJsonl(countsJsonl, "counts.jsonl");

  it("groups results by α, ascending", () => {
    expect(run.checkpoints.map((c) => c.alpha)).toEqual([-0.5, 0, 1.5]);
    expect(run.checkpoints.map((c) => c.results.length)).toEqual([3, 3, 3]);
  });

  it("gives the per-checkpoint totals and pass@1", () => {
    const summary = summarizeRun(run);
    const [minus, zero, beyond] = summary.checkpoints;
    expect(minus.verdicts).toEqual(counts({ pass: 10, wrongAnswer: 7, timeLimit: 6, runtimeError: 1 }));
    expect(zero.verdicts).toEqual(counts({ pass: 13, wrongAnswer: 6, timeLimit: 4, compileError: 1 }));
    expect(beyond.verdicts).toEqual(counts({ pass: 14, wrongAnswer: 6, runtimeError: 2, other: 2 }));
    expect(minus.passAt1).toBeCloseTo((6 / 8 + 0 + 4 / 8) / 3, 12);
    expect(zero.passAt1).toBeCloseTo(13 / 24, 12);
    expect(summary.samples).toBe(72);
    expect(summary.verdicts.pass).toBe(37);
    expect(summary.byDifficulty).toEqual({ easy: 1, medium: 1, hard: 1, unknown: 0 });
  });

  it("keeps problem metadata from whichever line gives it", () => {
    expect(run.problems).toEqual([
      {
        externalId: "abc301_a",
        difficulty: "easy",
        title: "Overall Winner",
        platform: "atcoder",
        contestDate: "2023-05-13",
      },
      {
        externalId: "abc301_f",
        difficulty: "hard",
        title: "F - Anti, DDoS",
        platform: null,
        contestDate: null,
      },
      { externalId: "1873_A", difficulty: "medium", title: null, platform: null, contestDate: null },
    ]);
  });

  it("keeps runtime statistics; runtimeCount defaults to pass when a mean is given", () => {
    const [first] = run.checkpoints[0].results;
    expect(first).toMatchObject({
      runtimeCount: 6,
      runtimeMeanMs: 12.5,
      runtimeMinMs: 10,
      runtimeMaxMs: 20,
      dpsNorm: null,
    });
    const atZero = run.checkpoints[1].results[0];
    expect(atZero).toMatchObject({
      runtimeCount: 7,
      runtimeMeanMs: 11,
      runtimeMinMs: null,
      runtimeMaxMs: null,
    });
    expect(run.checkpoints[0].results[1]).toMatchObject({ runtimeCount: 0, runtimeMeanMs: null });
  });

  it("streams: any chunking gives the same run", () => {
    for (const size of [1, 7, 64, 100_000]) {
      const feeder = new LineFeeder(new NativeJsonlParser("counts.jsonl"));
      for (let i = 0; i < countsJsonl.length; i += size) feeder.push(countsJsonl.slice(i, i + size));
      expect(feeder.end()).toEqual(run);
    }
  });

  it("accepts CRLF line ends and a byte-order mark", () => {
    const windows = `\uFEFF${countsJsonl.replaceAll("\n", "\r\n")}`;
    expect(parseNativeJsonl(windows, "counts.jsonl")).toEqual(run);
  });
});

describe("native JSONL, sample lines", () => {
  it("aggregates verdicts and keeps runtimes of passing samples only", () => {
    const run = parseNativeJsonl(fixture("native/samples.jsonl"), "samples.jsonl");
    expect(run.checkpoints).toHaveLength(1);
    expect(run.checkpoints[0].alpha).toBeNull();
    const [a, f] = run.checkpoints[0].results;
    expect(a).toMatchObject({ n: 4, runtimeCount: 2, runtimeMeanMs: 15, runtimeMinMs: 10, runtimeMaxMs: 20 });
    expect(a.verdicts).toEqual(counts({ pass: 2, wrongAnswer: 1, timeLimit: 1 }));
    expect(f.verdicts).toEqual(counts({ pass: 1, compileError: 1, other: 1, runtimeError: 1 }));
    expect(f.runtimeCount).toBe(0);
  });
});

describe("native CSV", () => {
  it("count rows give exactly the JSONL run", () => {
    const csv = parseNativeCsv(fixture("native/counts.csv"), "counts.csv");
    const jsonl = parseNativeJsonl(countsJsonl, "counts.csv");
    expect(csv).toEqual({ ...jsonl, format: "alphascope-csv" });
  });

  it("sample rows give exactly the JSONL run", () => {
    const csv = parseNativeCsv(fixture("native/samples.csv"), "samples.csv");
    const jsonl = parseNativeJsonl(fixture("native/samples.jsonl"), "samples.csv");
    expect(csv).toEqual({ ...jsonl, format: "alphascope-csv" });
  });
});
