import { describe, expect, it } from "vitest";
import { joinNegativeValues, parseCommandArgs, slugArgument } from "@/lib/cli/args";
import { UsageError } from "@/lib/cli/context";

const IMPORT_OPTIONS = {
  experiment: { type: "string" },
  alpha: { type: "string" },
  "dry-run": { type: "boolean", default: false },
} as const;

const ENSEMBLE_OPTIONS = { members: { type: "string" }, budget: { type: "string", short: "b" } } as const;

const alphaOf = (...args: string[]) => parseCommandArgs(args, IMPORT_OPTIONS).values.alpha;

describe("joinNegativeValues", () => {
  it("joins a value-taking option with the negative number after it", () => {
    expect(joinNegativeValues(["--alpha", "-0.5", "--dry-run"], IMPORT_OPTIONS)).toEqual([
      "--alpha=-0.5",
      "--dry-run",
    ]);
  });

  it("joins a member list that starts with a negative α, and a short option's value", () => {
    expect(joinNegativeValues(["--members", "-0.75:84,1.5:83", "-b", "-3"], ENSEMBLE_OPTIONS)).toEqual([
      "--members=-0.75:84,1.5:83",
      "--budget=-3",
    ]);
  });

  it("leaves options, boolean flags, non-numeric dashes and everything after -- alone", () => {
    const args = ["--dry-run", "-1", "--experiment", "--alpha", "--", "--alpha", "-2"];
    expect(joinNegativeValues(args, IMPORT_OPTIONS)).toEqual(args);
  });
});

describe("parseCommandArgs", () => {
  it.each([
    [["--alpha", "-0.5"], "-0.5"],
    [["--alpha", "-1e-1"], "-1e-1"],
    [["--alpha", "-.25"], "-.25"],
    [["--alpha=-0.5"], "-0.5"],
    [["--alpha", "1.5"], "1.5"],
  ])("reads %j as the α %s", (args, alpha) => {
    expect(alphaOf(...args)).toBe(alpha);
  });

  it("keeps positionals and booleans around a negative value", () => {
    const { values, positionals } = parseCommandArgs(
      ["run.json", "--experiment", "x", "--alpha", "-0.5", "--dry-run"],
      IMPORT_OPTIONS,
      { allowPositionals: true },
    );
    expect(positionals).toEqual(["run.json"]);
    expect(values).toEqual({ experiment: "x", alpha: "-0.5", "dry-run": true });
  });

  it("refuses an option that takes one value given twice, naming it and both values", () => {
    expect(() => alphaOf("--alpha", "0.3", "--alpha", "0.4")).toThrow(
      new UsageError('--alpha is given twice ("0.3" and "0.4"): give it once.'),
    );
    expect(() => alphaOf("--alpha=-0.3", "--alpha", "-0.4")).toThrow(/--alpha is given twice/);
  });

  it("lets a repeated boolean flag through: it cannot mean two things", () => {
    expect(parseCommandArgs(["--dry-run", "--dry-run"], IMPORT_OPTIONS).values["dry-run"]).toBe(true);
  });

  it("still refuses an option whose value is missing or looks like another option", () => {
    expect(() => alphaOf("--experiment", "--alpha", "1")).toThrow(
      expect.objectContaining({ code: "ERR_PARSE_ARGS_INVALID_OPTION_VALUE" }),
    );
    expect(() => alphaOf("--alpha")).toThrow(
      expect.objectContaining({ code: "ERR_PARSE_ARGS_INVALID_OPTION_VALUE" }),
    );
  });

  it("refuses unknown options and positionals a command does not take", () => {
    expect(() => alphaOf("--alpah", "1")).toThrow(
      expect.objectContaining({ code: "ERR_PARSE_ARGS_UNKNOWN_OPTION" }),
    );
    expect(() => alphaOf("run.json")).toThrow(
      expect.objectContaining({ code: "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL" }),
    );
  });
});

describe("slugArgument", () => {
  it("passes a slug and refuses anything else with the rule", () => {
    expect(slugArgument("qwen3-8b")).toBe("qwen3-8b");
    expect(() => slugArgument("Qwen")).toThrow(
      new UsageError(
        '"Qwen" is not an experiment slug: it must be lowercase letters, digits and dashes (at most 100 characters).',
      ),
    );
    expect(() => slugArgument("a".repeat(101), "--experiment")).toThrow(/^--experiment "a{101}" is not/);
  });
});
