import { describe, expect, it } from "vitest";
import { adjustedGainSummary } from "../../../lib/science/ensembleSearchSummary";
import { syntheticMatrix } from "../../../lib/science/syntheticMatrix";
import {
  defaultScalingView,
  editedByHand,
  memberListText,
  memberSamples,
  parseScalingView,
  type ScalingContext,
  searchedGainInterval,
  serializeScalingView,
  splitProblem,
} from "../../../lib/views/scalingView";

const context: ScalingContext = {
  alphas: [-1, -0.5, 0, 0.5, 1, 1.5, 2],
  maxBudget: 256,
  slices: ["all", "easy", "medium", "hard"],
};

const parse = (query: string) => parseScalingView(new URLSearchParams(query), context);

describe("scaling view URL state", () => {
  it("opens on A and B, K = 250 split equally, hard problems, no bands", () => {
    expect(defaultScalingView(context)).toEqual({
      members: [0, 1],
      budget: 250,
      split: "equal",
      difficulty: "hard",
      bands: false,
      searched: null,
    });
    expect(parse("").notices).toEqual([]);
  });

  it("round-trips a shared ensemble with a custom split exactly", () => {
    const { view, notices } = parse("members=1.5,0,0.5&budget=250&split=100,75,75&difficulty=hard&bands=1");
    expect(notices).toEqual([]);
    expect(view).toEqual({
      members: [0, 0.5, 1.5],
      budget: 250,
      split: [100, 75, 75],
      difficulty: "hard",
      bands: true,
      searched: null,
    });
    const text = serializeScalingView(view).toString();
    expect(text).toBe("members=0%2C0.5%2C1.5&budget=250&split=100%2C75%2C75&difficulty=hard&bands=1");
    expect(parse(text).view).toEqual(view);
  });

  it("reads the typographic minus that α labels print", () => {
    expect(parse("members=−0.5,1.5").view.members).toEqual([-0.5, 1.5]);
  });

  it("drops unknown α and duplicates with a notice, keeping the rest", () => {
    const { view, notices } = parse("members=0,0.3,0,1.5");
    expect(view.members).toEqual([0, 1.5]);
    expect(notices).toEqual(["No checkpoint at α = “0.3”; it was left out of the ensemble."]);
  });

  it("refuses a budget beyond the smallest n and a split that does not add up, saying why", () => {
    const { view, notices } = parse("members=0,1&budget=300&split=100,100");
    expect(view.budget).toBe(250);
    expect(view.split).toBe("equal");
    expect(notices[0]).toContain("from 2 to 256");
    expect(notices[1]).toContain("add up to 200, not to the budget K = 250");
  });

  it("ignores an unknown difficulty and a malformed bands flag", () => {
    const { view, notices } = parse("difficulty=extreme&bands=yes");
    expect(view.difficulty).toBe("hard");
    expect(view.bands).toBe(false);
    expect(notices).toHaveLength(2);
  });
});

describe("an ensemble loaded from the search", () => {
  it("round-trips searched (the search's largest ensemble) and refuses one no search could have picked", () => {
    const { view, notices } = parse(
      "members=0,1.5&budget=250&split=equal&difficulty=hard&bands=0&searched=3",
    );
    expect(notices).toEqual([]);
    expect(view.searched).toBe(3);
    const text = serializeScalingView(view).toString();
    expect(text).toBe("members=0%2C1.5&budget=250&split=equal&difficulty=hard&bands=0&searched=3");
    expect(parse(text).view).toEqual(view);
    for (const query of [
      "members=0,0.5,1.5&searched=2",
      "searched=7",
      "searched=2.5",
      "split=200,50&searched=2",
    ]) {
      const refused = parse(query);
      expect(refused.view.searched).toBeNull();
      expect(refused.notices.at(-1)).toMatch(/^Ignored searched/);
    }
  });

  it("drops searched on any edit by hand", () => {
    expect(editedByHand({ members: [0, 1] })).toEqual({ members: [0, 1], searched: null });
    expect(editedByHand({ difficulty: "easy" })).toEqual({ difficulty: "easy", searched: null });
  });
});

describe("searchedGainInterval", () => {
  const matrix = syntheticMatrix({ alphas: [0, 0.5, 1], problems: 30, samples: 10, seed: 4 });
  const view = {
    members: [0, 1],
    budget: 10,
    split: "equal" as const,
    difficulty: "all" as const,
    bands: false,
  };

  it("is the search's adjusted interval for the loaded members, and nothing for a hand-made ensemble", () => {
    const problems = Int32Array.from(matrix.problems, (_, i) => i);
    const members = [
      { checkpoint: 0, k: 5 },
      { checkpoint: 2, k: 5 },
    ];
    expect(searchedGainInterval(matrix, { ...view, searched: 2 })).toEqual(
      adjustedGainSummary(matrix, members, problems, 2),
    );
    expect(searchedGainInterval(matrix, { ...view, searched: 2 })?.members).toEqual([
      { alpha: 0, samples: 5 },
      { alpha: 1, samples: 5 },
    ]);
    expect(searchedGainInterval(matrix, { ...view, searched: null })).toBeNull();
  });

  it("gives none when a member has fewer samples than its share", () => {
    expect(searchedGainInterval(matrix, { ...view, budget: 30, searched: 2 })).toBeNull();
  });
});

describe("memberSamples and memberListText", () => {
  it("splits K equally with the remainder to the lower α, as the CLI and search do", () => {
    const view = { ...defaultScalingView(context), members: [0, 0.5, 1.5] };
    expect(memberSamples(view)).toEqual([84, 83, 83]);
    expect(memberListText(view)).toBe("0:84,0.5:83,1.5:83");
  });
});

describe("splitProblem", () => {
  it("accepts whole samples summing to K and explains every other case", () => {
    expect(splitProblem([100, 150], 2, 250)).toBeNull();
    expect(splitProblem([100], 2, 250)).toBe("Give one sample count per member (2).");
    expect(splitProblem([100, 149.5], 2, 250)).toBe(
      "Each member needs a whole number of samples, at least 1.",
    );
    expect(splitProblem([0, 250], 2, 250)).toBe("Each member needs a whole number of samples, at least 1.");
    expect(splitProblem([100, 100], 2, 250)).toBe(
      "The samples add up to 200, not to the budget K = 250 (add 50).",
    );
    expect(splitProblem([200, 100], 2, 250)).toBe(
      "The samples add up to 300, not to the budget K = 250 (remove 50).",
    );
  });
});
