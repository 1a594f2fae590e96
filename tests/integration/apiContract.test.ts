import Ajv2020 from "ajv/dist/2020";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { generateDemoSweep } from "@/lib/demo/generate";
import type { SweepInput } from "@/lib/domain/sweepInput";
import { openApiDocument } from "@/lib/server/openapi/document";
import { lcbFileName, lcbText } from "../support/lcbFixture";
import { LOCAL_CLIENT } from "../support/localClient";
import { storeSweep, testDatabaseUrl, testDb, truncateAll } from "./db";
import { computeAllStatistics } from "./statisticsSupport";

// The route handlers read the server's client from DATABASE_URL, as under `npm start`.
process.env.DATABASE_URL = testDatabaseUrl();

type Handler = (
  request: Request,
  context: { params: Promise<{ slug: string }> },
) => Promise<Response> | Response;

/** Each documented path's route module, as Next serves it. */
const ROUTES: Record<string, Record<string, unknown>> = {
  "/api/health": await import("@/app/api/health/route"),
  "/api/openapi.json": await import("@/app/api/openapi.json/route"),
  "/api/experiments": await import("@/app/api/experiments/route"),
  "/api/experiments/{slug}": await import("@/app/api/experiments/[slug]/route"),
  "/api/experiments/{slug}/frontier": await import("@/app/api/experiments/[slug]/frontier/route"),
  "/api/experiments/{slug}/matrix": await import("@/app/api/experiments/[slug]/matrix/route"),
  "/api/experiments/{slug}/pass-at-k": await import("@/app/api/experiments/[slug]/pass-at-k/route"),
  "/api/experiments/{slug}/ensembles": await import("@/app/api/experiments/[slug]/ensembles/route"),
  "/api/imports": await import("@/app/api/imports/route"),
};

const sweep: SweepInput = (() => {
  const demo = generateDemoSweep({
    seed: 11,
    problems: { easy: 6, medium: 6, hard: 6 },
    alphas: [-0.5, 0, 0.5, 1, 1.5],
    samples: 20,
  });
  return { ...demo, experiment: { ...demo.experiment, slug: "contract-sweep", benchmark: "contract-bench" } };
})();
const SLUG = sweep.experiment.slug;

interface Call {
  method: "get" | "post";
  /** The documented path the call exercises. */
  path: string;
  /** What follows /api/… in the URL (slug filled in, query string). */
  url: string;
  headers?: Record<string, string>;
  body?: unknown;
  status: number;
}

const json = (body: unknown) => ({ body, headers: { ...LOCAL_CLIENT, "content-type": "application/json" } });

/** Every operation, with its success and its typical errors. */
const CALLS: Call[] = [
  { method: "get", path: "/api/health", url: "/api/health", status: 200 },
  { method: "get", path: "/api/openapi.json", url: "/api/openapi.json", status: 200 },
  { method: "get", path: "/api/experiments", url: "/api/experiments", status: 200 },
  { method: "get", path: "/api/experiments/{slug}", url: `/api/experiments/${SLUG}`, status: 200 },
  { method: "get", path: "/api/experiments/{slug}", url: "/api/experiments/no-such-thing", status: 404 },
  { method: "get", path: "/api/experiments/{slug}", url: "/api/experiments/Not%20A%20Slug", status: 400 },
  {
    method: "get",
    path: "/api/experiments/{slug}/frontier",
    url: `/api/experiments/${SLUG}/frontier`,
    status: 200,
  },
  {
    method: "get",
    path: "/api/experiments/{slug}/matrix",
    url: `/api/experiments/${SLUG}/matrix`,
    status: 200,
  },
  {
    method: "get",
    path: "/api/experiments/{slug}/pass-at-k",
    url: `/api/experiments/${SLUG}/pass-at-k?difficulty=hard&bands=1&members=0:10,1:10`,
    status: 200,
  },
  {
    method: "get",
    path: "/api/experiments/{slug}/pass-at-k",
    url: `/api/experiments/${SLUG}/pass-at-k?bands=2`,
    status: 400,
  },
  {
    method: "post",
    path: "/api/experiments/{slug}/ensembles",
    url: `/api/experiments/${SLUG}/ensembles`,
    ...json({
      members: [
        { alpha: 0, samples: 10 },
        { alpha: 1.5, samples: 10 },
      ],
    }),
    status: 200,
  },
  {
    method: "post",
    path: "/api/experiments/{slug}/ensembles",
    url: `/api/experiments/${SLUG}/ensembles`,
    ...json({ members: [] }),
    status: 400,
  },
  {
    method: "post",
    path: "/api/imports",
    url: "/api/imports",
    ...json({
      experiment: "contract-import",
      alpha: 0,
      dryRun: true,
      files: [{ name: lcbFileName("eval_all.json"), content: lcbText("eval_all.json") }],
    }),
    status: 200,
  },
  {
    method: "post",
    path: "/api/imports",
    url: "/api/imports",
    ...json({
      experiment: "contract-import",
      alpha: 0,
      files: [{ name: lcbFileName("eval_all.json"), content: lcbText("eval_all.json") }],
    }),
    status: 201,
  },
  {
    method: "post",
    path: "/api/imports",
    url: "/api/imports",
    ...json({
      experiment: "contract-import",
      alpha: 0,
      files: [{ name: "broken.jsonl", content: "{not json" }],
    }),
    status: 422,
  },
];

