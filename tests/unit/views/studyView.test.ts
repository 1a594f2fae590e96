import { describe, expect, it } from "vitest";
import { compareContextOf } from "@/lib/views/compareContext";
import { studyViewDefinition } from "@/lib/views/studyView";
import { makeFrontierFixture } from "../charts/fixtures/frontierData";

const a = makeFrontierFixture();
const b = makeFrontierFixture({ alphas: [0, 0.5, 1] });
const context = compareContextOf({
  experiments: [
    { ...a, experiment: { ...a.experiment, slug: "a" } },
    { ...b, experiment: { ...b.experiment, slug: "b" } },
  ],
  sameBenchmark: true,
  problems: {
    all: { sizes: [1, 1], shared: 1, union: 1 },
    easy: { sizes: [1, 1], shared: 1, union: 1 },
    medium: { sizes: [1, 1], shared: 1, union: 1 },
    hard: { sizes: [1, 1], shared: 1, union: 1 },
  },
});

describe("the study view", () => {
  it("reads the comparison's view at the shared α and writes it back without naming the experiments", () => {
    const { view, notices } = studyViewDefinition.parse(
      new URLSearchParams("alpha=0.5&difficulty=hard&experiments=x,y"),
      context,
    );
    expect(notices).toEqual([]);
    expect(view.alpha).toBe(0.5);
    expect(view.difficulty).toBe("hard");
    expect(view.experiments).toEqual(["a", "b"]);
    const written = studyViewDefinition.serialize(view);
    expect(written.has("experiments")).toBe(false);
    expect(written.get("alpha")).toBe("0.5");
    expect(studyViewDefinition.parse(written, context).view).toEqual(view);
  });

  it("keeps α within the range every experiment has a value at, with a notice", () => {
    const { view, notices } = studyViewDefinition.parse(new URLSearchParams("alpha=1.5"), context);
    expect(view.alpha).not.toBe(1.5);
    expect(notices.length).toBeGreaterThan(0);
  });
});
