import Ajv2020 from "ajv/dist/2020";
import OpenAPIResponseValidator from "openapi-response-validator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { generateDemoSweep } from "@/lib/demo/generate";
import type { SweepInput } from "@/lib/domain/sweepInput";
import { openApiDocument } from "@/lib/server/openapi/document";
import { lcbFileName, lcbText } from "../support/lcbFixture";
import { LOCAL_CLIENT } from "../support/localClient";
import { toOpenApi30 } from "../support/openApi30";
import { storeSweep, testDatabaseUrl, testDb, truncateAll } from "./db";
import { computeAllStatistics } from "./statisticsSupport";

// The route handlers read the server's client from DATABASE_URL, as under `npm start`.
process.env.DATABASE_URL = testDatabaseUrl();

type Handler = (
  request: Request,
  context: { params: Promise<Record<string, string>> },
) => Promise<Response> | Response;

/** Each documented path's route module, as Next serves it. */
const ROUTES: Record<string, Record<string, unknown>> = {
  "/api/health": await import("@/app/api/health/route"),
  "/api/openapi.json": await import("@/app/api/openapi.json/route"),
  "/api/experiments": await import("@/app/api/experiments/route"),
  "/api/experiments/{slug}": await import("@/app/api/experiments/[slug]/route"),
  "/api/experiments/{slug}/restore": await import("@/app/api/experiments/[slug]/restore/route"),
  "/api/experiments/{slug}/versions": await import("@/app/api/experiments/[slug]/versions/route"),
  "/api/experiments/{slug}/versions/{id}/frontier": await import(
    "@/app/api/experiments/[slug]/versions/[id]/frontier/route"
  ),
  "/api/experiments/{slug}/versions/{id}/restore": await import(
    "@/app/api/experiments/[slug]/versions/[id]/restore/route"
  ),
  "/api/experiments/{slug}/frontier": await import("@/app/api/experiments/[slug]/frontier/route"),
  "/api/experiments/{slug}/claims": await import("@/app/api/experiments/[slug]/claims/route"),
  "/api/experiments/{slug}/matrix": await import("@/app/api/experiments/[slug]/matrix/route"),
  "/api/experiments/{slug}/pass-at-k": await import("@/app/api/experiments/[slug]/pass-at-k/route"),
  "/api/experiments/{slug}/ensembles": await import("@/app/api/experiments/[slug]/ensembles/route"),
  "/api/experiments/{slug}/ensembles/search": await import(
    "@/app/api/experiments/[slug]/ensembles/search/route"
  ),
  "/api/experiments/{slug}/problem-counts": await import("@/app/api/experiments/[slug]/problem-counts/route"),
  "/api/experiments/{slug}/problems": await import("@/app/api/experiments/[slug]/problems/route"),
  "/api/experiments/{slug}/problems/{id}": await import("@/app/api/experiments/[slug]/problems/[id]/route"),
  "/api/experiments/{slug}/export.csv": await import("@/app/api/experiments/[slug]/export.csv/route"),
  "/api/experiments/{slug}/mergekit": await import("@/app/api/experiments/[slug]/mergekit/route"),
  "/api/experiments/{slug}/preview.png": await import("@/app/api/experiments/[slug]/preview.png/route"),
  "/api/experiments/{slug}/views": await import("@/app/api/experiments/[slug]/views/route"),
  "/api/experiments/{slug}/views/{id}": await import("@/app/api/experiments/[slug]/views/[id]/route"),
  "/api/experiments/{slug}/views/order": await import("@/app/api/experiments/[slug]/views/order/route"),
  "/api/experiments/{slug}/shares": await import("@/app/api/experiments/[slug]/shares/route"),
  "/api/compare": await import("@/app/api/compare/route"),
  "/api/studies": await import("@/app/api/studies/route"),
  "/api/studies/{slug}": await import("@/app/api/studies/[slug]/route"),
  "/api/studies/{slug}/frontiers": await import("@/app/api/studies/[slug]/frontiers/route"),
  "/api/snapshots": await import("@/app/api/snapshots/route"),
  "/api/snapshots/{id}": await import("@/app/api/snapshots/[id]/route"),
  "/api/snapshots/{id}/frontier": await import("@/app/api/snapshots/[id]/frontier/route"),
  "/api/snapshots/{id}/claims": await import("@/app/api/snapshots/[id]/claims/route"),
  "/api/snapshots/{id}/matrix": await import("@/app/api/snapshots/[id]/matrix/route"),
  "/api/snapshots/{id}/bundle": await import("@/app/api/snapshots/[id]/bundle/route"),
  "/api/snapshots/{id}/pass-at-k": await import("@/app/api/snapshots/[id]/pass-at-k/route"),
  "/api/snapshots/{id}/ensembles": await import("@/app/api/snapshots/[id]/ensembles/route"),
  "/api/snapshots/{id}/study": await import("@/app/api/snapshots/[id]/study/route"),
  "/api/snapshots/{id}/frontiers": await import("@/app/api/snapshots/[id]/frontiers/route"),
  "/api/snapshots/{id}/experiments/{slug}/claims": await import(
    "@/app/api/snapshots/[id]/experiments/[slug]/claims/route"
  ),
  "/api/imports": await import("@/app/api/imports/route"),
  "/api/audit": await import("@/app/api/audit/route"),
  "/api/auth/me": await import("@/app/api/auth/me/route"),
  "/api/auth/signin": await import("@/app/api/auth/signin/route"),
  "/api/auth/callback": await import("@/app/api/auth/callback/route"),
  "/api/auth/signout": await import("@/app/api/auth/signout/route"),
  "/api/auth/token-signin": await import("@/app/api/auth/token-signin/route"),
  "/api/auth/write-session": await import("@/app/api/auth/write-session/route"),
  "/api/tokens": await import("@/app/api/tokens/route"),
  "/api/tokens/{id}": await import("@/app/api/tokens/[id]/route"),
  "/api/users": await import("@/app/api/users/route"),
  "/api/users/{id}": await import("@/app/api/users/[id]/route"),
};

