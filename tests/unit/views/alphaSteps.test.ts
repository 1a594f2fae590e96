import { describe, expect, it } from "vitest";
import {
  alphaAtFraction,
  alphaForKey,
  fractionOfAlpha,
  pageSteps,
  roundAlpha,
  snapAlpha,
  stepAlpha,
} from "@/lib/views/alphaSteps";

const grid = [-1, -0.75, -0.5, -0.25, 0, 0.25, 0.5, 0.75, 1, 1.25, 1.5, 1.75, 2];

describe("snapAlpha", () => {
  it("snaps onto the nearest evaluated α within the tolerance", () => {
    expect(snapAlpha(1.23, grid, 0.03)).toBe(1.25);
    expect(snapAlpha(0.02, grid, 0.03)).toBe(0);
  });

  it("leaves α alone farther away", () => {
    expect(snapAlpha(1.18, grid, 0.03)).toBe(1.18);
  });
});

describe("stepAlpha", () => {
  it("steps to the next and previous evaluated α", () => {
    expect(stepAlpha(1, grid, 1)).toBe(1.25);
    expect(stepAlpha(1, grid, -1)).toBe(0.75);
  });

  it("lands on the neighbour in the step direction from between two evaluated α", () => {
    expect(stepAlpha(1.1, grid, 1)).toBe(1.25);
    expect(stepAlpha(1.1, grid, -1)).toBe(1);
  });

  it("jumps several evaluated α and clamps at the ends", () => {
    expect(stepAlpha(0, grid, 1, 3)).toBe(0.75);
    expect(stepAlpha(1.75, grid, 1, 3)).toBe(2);
    expect(stepAlpha(-0.75, grid, -1, 3)).toBe(-1);
    expect(stepAlpha(2, grid, 1)).toBe(2);
    expect(stepAlpha(-1, grid, -1)).toBe(-1);
  });
});

describe("slider geometry", () => {
  it("pages through a quarter of the grid", () => {
    expect(pageSteps(grid)).toBe(3);
    expect(pageSteps([0, 1])).toBe(1);
  });

  it("maps track fractions to α and back", () => {
    expect(alphaAtFraction(0.5, -1, 2)).toBe(0.5);
    expect(alphaAtFraction(1.4, -1, 2)).toBe(2);
    expect(fractionOfAlpha(1.25, -1, 2)).toBe(0.75);
    expect(fractionOfAlpha(0.3, 0.3, 0.3)).toBe(0.5);
  });

  it("rounds continuous α to two decimals", () => {
    expect(roundAlpha(1.23456)).toBe(1.23);
    expect(roundAlpha(-0.005001)).toBe(-0.01);
  });
});

describe("alphaForKey", () => {
  it("maps the WAI-ARIA slider keys onto evaluated α", () => {
    expect(alphaForKey("ArrowRight", 1, grid)).toBe(1.25);
    expect(alphaForKey("ArrowUp", 1, grid)).toBe(1.25);
    expect(alphaForKey("ArrowLeft", 1, grid)).toBe(0.75);
    expect(alphaForKey("ArrowDown", 1.1, grid)).toBe(1);
    expect(alphaForKey("PageUp", 0, grid)).toBe(0.75);
    expect(alphaForKey("PageDown", 0, grid)).toBe(-0.75);
    expect(alphaForKey("Home", 0.3, grid)).toBe(-1);
    expect(alphaForKey("End", 0.3, grid)).toBe(2);
  });

  it("ignores other keys", () => {
    expect(alphaForKey("a", 1, grid)).toBeNull();
    expect(alphaForKey("Tab", 1, grid)).toBeNull();
  });
});
