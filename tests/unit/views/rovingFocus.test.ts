import { describe, expect, it } from "vitest";
import { rovingIndex, tabStopKey } from "@/lib/views/rovingFocus";

describe("rovingIndex: the arrow keys inside a one-tab-stop point set", () => {
  it("steps forward with Right and Down, back with Left and Up, stopping at the ends", () => {
    expect(rovingIndex("ArrowRight", 2, 5)).toBe(3);
    expect(rovingIndex("ArrowDown", 2, 5)).toBe(3);
    expect(rovingIndex("ArrowLeft", 2, 5)).toBe(1);
    expect(rovingIndex("ArrowUp", 2, 5)).toBe(1);
    expect(rovingIndex("ArrowRight", 4, 5)).toBe(4);
    expect(rovingIndex("ArrowLeft", 0, 5)).toBe(0);
  });

  it("jumps to the ends with Home and End, and ignores every other key", () => {
    expect(rovingIndex("Home", 3, 5)).toBe(0);
    expect(rovingIndex("End", 1, 5)).toBe(4);
    expect(rovingIndex("Tab", 1, 5)).toBeNull();
    expect(rovingIndex("Enter", 1, 5)).toBeNull();
    expect(rovingIndex("ArrowRight", 0, 0)).toBeNull();
  });
});

describe("tabStopKey: which point Tab lands on", () => {
  const keys = ["-1", "0", "0.5", "1"];

  it("is the point focused last while focus was inside, else the selected one, else the first", () => {
    expect(tabStopKey(keys, "0.5", "1")).toBe("0.5");
    expect(tabStopKey(keys, null, "1")).toBe("1");
    expect(tabStopKey(keys, null, null)).toBe("-1");
  });

  it("skips points that are not in the set (zoomed out of view), and is null for an empty set", () => {
    expect(tabStopKey(keys, "2", "7")).toBe("-1");
    expect(tabStopKey([], null, "1")).toBeNull();
  });
});