const sweep: SweepInput = (() => {
  const demo = generateDemoSweep({
    seed: 11,
    problems: { easy: 6, medium: 6, hard: 6 },
    alphas: [-0.5, 0, 0.5, 1, 1.5],
    samples: 20,
  });
  return {
    ...demo,
    experiment: {
      ...demo.experiment,
      slug: "contract-sweep",
      benchmark: "contract-bench",
      study: { slug: "contract-study", name: "Contract study" },
    },
  };
})();
const SLUG = sweep.experiment.slug;
/** A second experiment: the other side of the comparison, and the one whose metadata the PATCH changes. */
const OTHER: SweepInput = { ...sweep, experiment: { ...sweep.experiment, slug: "contract-other" } };
const PROBLEM = encodeURIComponent(sweep.problems[0].externalId);

/** Ids the writes below create, filled into later calls' `{snapshot…}` and `{view}` placeholders. */
const created: Record<string, string> = {};

interface Call {
  method: "get" | "post" | "put" | "patch" | "delete";
  /** The documented path the call exercises. */
  path: string;
  /** The URL's path and query; `{name}` is filled in from `created`. */
  url: string;
  headers?: Record<string, string>;
  /** A JSON body (a function: one made of ids created by earlier calls). */
  body?: unknown;
  status: number;
  /** Keeps the answer's `id` in `created` under this name. */
  creates?: string;
}

const json = (body: unknown) => ({ body, headers: { ...LOCAL_CLIENT, "content-type": "application/json" } });
const ensemble = {
  members: [
    { alpha: 0, samples: 10 },
    { alpha: 1.5, samples: 10 },
  ],
};

/**
 * Every operation, with its success and its typical errors. (This server runs without sign-in: the
 * sign-in routes' other answers are checked by tests/integration/auth/*.)
 */
