import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { POST as postEnsemble } from "@/app/api/experiments/[slug]/ensembles/route";
import { DELETE as deleteExperiments } from "@/app/api/experiments/route";
import { POST as postImport } from "@/app/api/imports/route";
import type { Db } from "@/lib/db/client";
import { generateDemoSweep } from "@/lib/demo/generate";
import { IMPORT_FIELD_MAX_BYTES, IMPORT_MAX_FILES, JSON_BODY_MAX_BYTES } from "@/lib/server/limits";
import { LOCAL_CLIENT } from "../support/localClient";
import { storeSweep, testDatabaseUrl, testDb, truncateAll } from "./db";
import { snapshotDb } from "./importSupport";

let db: Db;
const SLUG = "guards-sweep";
const IMPORT_URL = "http://localhost:3000/api/imports";
const ENSEMBLE_URL = `http://localhost:3000/api/experiments/${SLUG}/ensembles`;
const context = { params: Promise.resolve({ slug: SLUG }) };
const LINE = '{"alpha": 0.5, "problem": "p1", "n": 2, "pass": 1, "wrongAnswer": 1}\n';

beforeAll(async () => {
  process.env.DATABASE_URL = testDatabaseUrl();
  db = testDb();
  await truncateAll(db);
  const sweep = generateDemoSweep({
    seed: 7,
    problems: { easy: 3, medium: 3, hard: 3 },
    alphas: [0, 1],
    samples: 8,
  });
  sweep.experiment = { ...sweep.experiment, slug: SLUG, name: "Guards", benchmark: "guards-bench" };
  await storeSweep(db, sweep);
});

afterEach(() => {
  delete process.env.ALPHASCOPE_IMPORT_MAX_BYTES;
  delete process.env.ALPHASCOPE_WRITE_TOKEN;
});

afterAll(async () => {
  await db.$disconnect();
});

async function errorOf(response: Response): Promise<{ status: number; code: string; size: number }> {
  const text = await response.text();
  const body = JSON.parse(text) as { error: { code: string; message: string } };
  expect(typeof body.error.message).toBe("string");
  return { status: response.status, code: body.error.code, size: text.length };
}

function importJson(headers: Record<string, string>, experiment = "csrf-target"): Request {
  const body = JSON.stringify({ experiment, files: [{ name: "run.jsonl", content: LINE }] });
  return new Request(IMPORT_URL, { method: "POST", body, headers: { ...LOCAL_CLIENT, ...headers } });
}

function importForm(headers: Record<string, string>): Request {
  const form = new FormData();
  form.set("experiment", "csrf-target");
  form.append("file", new File([LINE], "run.jsonl"));
  return new Request(IMPORT_URL, { method: "POST", body: form, headers: { ...LOCAL_CLIENT, ...headers } });
}

/**
 * A chunked body (no Content-Length) of `total` bytes of `fill`, made on demand in 64 KiB chunks,
 * that records how many bytes the handler pulled.
 */
function countedBody(
  total: number,
  fill = 0x20,
): { stream: ReadableStream<Uint8Array>; pulled: () => number } {
  const chunk = new Uint8Array(64 * 1024).fill(fill);
  let sent = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= total) return controller.close();
      sent += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  return { stream, pulled: () => sent };
}