const document = openApiDocument();
const DOCUMENT_ID = "https://alphascope.local/openapi.json";
const ajv = new Ajv2020({ strict: false, allErrors: true });
ajv.addSchema(JSON.parse(JSON.stringify(document)), DOCUMENT_ID);

/** The validator of one documented response body (its schema, with the document's components). */
function responseValidator(path: string, method: string, status: number) {
  const pointer = [
    "paths",
    path,
    method,
    "responses",
    String(status),
    "content",
    "application/json",
    "schema",
  ]
    .map((part) => encodeURIComponent(part.replaceAll("~", "~0").replaceAll("/", "~1")))
    .join("/");
  return ajv.compile({ $ref: `${DOCUMENT_ID}#/${pointer}` });
}

let db: Db;

beforeAll(async () => {
  db = testDb();
  await truncateAll(db);
  await storeSweep(db, sweep);
  await computeAllStatistics(db);
});

afterAll(async () => {
  await db.$disconnect();
});

describe("the API answers as its OpenAPI document says", () => {
  it("has a call below for every documented operation", () => {
    const documented = Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
      Object.keys(item ?? {}).map((method) => `${method} ${path}`),
    );
    expect([...new Set(CALLS.map((call) => `${call.method} ${call.path}`))].sort()).toEqual(
      documented.sort(),
    );
  });

  it.each(CALLS)("$method $url → $status, body valid against the document", async (call) => {
    const handler = ROUTES[call.path][call.method.toUpperCase()] as Handler;
    const url = new URL(call.url, "http://localhost:3000");
    const request = new Request(url, {
      method: call.method.toUpperCase(),
      headers: call.headers ?? LOCAL_CLIENT,
      body: call.body === undefined ? undefined : JSON.stringify(call.body),
    });
    const slug = decodeURIComponent(url.pathname.split("/")[3] ?? "");
    const response = await handler(request, { params: Promise.resolve({ slug }) });
    const body = await response.json();
    expect(response.status, JSON.stringify(body).slice(0, 300)).toBe(call.status);
    const operation = document.paths?.[call.path]?.[call.method];
    expect(Object.keys(operation?.responses ?? {}), "a documented status").toContain(String(call.status));
    const validate = responseValidator(call.path, call.method, call.status);
    expect(validate(body) ? [] : validate.errors).toEqual([]);
  });

  it("answers a stored read again with 304 and the documented ETag", async () => {
    const handler = ROUTES["/api/experiments/{slug}/frontier"].GET as Handler;
    const context = { params: Promise.resolve({ slug: SLUG }) };
    const first = await handler(new Request(`http://localhost/api/experiments/${SLUG}/frontier`), context);
    const etag = first.headers.get("etag") as string;
    expect(etag).toMatch(/^".+"$/);
    const again = await handler(
      new Request(`http://localhost/api/experiments/${SLUG}/frontier`, {
        headers: { "if-none-match": etag },
      }),
      context,
    );
    expect(again.status).toBe(304);
    expect(Object.keys(document.paths?.["/api/experiments/{slug}/frontier"]?.get?.responses ?? {})).toContain(
      "304",
    );
  });

  it("rejects a body that breaks the document (the validator is not a no-op)", () => {
    const validate = responseValidator("/api/experiments/{slug}", "get", 200);
    expect(validate({ slug: SLUG })).toBe(false);
    const error = responseValidator("/api/experiments/{slug}", "get", 404);
    expect(error({ error: { code: "not_found", message: "No experiment." } })).toBe(true);
    expect(error({ message: "No experiment." })).toBe(false);
  });
});