const CALLS: Call[] = [
  { method: "get", path: "/api/auth/me", url: "/api/auth/me", status: 200 },
  { method: "get", path: "/api/auth/signin", url: "/api/auth/signin?next=/", status: 404 },
  { method: "get", path: "/api/auth/callback", url: "/api/auth/callback?code=x&state=y", status: 404 },
  { method: "post", path: "/api/auth/signout", url: "/api/auth/signout", status: 404 },
  {
    method: "post",
    path: "/api/auth/token-signin",
    url: "/api/auth/token-signin",
    ...json({ token: "asc_nothing" }),
    status: 404,
  },
  { method: "get", path: "/api/auth/write-session", url: "/api/auth/write-session", status: 200 },
  {
    method: "post",
    path: "/api/auth/write-session",
    url: "/api/auth/write-session",
    ...json({ token: "no-token-here" }),
    status: 404,
  },
  { method: "delete", path: "/api/auth/write-session", url: "/api/auth/write-session", status: 204 },
  { method: "get", path: "/api/health", url: "/api/health", status: 200 },
  { method: "get", path: "/api/openapi.json", url: "/api/openapi.json", status: 200 },
  { method: "get", path: "/api/experiments", url: "/api/experiments", status: 200 },
  {
    method: "get",
    path: "/api/experiments",
    url: "/api/experiments?q=contract&benchmark=contract-bench&study=contract-study&sort=name&limit=1",
    status: 200,
  },
  {
    method: "get",
    path: "/api/experiments",
    url: "/api/experiments?setting=tool-use&sort=scale",
    status: 200,
  },
  { method: "get", path: "/api/experiments", url: "/api/experiments?limit=0", status: 400 },
  { method: "get", path: "/api/experiments", url: "/api/experiments?cursor=nonsense&limit=5", status: 400 },
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
    ...json(ensemble),
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
    path: "/api/experiments/{slug}/ensembles/search",
    url: `/api/experiments/${SLUG}/ensembles/search`,
    ...json({ budget: 20, maxMembers: 3, difficulty: "hard", top: 3 }),
    status: 200,
  },
  {
    method: "post",
    path: "/api/experiments/{slug}/ensembles/search",
    url: `/api/experiments/${SLUG}/ensembles/search`,
    ...json({ budget: 20, maxMembers: 99 }),
    status: 400,
  },
  {
    method: "get",
    path: "/api/experiments/{slug}/frontier",
    url: `/api/experiments/${SLUG}/frontier?x=correctness&y=efficiency&collapsed=include`,
    status: 200,
  },
  {
    method: "get",
    path: "/api/experiments/{slug}/frontier",
    url: `/api/experiments/${SLUG}/frontier?collapsed=maybe`,
    status: 400,
  },
  {
    method: "get",
    path: "/api/experiments/{slug}/claims",
    url: `/api/experiments/${SLUG}/claims?difficulty=hard&margin=3`,
    status: 200,
  },
  {
    method: "get",
    path: "/api/experiments/{slug}/claims",
    url: `/api/experiments/${SLUG}/claims?x=solveRate&y=meanPassRuntimeMs`,
    status: 200,
  },
  {
    method: "get",
    path: "/api/experiments/{slug}/claims",
    url: `/api/experiments/${SLUG}/claims?margin=-1`,
    status: 400,
  },
  {
    method: "get",
    path: "/api/experiments/{slug}/claims",
    url: "/api/experiments/no-such-thing/claims",
    status: 404,
  },
  {
    method: "get",
    path: "/api/experiments/{slug}/problem-counts",
    url: `/api/experiments/${SLUG}/problem-counts`,
    status: 200,
  },
  {
    method: "get",
    path: "/api/experiments/{slug}/problems",
    url: `/api/experiments/${SLUG}/problems?from=0&to=1.5&difficulty=hard&limit=3`,
    status: 200,
  },
  {
    method: "get",
    path: "/api/experiments/{slug}/problems",
    url: `/api/experiments/${SLUG}/problems?from=0`,
    status: 400,
  },
  {
    method: "get",
    path: "/api/experiments/{slug}/problems/{id}",
    url: `/api/experiments/${SLUG}/problems/${PROBLEM}`,
    status: 200,
  },
  {
    method: "get",
    path: "/api/experiments/{slug}/problems/{id}",
    url: `/api/experiments/${SLUG}/problems/no-such-problem`,
    status: 404,
  },
  {
    method: "get",
    path: "/api/experiments/{slug}/export.csv",
    url: `/api/experiments/${SLUG}/export.csv?difficulty=easy`,
    status: 200,
  },
  {
    method: "get",
    path: "/api/experiments/{slug}/mergekit",
    url: `/api/experiments/${SLUG}/mergekit?alpha=0.5`,
    status: 200,
  },
  {
    method: "get",
    path: "/api/experiments/{slug}/mergekit",
    url: `/api/experiments/${SLUG}/mergekit`,
    status: 400,
  },
  {
    method: "get",
    path: "/api/experiments/{slug}/preview.png",
    url: `/api/experiments/${SLUG}/preview.png?members=0,1.5&difficulty=hard`,
    status: 200,
  },
  {
    method: "get",
    path: "/api/compare",
    url: `/api/compare?experiments=${SLUG},${OTHER.experiment.slug}`,
    status: 200,
  },
  { method: "get", path: "/api/compare", url: `/api/compare?experiments=${SLUG}`, status: 400 },
  { method: "get", path: "/api/studies", url: "/api/studies", status: 200 },
  { method: "get", path: "/api/studies/{slug}", url: "/api/studies/contract-study", status: 200 },
  { method: "get", path: "/api/studies/{slug}", url: "/api/studies/no-such-thing", status: 404 },
  { method: "get", path: "/api/studies/{slug}", url: "/api/studies/Not%20A%20Slug", status: 400 },
  {
    method: "get",
    path: "/api/studies/{slug}/frontiers",
    url: "/api/studies/contract-study/frontiers",
    status: 200,
  },
  {
    method: "get",
    path: "/api/studies/{slug}/frontiers",
    url: "/api/studies/no-such-thing/frontiers",
    status: 404,
  },
  {
    method: "get",
    path: "/api/compare",
    url: `/api/compare?experiments=${SLUG},no-such-thing`,
    status: 404,
  },
  {
    method: "post",
    path: "/api/snapshots",
    url: "/api/snapshots",
    ...json({ experiment: SLUG, page: "explorer", view: "?alpha=0.5", title: "Contract" }),
    status: 201,
    creates: "explorerSnapshot",
  },
  {
    method: "post",
    path: "/api/snapshots",
    url: "/api/snapshots",
    ...json({ experiment: SLUG, page: "scaling", view: "difficulty=hard" }),
    status: 201,
    creates: "scalingSnapshot",
  },
  {
    method: "post",
    path: "/api/snapshots",
    url: "/api/snapshots",
    ...json({ study: "contract-study", page: "study", view: "difficulty=hard&x=solveRate&y=efficiency" }),
    status: 201,
    creates: "studySnapshot",
  },
  {
    method: "post",
    path: "/api/snapshots",
    url: "/api/snapshots",
    ...json({ study: "no-such-study", page: "study", view: "" }),
    status: 404,
  },
  {
    method: "post",
    path: "/api/snapshots",
    url: "/api/snapshots",
    ...json({ experiment: SLUG, page: "elsewhere", view: "" }),
    status: 400,
  },
  {
    method: "post",
    path: "/api/snapshots",
    url: "/api/snapshots",
    body: { experiment: SLUG, page: "explorer", view: "" },
    headers: { host: "localhost:3000", "content-type": "application/json" },
    status: 403,
  },
  { method: "get", path: "/api/snapshots/{id}", url: "/api/snapshots/{explorerSnapshot}", status: 200 },
  { method: "get", path: "/api/snapshots/{id}", url: "/api/snapshots/{scalingSnapshot}", status: 200 },
  { method: "get", path: "/api/snapshots/{id}", url: "/api/snapshots/AAAAAAAA", status: 404 },
  { method: "get", path: "/api/snapshots/{id}", url: "/api/snapshots/{studySnapshot}", status: 200 },
  {
    method: "get",
    path: "/api/snapshots/{id}/study",
    url: "/api/snapshots/{studySnapshot}/study",
    status: 200,
  },
  {
    method: "get",
    path: "/api/snapshots/{id}/study",
    url: "/api/snapshots/{explorerSnapshot}/study",
    status: 404,
  },
  {
    method: "get",
    path: "/api/snapshots/{id}/frontiers",
    url: "/api/snapshots/{studySnapshot}/frontiers",
    status: 200,
  },
  {
    method: "get",
    path: "/api/snapshots/{id}/experiments/{slug}/claims",
    url: `/api/snapshots/{studySnapshot}/experiments/${SLUG}/claims?difficulty=hard&x=solveRate&y=efficiency`,
    status: 200,
  },
  {
    method: "get",
    path: "/api/snapshots/{id}/experiments/{slug}/claims",
    url: "/api/snapshots/{studySnapshot}/experiments/no-such-thing/claims",
    status: 404,
  },
  {
    method: "get",
    path: "/api/snapshots/{id}/frontier",
    url: "/api/snapshots/{explorerSnapshot}/frontier",
    status: 200,
  },
  {
    method: "get",
    path: "/api/snapshots/{id}/frontier",
    url: "/api/snapshots/{scalingSnapshot}/frontier",
    status: 404,
  },
  {
    method: "get",
    path: "/api/snapshots/{id}/claims",
    url: "/api/snapshots/{explorerSnapshot}/claims?difficulty=hard&margin=5",
    status: 200,
  },
  {
    method: "get",
    path: "/api/snapshots/{id}/claims",
    url: "/api/snapshots/{explorerSnapshot}/claims?x=solveRate&y=efficiency",
    status: 404,
  },
  {
    method: "get",
    path: "/api/snapshots/{id}/claims",
    url: "/api/snapshots/{explorerSnapshot}/claims?difficulty=nope",
    status: 400,
  },
  {
    method: "get",
    path: "/api/snapshots/{id}/matrix",
    url: "/api/snapshots/{scalingSnapshot}/matrix",
    status: 200,
  },
  {
    method: "get",
    path: "/api/snapshots/{id}/bundle",
    url: "/api/snapshots/{explorerSnapshot}/bundle",
    status: 200,
  },
  {
    method: "get",
    path: "/api/snapshots/{id}/bundle",
    url: "/api/snapshots/{scalingSnapshot}/bundle",
    status: 404,
  },
  {
    method: "get",
    path: "/api/snapshots/{id}/pass-at-k",
    url: "/api/snapshots/{scalingSnapshot}/pass-at-k?difficulty=hard&bands=1",
    status: 200,
  },
  {
    method: "post",
    path: "/api/snapshots/{id}/ensembles",
    url: "/api/snapshots/{scalingSnapshot}/ensembles",
    ...json(ensemble),
    status: 200,
  },
  {
    method: "post",
    path: "/api/snapshots",
    url: "/api/snapshots",
    ...json({ experiment: SLUG, page: "explorer", view: "?alpha=1" }),
    status: 201,
    creates: "doomedSnapshot",
  },
  {
    method: "delete",
    path: "/api/snapshots/{id}",
    url: "/api/snapshots/{doomedSnapshot}",
    headers: { host: "localhost:3000" },
    status: 403,
  },
  {
    method: "delete",
    path: "/api/snapshots/{id}",
    url: "/api/snapshots/{doomedSnapshot}",
    headers: LOCAL_CLIENT,
    status: 204,
  },
  {
    method: "delete",
    path: "/api/snapshots/{id}",
    url: "/api/snapshots/{doomedSnapshot}",
    headers: LOCAL_CLIENT,
    status: 404,
  },
  {
    method: "post",
    path: "/api/experiments/{slug}/views",
    url: `/api/experiments/${SLUG}/views`,
    ...json({ name: "Hard slice", page: "explorer", view: "difficulty=hard" }),
    status: 201,
    creates: "view",
  },
  {
    method: "post",
    path: "/api/experiments/{slug}/views",
    url: `/api/experiments/${SLUG}/views`,
    ...json({ name: "", page: "explorer", view: "" }),
    status: 400,
  },
  {
    method: "get",
    path: "/api/experiments/{slug}/views",
    url: `/api/experiments/${SLUG}/views`,
    status: 200,
  },
  {
    method: "get",
    path: "/api/experiments/{slug}/shares",
    url: `/api/experiments/${SLUG}/shares`,
    status: 200,
  },
  {
    method: "put",
    path: "/api/experiments/{slug}/shares",
    url: `/api/experiments/${SLUG}/shares`,
    ...json({ email: "not an address", role: "viewer" }),
    status: 400,
  },
  {
    method: "delete",
    path: "/api/experiments/{slug}/shares",
    url: `/api/experiments/${SLUG}/shares`,
    ...json({ email: "nobody@example.com" }),
    status: 400,
  },
  {
    method: "patch",
    path: "/api/experiments/{slug}/views/{id}",
    url: `/api/experiments/${SLUG}/views/{view}`,
    ...json({ name: "Hard slice, renamed" }),
    status: 200,
  },
  {
    method: "put",
    path: "/api/experiments/{slug}/views/order",
    url: `/api/experiments/${SLUG}/views/order`,
    ...json(() => ({ ids: [Number(created.view)] })),
    status: 200,
  },
  {
    method: "put",
    path: "/api/experiments/{slug}/views/order",
    url: `/api/experiments/${SLUG}/views/order`,
    ...json({ ids: [] }),
    status: 400,
  },
  {
    method: "delete",
    path: "/api/experiments/{slug}/views/{id}",
    url: `/api/experiments/${SLUG}/views/{view}`,
    headers: LOCAL_CLIENT,
    status: 204,
  },
  {
    method: "delete",
    path: "/api/experiments/{slug}/views/{id}",
    url: `/api/experiments/${SLUG}/views/{view}`,
    headers: LOCAL_CLIENT,
    status: 404,
  },
  {
    method: "patch",
    path: "/api/experiments/{slug}",
    url: `/api/experiments/${OTHER.experiment.slug}`,
    ...json({ name: "Contract, renamed", endpoints: { b: { label: "merged" } } }),
    status: 200,
  },
  {
    method: "patch",
    path: "/api/experiments/{slug}",
    url: `/api/experiments/${OTHER.experiment.slug}`,
    ...json({}),
    status: 400,
  },
  {
    method: "patch",
    path: "/api/experiments/{slug}",
    url: `/api/experiments/${OTHER.experiment.slug}`,
    ...json({ studyName: "A study without a slug" }),
    status: 400,
  },
  {
    method: "patch",
    path: "/api/experiments/{slug}",
    url: `/api/experiments/${OTHER.experiment.slug}`,
    ...json({ study: "contract-study-2", studyName: "Second study" }),
    status: 200,
  },
  {
    method: "patch",
    path: "/api/experiments/{slug}",
    url: "/api/experiments/no-such-thing",
    ...json({ name: "Nobody" }),
    status: 404,
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
  { method: "delete", path: "/api/experiments/{slug}", url: "/api/experiments/contract-import", status: 200 },
  { method: "delete", path: "/api/experiments/{slug}", url: "/api/experiments/contract-import", status: 404 },
  { method: "delete", path: "/api/experiments/{slug}", url: "/api/experiments/Not%20A%20Slug", status: 400 },
  {
    method: "post",
    path: "/api/experiments/{slug}/restore",
    url: "/api/experiments/contract-import/restore",
    status: 200,
  },
  {
    method: "post",
    path: "/api/experiments/{slug}/restore",
    url: "/api/experiments/contract-import/restore",
    status: 404,
  },
  {
    method: "get",
    path: "/api/experiments/{slug}/versions",
    url: "/api/experiments/contract-import/versions",
    status: 200,
  },
  {
    method: "get",
    path: "/api/experiments/{slug}/versions",
    url: "/api/experiments/no-such-thing/versions",
    status: 404,
  },
  {
    method: "get",
    path: "/api/experiments/{slug}",
    url: "/api/experiments/contract-import?version=2147483647",
    status: 404,
  },
  {
    method: "post",
    path: "/api/experiments/{slug}/versions/{id}/restore",
    url: "/api/experiments/contract-import/versions/2147483647/restore",
    status: 404,
  },
  {
    method: "post",
    path: "/api/experiments/{slug}/versions/{id}/restore",
    url: "/api/experiments/contract-import/versions/abc/restore",
    status: 400,
  },
  {
    method: "get",
    path: "/api/experiments/{slug}/versions/{id}/frontier",
    url: "/api/experiments/contract-import/versions/2147483647/frontier",
    status: 404,
  },
  { method: "get", path: "/api/audit", url: "/api/audit?experiment=contract-import&limit=10", status: 200 },
  { method: "get", path: "/api/audit", url: "/api/audit?limit=0", status: 400 },
  {
    method: "get",
    path: "/api/audit",
    url: "/api/audit",
    headers: { host: "alphascope.example" },
    status: 403,
  },
  // Accounts exist only on a team server (ALPHASCOPE_AUTH); tests/integration/accountsApi.test.ts
  // calls them there.
  { method: "get", path: "/api/tokens", url: "/api/tokens", status: 404 },
  {
    method: "post",
    path: "/api/tokens",
    url: "/api/tokens",
    ...json({ name: "ci", scope: "read" }),
    status: 404,
  },
  { method: "delete", path: "/api/tokens/{id}", url: "/api/tokens/1", status: 404 },
  { method: "get", path: "/api/users", url: "/api/users", status: 404 },
  {
    method: "post",
    path: "/api/users",
    url: "/api/users",
    ...json({ email: "ada@example.org", role: "viewer" }),
    status: 404,
  },
  { method: "patch", path: "/api/users/{id}", url: "/api/users/1", ...json({ role: "editor" }), status: 404 },
  { method: "delete", path: "/api/users/{id}", url: "/api/users/1", status: 404 },
];

