import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type AxisLabel, labelRows } from "@/lib/charts/labelRows";

/** 13 chips 42 px wide at α = −1, −0.75, …, 2 on an axis `width` pixels long. */
function demoChips(width: number): AxisLabel[] {
  return Array.from({ length: 13 }, (_, i) => ({ center: (i / 12) * width, width: 42 }));
}

describe("labelRows", () => {
  it("keeps every label in one row when they are far enough apart", () => {
    expect(labelRows(demoChips(900), 4)).toEqual(new Array(13).fill(0));
  });

  it("alternates two rows when neighbours would touch but every other one fits (the scaling page at 1280 px)", () => {
    // 450 px: 37.5 px between centres, less than a chip and a gap; 75 px between every other one.
    expect(labelRows(demoChips(450), 4)).toEqual([0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0]);
  });

  it("takes a third row when even every other label would touch", () => {
    // 240 px: 20 px between centres, 40 px between every other one, 60 px between every third.
    expect(labelRows(demoChips(240), 4)).toEqual([0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2, 0]);
  });

  it("answers in the order the labels were given, whatever their order along the axis", () => {
    const labels = [
      { center: 100, width: 40 },
      { center: 0, width: 40 },
      { center: 20, width: 40 },
    ];
    expect(labelRows(labels, 0)).toEqual([0, 0, 1]);
  });

  it("never lets two labels of one row come closer than the gap", () => {
    const label = fc.record({
      center: fc.integer({ min: 0, max: 500 }),
      width: fc.integer({ min: 1, max: 80 }),
    });
    fc.assert(
      fc.property(fc.array(label, { maxLength: 30 }), fc.integer({ min: 0, max: 10 }), (labels, gap) => {
        const rows = labelRows(labels, gap);
        for (let i = 0; i < labels.length; i++)
          for (let j = i + 1; j < labels.length; j++) {
            if (rows[i] !== rows[j]) continue;
            const [a, b] = [labels[i], labels[j]];
            const apart = Math.abs(a.center - b.center) - (a.width + b.width) / 2;
            expect(apart).toBeGreaterThanOrEqual(gap);
          }
      }),
    );
  });
});
