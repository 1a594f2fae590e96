import { describe, expect, it } from "vitest";
import { noCheckpointChange, versionChanges } from "@/lib/db/queries/experimentVersions";

describe("versionChanges", () => {
  it("names the α added, replaced (another checkpoint) and removed between two live sets", () => {
    const before = [
      { id: 1, alpha: -0.5 },
      { id: 2, alpha: 0 },
      { id: 3, alpha: 1 },
    ];
    const after = [
      { id: 2, alpha: 0 },
      { id: 7, alpha: 1 },
      { id: 8, alpha: 1.5 },
    ];
    expect(versionChanges(before, after)).toEqual({ added: [1.5], replaced: [1], removed: [-0.5] });
    expect(versionChanges(after, before)).toEqual({ added: [-0.5], replaced: [1], removed: [1.5] });
  });

  it("finds no change between a set and itself, and everything added from nothing", () => {
    const live = [
      { id: 4, alpha: 0 },
      { id: 5, alpha: 0.5 },
    ];
    expect(noCheckpointChange(versionChanges(live, live))).toBe(true);
    expect(versionChanges([], live)).toEqual({ added: [0, 0.5], replaced: [], removed: [] });
    expect(noCheckpointChange(versionChanges([], live))).toBe(false);
  });
});