const document = openApiDocument();
const DOCUMENT_ID = "https://alphascope.local/openapi.json";
const ajv = new Ajv2020({ strict: false, allErrors: true });
ajv.addSchema(JSON.parse(JSON.stringify(document)), DOCUMENT_ID);

/** The validator of one documented JSON response body (its schema, with the document's components). */
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

/**
 * A second, independent check of each JSON answer, with OpenAPI 3.0's semantics as 3.0-era tools apply
 * them (openapi-response-validator: ajv in draft-07 mode, `nullable` as 3.0 defines it) on the document
 * rewritten in 3.0's vocabulary: a schema only 2020-12 validators read right (e.g. `items: false`
 * beside prefixItems, which 3.0 tools take as "no item allowed") fails here.
 */
const document30 = toOpenApi30(document);

function openApi30Errors(path: string, method: string, status: number, body: unknown): unknown[] {
  const item = document30.paths?.[path] as Record<string, { responses: Record<string, unknown> }> | undefined;
  const operation = item?.[method];
  if (!operation) return [`${method} ${path} is not documented`];
  type Args = ConstructorParameters<typeof OpenAPIResponseValidator>[0];
  // Its types declare OpenAPI 2's `{schema}` responses; the code also reads 3.0's `content` (getSchemas).
  const validator = new OpenAPIResponseValidator({
    responses: { [status]: operation.responses[String(status)] } as Args["responses"],
    components: document30.components as Args["components"],
  });
  return validator.validateResponse(status, body)?.errors ?? [];
}