describe("cross-site writes (CSRF)", () => {
  it("refuses imports carrying any cross-site signal with 403, and writes nothing", async () => {
    const before = await snapshotDb(db);
    const attempts = [
      importJson({ "content-type": "application/json", origin: "http://evil.example" }),
      importJson({ "content-type": "application/json", "sec-fetch-site": "cross-site" }),
      importJson({ "content-type": "application/json", "sec-fetch-site": "same-site" }),
      importJson({ "content-type": "application/json", origin: "null" }),
      // A form another site posts: multipart is a "simple" type, sent without a preflight.
      importForm({
        origin: "http://evil.example",
        "sec-fetch-site": "cross-site",
        "sec-fetch-mode": "no-cors",
      }),
      importJson({
        "content-type": "text/plain",
        origin: "http://evil.example",
        "sec-fetch-mode": "no-cors",
      }),
      importJson({ "content-type": "application/json", referer: "http://evil.example/attack.html" }),
    ];
    for (const request of attempts) {
      expect(await errorOf(await postImport(request))).toMatchObject({ status: 403, code: "forbidden" });
    }
    expect(await snapshotDb(db)).toEqual(before);
  });

  it("refuses the content types a route does not document with 415, and writes nothing", async () => {
    const before = await snapshotDb(db);
    for (const type of ["text/plain", "application/x-www-form-urlencoded", "", "application/jsonx"]) {
      const response = await postImport(importJson({ "content-type": type }));
      expect(await errorOf(response)).toMatchObject({ status: 415, code: "unsupported_media_type" });
    }
    const plain = new Request(ENSEMBLE_URL, {
      method: "POST",
      body: JSON.stringify({ members: [{ alpha: 0, samples: 4 }] }),
      headers: { "content-type": "text/plain" },
    });
    expect((await postEnsemble(plain, context)).status).toBe(415);
    const crossSite = new Request(ENSEMBLE_URL, {
      method: "POST",
      body: JSON.stringify({ members: [{ alpha: 0, samples: 4 }] }),
      headers: { "content-type": "application/json", host: "localhost:3000", origin: "http://evil.example" },
    });
    expect((await postEnsemble(crossSite, context)).status).toBe(403);
    expect(await snapshotDb(db)).toEqual(before);
  });

  it("takes a same-origin import from this machine (the upload page) and a header-less one (curl)", async () => {
    const page = importForm({ origin: "http://localhost:3000", "sec-fetch-site": "same-origin" });
    expect((await postImport(page)).status).toBe(201);
    const curl = importJson({ "content-type": "application/json" }, "curl-import");
    expect((await postImport(curl)).status).toBe(201);
  });

  it("without a token refuses writes from clients the server did not mark local; with one, asks everyone", async () => {
    const before = await snapshotDb(db);
    const remote = new Request(IMPORT_URL, {
      method: "POST",
      body: JSON.stringify({ experiment: "remote", files: [{ name: "r.jsonl", content: LINE }] }),
      headers: { host: "team.example:3000", "content-type": "application/json" },
    });
    expect(await errorOf(await postImport(remote))).toMatchObject({ status: 403, code: "forbidden" });
    process.env.ALPHASCOPE_WRITE_TOKEN = "s3cret";
    expect((await postImport(importJson({ "content-type": "application/json" }))).status).toBe(401);
    expect(await snapshotDb(db)).toEqual(before);
  });
});

describe("body limits", () => {
  it("refuses a declared Content-Length over the limit with 413 before reading a byte", async () => {
    const { stream, pulled } = countedBody(10 * JSON_BODY_MAX_BYTES);
    const request = new Request(ENSEMBLE_URL, {
      method: "POST",
      body: stream,
      duplex: "half",
      headers: { "content-type": "application/json", "content-length": String(10 * JSON_BODY_MAX_BYTES) },
    } as RequestInit);
    expect(await errorOf(await postEnsemble(request, context))).toMatchObject({
      status: 413,
      code: "too_large",
    });
    expect(pulled()).toBeLessThanOrEqual(64 * 1024);
  });

  it("stops reading a chunked JSON body at the limit: 413 after about 256 KiB of 1 GiB", async () => {
    const { stream, pulled } = countedBody(1024 ** 3);
    const request = new Request(ENSEMBLE_URL, {
      method: "POST",
      body: stream,
      duplex: "half",
      headers: { "content-type": "application/json" },
    } as RequestInit);
    expect(await errorOf(await postEnsemble(request, context))).toMatchObject({
      status: 413,
      code: "too_large",
    });
    expect(pulled()).toBeLessThanOrEqual(JSON_BODY_MAX_BYTES + 3 * 64 * 1024);
  });

  it("stops reading a chunked import (multipart or JSON) at ALPHASCOPE_IMPORT_MAX_BYTES + 1 MiB: 413", async () => {
    process.env.ALPHASCOPE_IMPORT_MAX_BYTES = String(1024 * 1024);
    const limit = 2 * 1024 * 1024;
    for (const type of ["multipart/form-data; boundary=x", "application/json"]) {
      const before = await snapshotDb(db);
      const { stream, pulled } = countedBody(1024 ** 3);
      const request = new Request(IMPORT_URL, {
        method: "POST",
        body: stream,
        duplex: "half",
        headers: { ...LOCAL_CLIENT, "content-type": type },
      } as RequestInit);
      expect(await errorOf(await postImport(request))).toMatchObject({ status: 413, code: "too_large" });
      expect(pulled()).toBeLessThanOrEqual(limit + 3 * 64 * 1024);
      expect(await snapshotDb(db)).toEqual(before);
    }
  });

  it("answers 10^7 zeros as members with a small 413, and 60 000 zeros (under the limit) with a small 400", async () => {
    const zeros = (count: number) => `{"members":[${Array(count).fill("0").join(",")}]}`;
    const post = (body: string) =>
      postEnsemble(
        new Request(ENSEMBLE_URL, { method: "POST", body, headers: { "content-type": "application/json" } }),
        context,
      );
    const huge = await errorOf(await post(zeros(10_000_000)));
    expect(huge).toMatchObject({ status: 413, code: "too_large" });
    expect(huge.size).toBeLessThan(1000);
    const many = await errorOf(await post(zeros(60_000)));
    expect(many).toMatchObject({ status: 400, code: "bad_request" });
    expect(many.size).toBeLessThan(2000);
  });

  it("answers an import whose files array holds 100 000 invalid entries with a small 400", async () => {
    const files = `[${Array(100_000).fill('{"name":1}').join(",")}]`;
    const request = new Request(IMPORT_URL, {
      method: "POST",
      body: `{"experiment":"many-files","files":${files}}`,
      headers: { ...LOCAL_CLIENT, "content-type": "application/json" },
    });
    const answer = await errorOf(await postImport(request));
    expect(answer).toMatchObject({ status: 400, code: "bad_request" });
    expect(answer.size).toBeLessThan(2000);
  });
});

