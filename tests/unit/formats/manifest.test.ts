import { describe, expect, it } from "vitest";
import { isManifestFile, parseManifest } from "@/lib/formats/manifest";
import { resolveRelativePath } from "@/lib/formats/relativePath";
import { fixture, issueLines } from "./helpers";

const yaml = fixture("manifest/sweep.yaml");

describe("parseManifest", () => {
  it("reads experiment metadata and checkpoints with paths relative to the manifest", () => {
    const manifest = parseManifest(yaml, "tests/fixtures/import/manifest/sweep.yaml");
    expect(manifest.experiment).toEqual({
      slug: "qwen3-8b-coverage",
      name: "Qwen3-8B coverage sweep",
      description: "Low- vs high-coverage RL checkpoints on LiveCodeBench.",
      benchmark: "livecodebench-v5",
      setting: "pure-reasoning",
      modelFamily: "Qwen3",
      modelScale: "8B",
      synthetic: false,
      endpointA: { label: "low coverage", model: "qwen3-8b-rl-low" },
      endpointB: { label: "high coverage", model: "qwen3-8b-rl-high" },
      study: null,
    });
    expect(manifest.checkpoints).toEqual([
      {
        alpha: 0,
        trained: null,
        where: "$.checkpoints[0]",
        file: "../lcb/Scenario.codegeneration_3_0.2_eval_all.json",
        path: "tests/fixtures/import/lcb/Scenario.codegeneration_3_0.2_eval_all.json",
        format: null,
        model: null,
        label: null,
        tests: null,
        problemsPath: null,
      },
      {
        alpha: 1,
        trained: null,
        where: "$.checkpoints[1]",
        file: "../lcb/Scenario.codegeneration_3_0.2_eval.json",
        path: "tests/fixtures/import/lcb/Scenario.codegeneration_3_0.2_eval.json",
        format: null,
        model: "qwen3-8b-rl-high",
        label: null,
        tests: null,
        problemsPath: "tests/fixtures/import/lcb/2024_generation.json",
      },
      {
        alpha: 1.5,
        trained: null,
        where: "$.checkpoints[2]",
        file: "../native/samples.csv",
        path: "tests/fixtures/import/native/samples.csv",
        format: "alphascope-csv",
        model: null,
        label: "extrapolated",
        tests: null,
        problemsPath: null,
      },
    ]);
  });

  it("reads the same manifest written as JSON", () => {
    const json = JSON.stringify({
      slug: "s",
      name: "S",
      benchmark: "humaneval",
      setting: "agentic",
      endpoints: { a: { label: "A" }, b: { label: "B" } },
      checkpoints: [{ alpha: -1, file: "/abs/run.jsonl", tests: "base" }],
    });
    const manifest = parseManifest(json, "m.json");
    expect(manifest.checkpoints[0]).toMatchObject({ alpha: -1, path: "/abs/run.jsonl", tests: "base" });
    expect(manifest.experiment.description).toBe("");
  });

  it("reads the study an experiment joins, and refuses a study name without its slug", () => {
    const base = {
      slug: "s",
      name: "S",
      benchmark: "humaneval",
      setting: "agentic",
      endpoints: { a: { label: "A" }, b: { label: "B" } },
      checkpoints: [{ alpha: 0, file: "/abs/run.jsonl" }],
    };
    const joined = parseManifest(JSON.stringify({ ...base, study: "grid", studyName: "The grid" }), "m.json");
    expect(joined.experiment.study).toEqual({ slug: "grid", name: "The grid" });
    expect(parseManifest(JSON.stringify(base), "m.json").experiment.study).toBeNull();
    expect(
      issueLines(() => parseManifest(JSON.stringify({ ...base, studyName: "Orphan" }), "m.json")),
    ).toEqual(["m.json:1: $.studyName: names a study: give its slug in `study` too"]);
    expect(
      issueLines(() => parseManifest(JSON.stringify({ ...base, study: "Not a slug" }), "m.json"))[0],
    ).toMatch(/^m\.json:1: \$\.study: must be lowercase letters/);
  });

  it("names the line, path and field of every invalid entry", () => {
    const bad = yaml
      .replace("setting: pure-reasoning", "setting: reasoning")
      .replace("  - alpha: 1\n", "  - alpha: .nan\n")
      .replace("    format: alphascope-csv", "    formt: alphascope-csv");
    expect(issueLines(() => parseManifest(bad, "sweep.yaml"))).toEqual([
      'sweep.yaml:6: $.setting: Invalid option: expected one of "pure-reasoning"|"tool-use"|"agentic"',
      "sweep.yaml:15: $.checkpoints[1].alpha: α must be a finite number",
      'sweep.yaml:21: $.checkpoints[2].formt: Unrecognized key: "formt"',
    ]);
  });

  it("refuses duplicate α values", () => {
    const bad = yaml.replace("  - alpha: 1.5\n", "  - alpha: 0\n");
    expect(issueLines(() => parseManifest(bad, "sweep.yaml"))).toEqual([
      "sweep.yaml:19: $.checkpoints[2].alpha: duplicate α (also checkpoints[0])",
    ]);
  });

  it("reads trained checkpoints after the α ones, with label and coverage, and refuses a label twice", () => {
    const trained = `${yaml}trained:\n  - { label: "coverage 50%", coverage: 50, file: ../native/samples.csv }\n  - { label: c25, file: x.jsonl, model: org/m }\n`;
    const manifest = parseManifest(trained, "tests/fixtures/import/sweeps/sweep.yaml");
    expect(manifest.checkpoints.slice(3)).toEqual([
      {
        alpha: null,
        trained: { label: "coverage 50%", coverage: 50 },
        where: "$.trained[0]",
        label: null,
        file: "../native/samples.csv",
        path: "tests/fixtures/import/native/samples.csv",
        format: null,
        model: null,
        tests: null,
        problemsPath: null,
      },
      expect.objectContaining({ alpha: null, trained: { label: "c25", coverage: null }, model: "org/m" }),
    ]);
    const twice = trained.replace("label: c25", 'label: "coverage 50%"');
    expect(issueLines(() => parseManifest(twice, "sweep.yaml"))).toEqual([
      expect.stringMatching(/\$\.trained\[1\]\.label: duplicate trained label \(also trained\[0\]\)$/),
    ]);
    const badCoverage = trained.replace("coverage: 50", "coverage: half");
    expect(issueLines(() => parseManifest(badCoverage, "sweep.yaml"))).toEqual([
      expect.stringMatching(/\$\.trained\[0\]\.coverage: coverage must be a finite number$/),
    ]);
  });

  it("reports YAML and JSON syntax errors with their line", () => {
    expect(issueLines(() => parseManifest("slug: a\nslug: b\n", "m.yaml"))).toEqual([
      "m.yaml:2:1: malformed YAML: Map keys must be unique",
    ]);
    expect(issueLines(() => parseManifest('{\n"slug": "a",\n}', "m.json"))).toEqual([
      "m.json:3:1: malformed JSON: expected a double-quoted property name but found '}'",
    ]);
  });

  it("points a missing field at its parent", () => {
    const lines = issueLines(() => parseManifest("slug: a\nname: A\n", "m.yaml"));
    expect(lines[0]).toBe("m.yaml:1: $.benchmark: Invalid input: expected string, received undefined");
  });
});

describe("isManifestFile", () => {
  it("tells manifests from results", () => {
    expect(isManifestFile("sweep.yml", "")).toBe(true);
    expect(isManifestFile("sweep.json", '{"slug": "a", "checkpoints": []}')).toBe(true);
    expect(isManifestFile("run.jsonl", fixture("native/counts.jsonl"))).toBe(false);
    expect(isManifestFile("eval_results.json", fixture("evalplus/legacy_eval_results.json"))).toBe(false);
  });
});

describe("resolveRelativePath", () => {
  it.each([
    ["sweeps/m.yaml", "runs/a.json", "sweeps/runs/a.json"],
    ["sweeps/m.yaml", "../x/./a.json", "x/a.json"],
    ["m.yaml", "a.json", "a.json"],
    ["/data/m.yaml", "../../a.json", "/a.json"],
    ["m.yaml", "../a.json", "../a.json"],
    ["/data/m.yaml", "/abs/a.json", "/abs/a.json"],
  ])("%s + %s → %s", (from, path, resolved) => {
    expect(resolveRelativePath(from, path)).toBe(resolved);
  });
});
