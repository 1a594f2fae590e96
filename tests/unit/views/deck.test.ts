import { describe, expect, it } from "vitest";
import { slideOf, slideUrl, steppedSlide } from "@/lib/views/deck";

const DECK = [
  { page: "explorer" as const, view: "alpha=0&difficulty=hard" },
  { page: "scaling" as const, view: "members=0%2C1.5&budget=16" },
  { page: "explorer" as const, view: "alpha=1.5&present=1" },
];

describe("the review deck's links", () => {
  it("opens a slide as its saved view's own link plus slide=<n>, on the view's page", () => {
    expect(slideUrl("demo", DECK, 1, false)).toBe("/experiments/demo?alpha=0&difficulty=hard&slide=1");
    expect(slideUrl("demo", DECK, 2, false)).toBe(
      "/experiments/demo/scaling?members=0%2C1.5&budget=16&slide=2",
    );
  });

  it("keeps presentation mode while stepping, and only when it is on", () => {
    expect(slideUrl("demo", DECK, 2, true)).toBe(
      "/experiments/demo/scaling?members=0%2C1.5&budget=16&slide=2&present=1",
    );
    // A saved view does not carry presentation mode with it.
    expect(slideUrl("demo", DECK, 3, false)).toBe("/experiments/demo?alpha=1.5&slide=3");
  });

  it("reads the slide number from a query string; anything else opens no slide", () => {
    expect(slideOf("alpha=0&slide=2")).toBe(2);
    for (const search of ["alpha=0", "slide=0", "slide=-1", "slide=1.5", "slide=x", "slide="]) {
      expect(slideOf(search)).toBeNull();
    }
  });

  it("steps to the neighbour and stops at both ends", () => {
    expect(steppedSlide(1, 1, 3)).toBe(2);
    expect(steppedSlide(2, -1, 3)).toBe(1);
    expect(steppedSlide(1, -1, 3)).toBeNull();
    expect(steppedSlide(3, 1, 3)).toBeNull();
    // A slide past a deck that shrank since steps back to its last view.
    expect(steppedSlide(7, -1, 3)).toBe(3);
  });
});
