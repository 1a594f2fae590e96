import { describe, expect, it } from "vitest";
import { sameItems } from "@/components/browser/useStableList";

describe("sameItems", () => {
  const a = { id: "a" };
  const b = { id: "b" };

  it("holds for the same items in the same order, in different arrays", () => {
    expect(sameItems([a, b], [a, b])).toBe(true);
    expect(sameItems([], [])).toBe(true);
  });

  it("fails for another order, another length, or an equal but different item", () => {
    expect(sameItems([a, b], [b, a])).toBe(false);
    expect(sameItems([a, b], [a])).toBe(false);
    expect(sameItems([a], [{ id: "a" }])).toBe(false);
  });
});
