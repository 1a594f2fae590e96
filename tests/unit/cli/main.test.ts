import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { runCli } from "@/lib/cli/main";

// Every case here is refused before a database is reached, so no database is needed.
const dir = mkdtempSync(join(tmpdir(), "alphascope-cli-"));
const results = join(dir, "run.jsonl");
writeFileSync(results, '{"problem": "p1", "n": 1, "pass": 1}\n');

afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => vi.unstubAllEnvs());

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (text) => out.push(text), err: (text) => err.push(text) });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

describe("runCli refuses bad input with one line and exit code 2", () => {
  it("a directory of runs given an --alpha (α comes from its folder names)", async () => {
    expect(await cli("import", dir, "--experiment", "x", "--alpha", "-0.5")).toEqual({
      code: 2,
      out: "",
      err: "--alpha cannot be used with a directory: α comes from each run's folder name.",
    });
  });

  it("a path that does not exist, or runs through a file", async () => {
    expect(await cli("import", join(dir, "nope.jsonl"), "--experiment", "x")).toMatchObject({
      code: 2,
      err: `Cannot read "${join(dir, "nope.jsonl")}": no such file.`,
    });
    expect((await cli("import", join(results, "x"), "--experiment", "x")).err).toBe(
      `Cannot read "${join(results, "x")}": no such file (a part of the path is not a directory).`,
    );
  });

  it("a directory given as the --generation file", async () => {
    expect(
      await cli("import", results, "--experiment", "x", "--alpha", "1", "--generation", dir),
    ).toMatchObject({
      code: 2,
      err: `Cannot read "${dir}": it is a directory, not a file.`,
    });
  });

  it.each(["abc", "0", "-5", "1.5", "1e9", "512MB"])("ALPHASCOPE_IMPORT_MAX_BYTES=%s", async (value) => {
    vi.stubEnv("ALPHASCOPE_IMPORT_MAX_BYTES", value);
    expect(await cli("import", results, "--experiment", "x", "--alpha", "1")).toEqual({
      code: 2,
      out: "",
      err: `ALPHASCOPE_IMPORT_MAX_BYTES must be a positive whole number of bytes (e.g. 536870912 for 512 MiB), got "${value}".`,
    });
  });

  it("an option that takes one value given twice", async () => {
    expect(await cli("import", results, "--experiment", "x", "--alpha", "0.3", "--alpha", "0.4")).toEqual({
      code: 2,
      out: "",
      err: '--alpha is given twice ("0.3" and "0.4"): give it once.',
    });
    expect((await cli("ensemble", "demo", "--members", "-1:2", "--members", "0:2")).code).toBe(2);
  });

  it("a slug that cannot name an experiment, on every command that takes one", async () => {
    for (const argv of [
      ["metrics", "Demo"],
      ["delete", "Demo", "--yes"],
      ["ensemble", "Demo", "--members", "-0.75:84,1.5:83"],
      ["import", results, "--experiment", "Demo"],
    ]) {
      const { code, err } = await cli(...argv);
      expect(code).toBe(2);
      expect(err).toMatch(/"Demo" is not an experiment slug: it must be lowercase letters/);
    }
  });
});

describe("a database that cannot be reached", () => {
  it("is one line naming the cause and DATABASE_URL, exit code 1", async () => {
    vi.stubEnv("DATABASE_URL", "postgresql://alphascope:secret@127.0.0.1:1/alphascope");
    expect(await cli("experiments")).toEqual({
      code: 1,
      out: "",
      err: "The database cannot be reached (connect ECONNREFUSED 127.0.0.1:1). Check DATABASE_URL, or unset it to use the embedded PostgreSQL.",
    });
  });
});

describe("a manifest naming a path that cannot be read", () => {
  it("is an invalid manifest (exit 1) naming the manifest's field and the reason", async () => {
    const manifest = join(dir, "sweep.yaml");
    writeFileSync(
      manifest,
      "slug: s\nname: S\nbenchmark: b\nsetting: agentic\nendpoints: {a: {label: A}, b: {label: B}}\ncheckpoints:\n  - {alpha: -0.5, file: .}\n",
    );
    expect(await cli("import", manifest)).toEqual({
      code: 1,
      out: "",
      err: `${manifest}: $.checkpoints[0].file: cannot read "${dir}": it is a directory, not a file`,
    });
  });
});
