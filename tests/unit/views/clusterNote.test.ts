import { describe, expect, it } from "vitest";
import { clusterNote } from "../../../lib/views/clusterNote";

describe("clusterNote", () => {
  it("names how many clusters the intervals resample, and what they are", () => {
    expect(clusterNote({ by: "contest", clusters: 1234 })).toBe(
      "Intervals resample the 1,234 contests whole, not single problems (problems of one contest are correlated; a problem without the value counts as its own).",
    );
    expect(clusterNote({ by: "metadata:platform", clusters: 3 })).toMatch(
      /^Intervals resample the 3 platforms whole/,
    );
  });
});
