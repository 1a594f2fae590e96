import { describe, expect, it } from "vitest";
import { checkpointChanges, describeChanged, noCheckpointChange } from "@/lib/domain/checkpointChanges";

const NO_TRAINED = { added: [], replaced: [], removed: [] };

describe("checkpointChanges", () => {
  it("names the α added, replaced (another checkpoint) and removed between two live sets", () => {
    const before = [
      { id: 1, key: -0.5 },
      { id: 2, key: 0 },
      { id: 3, key: 1 },
    ];
    const after = [
      { id: 2, key: 0 },
      { id: 7, key: 1 },
      { id: 8, key: 1.5 },
    ];
    expect(checkpointChanges(before, after)).toEqual({
      added: [1.5],
      replaced: [1],
      removed: [-0.5],
      trained: NO_TRAINED,
    });
    expect(checkpointChanges(after, before)).toEqual({
      added: [-0.5],
      replaced: [1],
      removed: [1.5],
      trained: NO_TRAINED,
    });
  });

  it("lists trained checkpoints by label apart from the α, each list in order", () => {
    const before = [
      { id: 1, key: 0 },
      { id: 2, key: "coverage 50%" },
      { id: 3, key: "coverage 25%" },
    ];
    const after = [
      { id: 1, key: 0 },
      { id: 9, key: "coverage 50%" },
      { id: 11, key: "late run" },
      { id: 10, key: "b run" },
    ];
    const changes = checkpointChanges(before, after);
    expect(changes).toEqual({
      added: [],
      replaced: [],
      removed: [],
      trained: { added: ["b run", "late run"], replaced: ["coverage 50%"], removed: ["coverage 25%"] },
    });
    expect(describeChanged(changes, "added")).toBe('trained "b run", "late run"');
    expect(describeChanged(changes, "replaced")).toBe('trained "coverage 50%"');
    expect(describeChanged(changes, "removed")).toBe('trained "coverage 25%"');
    expect(noCheckpointChange(changes)).toBe(false);
  });

  it("finds no change between a set and itself, and everything added from nothing", () => {
    const live = [
      { id: 4, key: 0 },
      { id: 5, key: 0.5 },
      { id: 6, key: "run" },
    ];
    expect(noCheckpointChange(checkpointChanges(live, live))).toBe(true);
    const added = checkpointChanges([], live);
    expect(added).toEqual({
      added: [0, 0.5],
      replaced: [],
      removed: [],
      trained: { added: ["run"], replaced: [], removed: [] },
    });
    expect(describeChanged(added, "added")).toBe('α 0, 0.5; trained "run"');
    expect(describeChanged(added, "removed")).toBe("");
    expect(noCheckpointChange(added)).toBe(false);
  });
});
