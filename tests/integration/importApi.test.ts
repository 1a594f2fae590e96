import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/imports/route";
import type { ImportStreamLine } from "@/lib/contracts/importProgress";
import type { Db } from "@/lib/db/client";
import type { ImportReport } from "@/lib/import/report";
import { type LcbFilesOnDisk, lcbFileName, lcbFilesOnDisk, lcbText } from "../support/lcbFixture";
import { LOCAL_CLIENT } from "../support/localClient";
import { testDatabaseUrl, testDb, truncateAll } from "./db";
import { importerFixture, snapshotDb } from "./importSupport";

let db: Db;

const URL_ = "http://localhost/api/imports";

function multipart(
  fields: Record<string, string>,
  files: { name: string; path: string }[],
  headers: Record<string, string> = {},
) {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.set(key, value);
  for (const file of files) form.append("file", new File([readFileSync(file.path)], file.name));
  return new Request(URL_, { method: "POST", body: form, headers: { ...LOCAL_CLIENT, ...headers } });
}

function json(body: unknown, headers: Record<string, string> = {}) {
  return new Request(URL_, {
    method: "POST",
    body: JSON.stringify(body),
    headers: { ...LOCAL_CLIENT, "content-type": "application/json", ...headers },
  });
}

let lcbFiles: LcbFilesOnDisk;
let LCB: { name: string; path: string };

beforeAll(async () => {
  lcbFiles = lcbFilesOnDisk();
  LCB = { name: lcbFileName("eval_all.json"), path: lcbFiles.path("eval_all.json") };
  process.env.DATABASE_URL = testDatabaseUrl();
  db = testDb();
  await truncateAll(db);
});

afterEach(() => {
  delete process.env.ALPHASCOPE_WRITE_TOKEN;
});

afterAll(async () => {
  lcbFiles?.remove();
  await db.$disconnect();
});

