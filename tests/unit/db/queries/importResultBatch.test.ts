import { describe, expect, it } from "vitest";
import { ResultBatch } from "@/lib/db/queries/importResultBatch";
import type { ResultInput } from "@/lib/domain/sweepInput";

const result = (pass: number, runtimeMeanMs: number | null): ResultInput => ({
  problemExternalId: "ignored",
  n: 4,
  verdicts: { pass, wrongAnswer: 4 - pass, timeLimit: 0, runtimeError: 0, compileError: 0, other: 0 },
  runtimeCount: runtimeMeanMs === null ? 0 : pass,
  runtimeMeanMs,
  runtimeMinMs: null,
  runtimeMaxMs: null,
  dpsNorm: null,
});

describe("ResultBatch", () => {
  const checkpointIds = Int32Array.from([70, 71]);
  const problemIds = Int32Array.from([500, 501, 502]);

  it("writes the kept rows as one array literal per results column, ordinals turned into ids", () => {
    const batch = new ResultBatch(3);
    batch.push(0, 2, result(1, 12.5));
    batch.push(1, 0, result(0, null));
    batch.push(0, 1, result(4, null));
    expect(batch.full).toBe(true);
    const { rows, columns } = batch.toColumns(checkpointIds, problemIds, (checkpoint) => checkpoint === 0);
    expect(rows).toBe(2);
    expect(columns).toEqual([
      "{70,70}",
      "{502,501}",
      "{4,4}",
      "{1,4}",
      "{3,0}",
      "{0,0}",
      "{0,0}",
      "{0,0}",
      "{0,0}",
      "{1,0}",
      "{12.5,NULL}",
      "{}",
      "{}",
      "{}",
    ]);
  });

  it("sends an all-NULL column empty (unnest pads it with NULLs)", () => {
    const batch = new ResultBatch(2);
    batch.push(1, 0, result(0, null));
    expect(batch.full).toBe(false);
    expect(batch.toColumns(checkpointIds, problemIds, () => true).columns.slice(10)).toEqual([
      "{}",
      "{}",
      "{}",
      "{}",
    ]);
  });
});
