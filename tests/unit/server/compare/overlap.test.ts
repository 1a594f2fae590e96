import { describe, expect, it } from "vitest";
import { problemSetOverlap } from "@/lib/server/compare/overlap";

const a = { ids: ["p1", "p2", "p3", "p4"], difficulties: ["easy", "hard", "hard", "medium"] as const };
const b = { ids: ["p2", "p3", "p5"], difficulties: ["hard", "hard", "hard"] as const };
const c = { ids: ["p3"], difficulties: ["hard"] as const };

describe("problemSetOverlap", () => {
  it("counts each set's problems, the ids all share and the ids any has", () => {
    expect(problemSetOverlap([a, b], "all")).toEqual({ sizes: [4, 3], shared: 2, union: 5 });
    expect(problemSetOverlap([a, b, c], "all")).toEqual({ sizes: [4, 3, 1], shared: 1, union: 5 });
  });

  it("counts within one difficulty slice", () => {
    expect(problemSetOverlap([a, b], "hard")).toEqual({ sizes: [2, 3], shared: 2, union: 3 });
    expect(problemSetOverlap([a, b], "easy")).toEqual({ sizes: [1, 0], shared: 0, union: 1 });
  });
});