describe("POST /api/imports", () => {
  it("previews a multipart upload with dryRun, then imports it (201) with the CLI's report", async () => {
    const preview = await POST(multipart({ experiment: "api-lcb", alpha: "0", dryRun: "true" }, [LCB]));
    expect(preview.status).toBe(200);
    const previewReport = (await preview.json()) as ImportReport;
    expect(previewReport).toMatchObject({ dryRun: true, experiment: { slug: "api-lcb", created: true } });
    expect(await db.experiment.count()).toBe(0);

    const response = await POST(multipart({ experiment: "api-lcb", name: "Qwen3-8B", alpha: "0" }, [LCB]));
    expect(response.status).toBe(201);
    const report = (await response.json()) as ImportReport;
    expect(report.totals.verdicts).toMatchObject({
      pass: 305,
      wrongAnswer: 527,
      timeLimit: 82,
      runtimeError: 141,
    });
    expect(report.files[0].format).toBe("lcb-eval-all");
    const experiment = await db.experiment.findUniqueOrThrow({ where: { slug: "api-lcb" } });
    expect(experiment.name).toBe("Qwen3-8B");
    const batch = await db.importBatch.findFirstOrThrow();
    expect(batch.source).toBe("web");
  });

  it("streams the import's progress then its outcome as JSON lines when asked for application/x-ndjson", async () => {
    const ndjson = { accept: "application/x-ndjson" };
    const lines = async (response: Response) =>
      (await response.text())
        .trim()
        .split("\n")
        .map((line) => JSON.parse(line) as ImportStreamLine);
    const preview = await POST(
      multipart({ experiment: "api-lcb-progress", alpha: "0", dryRun: "true" }, [LCB], ndjson),
    );
    expect(preview.status).toBe(200);
    expect(preview.headers.get("content-type")).toBe("application/x-ndjson");
    const previewLines = await lines(preview);
    const progress = previewLines.flatMap((line) => ("progress" in line ? [line.progress] : []));
    const size = readFileSync(LCB.path).byteLength;
    // Each file's last line says it was read whole.
    expect(progress.at(-1)).toEqual({ file: LCB.name, read: size, total: size });
    expect(previewLines.at(-1)).toMatchObject({ status: 200, body: { dryRun: true } });
    expect(await db.experiment.count({ where: { slug: "api-lcb-progress" } })).toBe(0);

    // A bad field is refused before anything streams: a plain 400.
    const badField = await POST(multipart({ experiment: "api-lcb-progress", alpha: "x" }, [LCB], ndjson));
    expect(badField.status).toBe(400);
    expect(badField.headers.get("content-type")).toContain("application/json");
    // A bad file is found while it is read: the last line carries the 422 and its located issues.
    const badFile = {
      name: "graded-list-type_eval_all.json",
      path: fileURLToPath(new URL("../fixtures/import/bad/graded-list-type_eval_all.json", import.meta.url)),
    };
    const refused = (
      await lines(await POST(multipart({ experiment: "api-lcb-progress", alpha: "0" }, [badFile], ndjson)))
    ).at(-1);
    expect(refused).toMatchObject({ status: 422, body: { error: { code: "invalid_import" } } });
    const imported = (
      await lines(await POST(multipart({ experiment: "api-lcb-progress", alpha: "0" }, [LCB], ndjson)))
    ).at(-1);
    expect(imported).toMatchObject({
      status: 201,
      body: { totals: { samples: 1055, verdicts: { pass: 305 } } },
    });
  });

  it("accepts a JSON body and reports a re-import as unchanged (200)", async () => {
    const content = lcbText("eval_all.json");
    const response = await POST(
      json({ experiment: "api-lcb", alpha: 0, files: [{ name: LCB.name, content }] }),
    );
    expect(response.status).toBe(200);
    expect(((await response.json()) as ImportReport).status).toBe("unchanged");
  });

  it("imports a manifest uploaded together with the files it names", async () => {
    const dir = "sweep/";
    const files = ["sweep.yaml", "alpha0.jsonl", "alpha1.jsonl", "alpha2.jsonl"].map((name) => ({
      name,
      path: importerFixture(dir + name),
    }));
    const response = await POST(multipart({}, files));
    expect(response.status).toBe(201);
    const report = (await response.json()) as ImportReport;
    expect(report.experiment.slug).toBe("good-sweep");
    expect(report.files.map((file) => file.checkpoints[0].alpha)).toEqual([0, 1, 2]);
  });

  it("answers 422 with located issues for a bad file and writes nothing", async () => {
    const before = await snapshotDb(db);
    const response = await POST(
      multipart({ experiment: "api-bad", alpha: "1" }, [
        { name: "alpha2-bad.jsonl", path: importerFixture("bad-sweep/alpha2-bad.jsonl") },
      ]),
    );
    expect(response.status).toBe(422);
    const body = await response.json();
    expect(body.error.code).toBe("invalid_import");
    expect(body.error.details.issues).toEqual([
      { file: "alpha2-bad.jsonl", line: 1, field: "n", message: "verdict counts sum to 3 but n is 4" },
    ]);
    expect(await snapshotDb(db)).toEqual(before);
  });

  it("answers 409 for results that differ from stored ones, 400 for a bad field", async () => {
    const content = '{"problem": "1873_A", "n": 1, "pass": 0, "wrongAnswer": 1}';
    const conflict = await POST(
      json({
        experiment: "api-lcb",
        alpha: 0,
        format: "alphascope-jsonl",
        files: [{ name: "c.jsonl", content }],
      }),
    );
    expect(conflict.status).toBe(409);
    expect((await conflict.json()).error.message).toContain(
      'already has different results for 1 problem(s): "1873_A"',
    );
    const badAlpha = await POST(
      json({ experiment: "api-lcb", alpha: "abc", files: [{ name: "c.jsonl", content }] }),
    );
    expect(badAlpha.status).toBe(400);
  });

  it("refuses an experiment name PostgreSQL could not store (NUL, lone surrogate, too long) with 400", async () => {
    const before = await snapshotDb(db);
    const content = '{"problem": "p1", "n": 1, "pass": 1}';
    for (const [name, message] of [
      ["a\u0000b", "contains a NUL character (at character 2)"],
      ["a\ud800b", "is not valid Unicode: a lone surrogate U+D800 at character 2"],
      ["x".repeat(201), "is 201 characters long; at most 200 are allowed"],
    ]) {
      const response = await POST(
        json({ experiment: "api-name", name, alpha: 0, files: [{ name: "n.jsonl", content }] }),
      );
      expect(response.status).toBe(400);
      expect((await response.json()).error.message).toContain(message);
    }
    expect(await snapshotDb(db)).toEqual(before);
  });

  it("requires the write token when ALPHASCOPE_WRITE_TOKEN is set: 401 without, 403 when wrong", async () => {
    process.env.ALPHASCOPE_WRITE_TOKEN = "s3cret";
    const body = {
      experiment: "api-lcb",
      alpha: 0,
      files: [{ name: LCB.name, content: lcbText("eval_all.json") }],
    };
    expect((await POST(json(body))).status).toBe(401);
    expect((await POST(json(body, { authorization: "Bearer wrong" }))).status).toBe(403);
    expect((await POST(json(body, { authorization: "Bearer s3cret" }))).status).toBe(200);
  });
});
