import { describe, expect, it } from "vitest";
import type { ProblemCounts } from "../../../lib/contracts/problemTypes";
import { matchesSearch, problemTable } from "../../../lib/views/problemRows";
import {
  defaultProblemsView,
  type ProblemsContext,
  parseProblemsView,
  SEARCH_MAX_LENGTH,
  serializeProblemsView,
} from "../../../lib/views/problemsView";

const context: ProblemsContext = { alphas: [-0.5, 0, 0.5, 1, 1.5], slices: ["all", "easy", "hard"] };
const parse = (query: string) => parseProblemsView(new URLSearchParams(query), context);

describe("problems view URL state", () => {
  it("opens comparing A with B, most gained first, every difficulty, no search", () => {
    expect(defaultProblemsView(context)).toEqual({
      from: 0,
      to: 1,
      order: "desc",
      sort: "delta",
      difficulty: "all",
      search: "",
      detect: 2,
    });
    expect(defaultProblemsView({ alphas: [0.25, 0.75, 2], slices: ["all"] })).toMatchObject({
      from: 0.25,
      to: 2,
    });
    expect(parse("").notices).toEqual([]);
  });

  it("round-trips a view exactly, the typographic minus of a copied α label included", () => {
    const { view, notices } = parse(
      "from=−0.5&to=1.5&order=asc&sort=shrunk&difficulty=hard&q=abc%20301&detect=0.5",
    );
    expect(notices).toEqual([]);
    expect(view).toEqual({
      from: -0.5,
      to: 1.5,
      order: "asc",
      sort: "shrunk",
      difficulty: "hard",
      search: "abc 301",
      detect: 0.5,
    });
    expect(parse(serializeProblemsView(view).toString()).view).toEqual(view);
    expect(serializeProblemsView(view).toString()).toBe(
      "from=-0.5&to=1.5&order=asc&sort=shrunk&difficulty=hard&q=abc+301&detect=0.5",
    );
  });

  it("replaces what the experiment cannot show with its default, saying so", () => {
    const { view, notices } = parse("from=0.3&to=x&order=up&sort=best&difficulty=medium&detect=0");
    expect(view).toEqual(defaultProblemsView(context));
    expect(notices).toEqual([
      "No checkpoint at from = “0.3”; using from α = 0.",
      "No checkpoint at to = “x”; using to α = 1.",
      "Ignored order=“up” (expected desc or asc).",
      "Ignored sort=“best” (expected delta or shrunk).",
      "This experiment has no medium problems; showing all problems.",
      "Ignored detect=“0” (expected points in (0, 100]).",
    ]);
  });

  it("keeps at most the search box's length", () => {
    expect(parse(`q=${"a".repeat(SEARCH_MAX_LENGTH + 50)}`).view.search).toHaveLength(SEARCH_MAX_LENGTH);
  });
});

const counts: ProblemCounts = {
  version: "v",
  experiment: "x",
  clusters: null,
  alphas: [0, 1],
  problems: [
    { id: "a1", title: "Alpha sum", difficulty: "easy", platform: null, n: [4, 4], pass: [1, 3] },
    { id: "b2", title: "Beta", difficulty: "hard", platform: null, n: [4, 4], pass: [2, 0] },
    { id: "c3", title: null, difficulty: "hard", platform: null, n: [4, 0], pass: [4, 0] },
    { id: "d4", title: "Delta", difficulty: "easy", platform: null, n: [2, 8], pass: [1, 4] },
    { id: "B10", title: "Gamma", difficulty: "easy", platform: null, n: [4, 4], pass: [1, 3] },
  ],
};

describe("the problems table", () => {
  const view = {
    from: 0,
    to: 1,
    order: "desc" as const,
    sort: "delta" as const,
    difficulty: "all" as const,
    search: "",
    detect: 2,
  };

  it("ranks by change, ties by id in code-unit order, and lists problems missing an α last", () => {
    const table = problemTable(counts, view);
    expect(table.rows.map((row) => [counts.problems[row.problem].id, row.change?.delta ?? null])).toEqual([
      ["B10", 0.5],
      ["a1", 0.5],
      ["d4", 0],
      ["b2", -0.5],
      ["c3", null],
    ]);
    expect(table).toMatchObject({
      gained: 2,
      lost: 1,
      unchanged: 1,
      missing: 1,
      gainedDiscoveries: 0,
      lostDiscoveries: 0,
    });
    const ascending = problemTable(counts, { ...view, order: "asc" });
    expect(ascending.rows.map((row) => counts.problems[row.problem].id)).toEqual([
      "b2",
      "d4",
      "B10",
      "a1",
      "c3",
    ]);
  });

  it("filters by difficulty and by a case-insensitive search on id and title", () => {
    expect(problemTable(counts, { ...view, difficulty: "hard" }).rows.map((row) => row.problem)).toEqual([
      1, 2,
    ]);
    expect(problemTable(counts, { ...view, search: " ALPHA " }).rows.map((row) => row.problem)).toEqual([0]);
    expect(problemTable(counts, { ...view, search: "b" }).rows.map((row) => row.problem)).toEqual([4, 1]);
    expect(matchesSearch({ id: "x", title: null }, "y")).toBe(false);
  });

  it("gives each change the p- and q-value of the whole slice, whatever the search", () => {
    const all = problemTable(counts, view);
    const searched = problemTable(counts, { ...view, search: "beta" });
    const beta = (table: typeof all) =>
      table.rows.find((row) => counts.problems[row.problem].id === "b2")?.change;
    expect(searched.rows).toHaveLength(1);
    expect(beta(searched)).toEqual(beta(all));
    // 2/4 → 0/4: Fisher's two-sided p = 3/7 (hypergeometric over C(8, 2) = 28 tables).
    expect(beta(all)?.p).toBeCloseTo(12 / 28, 12);
  });

  it("states the power of the slice's comparison, whatever the search", () => {
    const { power } = problemTable(counts, view);
    // Changes of the four problems at both α: 0.5, −0.5, 0, 0.5 (mean 0.125, Σ squares about it 0.6875).
    const z = 1.959963984540054 + 0.8416212335729143;
    expect(power).toMatchObject({ level: 0.05, power: 0.8, problems: 4, samplesNow: 34 / 8, detect: 0.02 });
    // normalQuantile is good to about 1e-9.
    expect(power.minimumDetectableEffect).toBeCloseTo(z * Math.sqrt(0.6875 / 3 / 4), 8);
    expect(problemTable(counts, { ...view, search: "beta" }).power).toEqual(power);
    expect(problemTable(counts, { ...view, difficulty: "hard" }).power.minimumDetectableEffect).toBeNull();
  });
});