/** The path parameters of `pathname`, matched against the documented path's `{name}` segments. */
function pathParams(path: string, pathname: string): Record<string, string> {
  const values = pathname.split("/");
  return Object.fromEntries(
    path
      .split("/")
      .flatMap((part, index) =>
        /^\{\w+\}$/.test(part) ? [[part.slice(1, -1), decodeURIComponent(values[index])]] : [],
      ),
  );
}

let db: Db;

beforeAll(async () => {
  db = testDb();
  await truncateAll(db);
  await storeSweep(db, sweep);
  await storeSweep(db, OTHER);
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
    const url = new URL(
      call.url.replace(/\{(\w+)\}/g, (_, name: string) => created[name]),
      "http://localhost:3000",
    );
    const body = typeof call.body === "function" ? call.body() : call.body;
    const request = new Request(url, {
      method: call.method.toUpperCase(),
      headers: call.headers ?? LOCAL_CLIENT,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const response = await handler(request, { params: Promise.resolve(pathParams(call.path, url.pathname)) });
    const operation = document.paths?.[call.path]?.[call.method];
    const documented = operation?.responses?.[String(call.status)] as
      | { content?: Record<string, unknown> }
      | undefined;
    expect(documented, "a documented status").toBeDefined();
    const mediaType = response.headers.get("content-type")?.split(";")[0] ?? null;
    if (mediaType !== "application/json") {
      expect(response.status).toBe(call.status);
      expect(Object.keys(documented?.content ?? {})).toEqual(mediaType === null ? [] : [mediaType]);
      if (mediaType !== null) expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(0);
      return;
    }
    const answer = await response.json();
    expect(response.status, JSON.stringify(answer).slice(0, 300)).toBe(call.status);
    const validate = responseValidator(call.path, call.method, call.status);
    expect(validate(answer) ? [] : validate.errors).toEqual([]);
    expect(openApi30Errors(call.path, call.method, call.status, answer)).toEqual([]);
    if (call.creates) created[call.creates] = String(answer.id);
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

  it("rejects a body that breaks the document, in 3.0's reading too (neither validator is a no-op)", () => {
    expect(openApi30Errors("/api/experiments/{slug}", "get", 200, { slug: SLUG })).not.toEqual([]);
    expect(
      openApi30Errors("/api/experiments/{slug}", "get", 404, {
        error: { code: "not_found", message: "No." },
      }),
    ).toEqual([]);
  });

  it("rejects a body that breaks the document (the validator is not a no-op)", () => {
    const validate = responseValidator("/api/experiments/{slug}", "get", 200);
    expect(validate({ slug: SLUG })).toBe(false);
    const error = responseValidator("/api/experiments/{slug}", "get", 404);
    expect(error({ error: { code: "not_found", message: "No experiment." } })).toBe(true);
    expect(error({ message: "No experiment." })).toBe(false);
  });
});