describe("multipart import forms", () => {
  function form(build: (form: FormData) => void): Request {
    const body = new FormData();
    body.set("experiment", "form-limits");
    build(body);
    return new Request(IMPORT_URL, { method: "POST", body, headers: LOCAL_CLIENT });
  }

  it("refuses more files than an import may carry, an oversized field and a malformed body with 400", async () => {
    const before = await snapshotDb(db);
    const tooMany = form((body) => {
      for (let i = 0; i <= IMPORT_MAX_FILES; i++) body.append("file", new File([LINE], `run-${i}.jsonl`));
    });
    const many = await errorOf(await postImport(tooMany));
    expect(many).toMatchObject({ status: 400, code: "bad_request" });
    const longField = form((body) => {
      body.set("name", "n".repeat(IMPORT_FIELD_MAX_BYTES + 1));
      body.append("file", new File([LINE], "run.jsonl"));
    });
    expect(await errorOf(await postImport(longField))).toMatchObject({ status: 400, code: "bad_request" });
    const malformed = new Request(IMPORT_URL, {
      method: "POST",
      body: "--x\r\nnot a part header\r\n\r\n",
      headers: { ...LOCAL_CLIENT, "content-type": "multipart/form-data" },
    });
    expect(await errorOf(await postImport(malformed))).toMatchObject({ status: 400, code: "bad_request" });
    expect(await snapshotDb(db)).toEqual(before);
  });
});

describe("methods", () => {
  it("answers a method a route does not serve with 405 in the error shape and an Allow header", async () => {
    const response = deleteExperiments();
    expect(response.headers.get("allow")).toBe("GET, HEAD, OPTIONS");
    expect(await errorOf(response)).toMatchObject({ status: 405, code: "method_not_allowed" });
  });
});

describe("values PostgreSQL would refuse", () => {
  const hostile: [string, Record<string, unknown>][] = [
    ["an impossible date", { contestDate: "2024-02-30" }],
    ["a NUL in a problem id", { problem: "a\u0000b" }],
    ["n over the integer column", { n: 3_000_000_000, pass: 3_000_000_000, wrongAnswer: 0 }],
    ["n at 2^32 + 4", { n: 2 ** 32 + 4, pass: 2 ** 32 + 4, wrongAnswer: 0 }],
    ["a 3 MB problem id", { problem: "p".repeat(3_000_000) }],
  ];

  it.each(hostile)(
    "answers %s with a 4xx in the error shape and leaves the database as it was",
    async (_, values) => {
      const before = await snapshotDb(db);
      const line = JSON.stringify({ alpha: 0.5, problem: "p1", n: 2, pass: 1, wrongAnswer: 1, ...values });
      const body = JSON.stringify({ experiment: "hostile", files: [{ name: "run.jsonl", content: line }] });
      const request = new Request(IMPORT_URL, {
        method: "POST",
        body,
        headers: { ...LOCAL_CLIENT, "content-type": "application/json" },
      });
      const answer = await errorOf(await postImport(request));
      expect([400, 422]).toContain(answer.status);
      expect(answer.size).toBeLessThan(16_000);
      expect(await snapshotDb(db)).toEqual(before);
    },
  );
});
