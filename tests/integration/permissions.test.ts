import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { listAuditEvents } from "@/lib/db/queries/audit";
import { requireReaderRole, requireWriter } from "@/lib/server/auth/permissions";
import { ApiError } from "@/lib/server/errors";
import { LOCAL_CLIENT } from "../support/localClient";
import { truncateUsers, userWithToken } from "./authSupport";
import { storeSmallSweep, testDatabaseUrl, testDb, truncateAll } from "./db";

process.env.DATABASE_URL = testDatabaseUrl();
const experimentRoute = await import("@/app/api/experiments/[slug]/route");
const { POST: restoreRoute } = await import("@/app/api/experiments/[slug]/restore/route");
const { POST: importRoute } = await import("@/app/api/imports/route");

const TOKENS = { NODE_ENV: "test", ALPHASCOPE_AUTH: "tokens" } as const;
const SLUG = "permissions-sweep";
let db: Db;
const secrets: Record<string, string> = {};

function post(headers: Record<string, string> = {}): Request {
  return new Request("http://team.example/api/experiments/x", { method: "POST", headers });
}
const bearer = (secret: string) => ({ authorization: `Bearer ${secret}` });

async function statusOf(check: () => Promise<unknown>): Promise<number> {
  try {
    await check();
    return 200;
  } catch (error) {
    if (error instanceof ApiError) return error.status;
    throw error;
  }
}

beforeAll(async () => {
  db = testDb();
  await truncateAll(db);
  await truncateUsers(db);
  secrets.viewer = await userWithToken(db, "viewer@example.org", "viewer");
  secrets.editor = await userWithToken(db, "editor@example.org", "editor");
  secrets.editorRead = await userWithToken(db, "editor@example.org", "editor", "read");
  secrets.admin = await userWithToken(db, "admin@example.org", "admin");
  await storeSmallSweep(
    db,
    { slug: SLUG, name: "Permissions", benchmark: "permissions-bench" },
    { seed: 5, problems: { easy: 2, medium: 2, hard: 2 }, alphas: [0, 1], samples: 4 },
  );
});

afterAll(async () => {
  await db.$disconnect();
});

describe("requireWriter without ALPHASCOPE_AUTH", () => {
  it("is today's guard: a local client writes as `local`, a remote one is 403, a cross-site one 403", async () => {
    const env = { NODE_ENV: "test" } as const;
    expect(await requireWriter(post(LOCAL_CLIENT), db, "admin", env)).toEqual({ kind: "local" });
    expect(await statusOf(() => requireWriter(post({ host: "localhost:3000" }), db, "editor", env))).toBe(
      403,
    );
    expect(
      await statusOf(() =>
        requireWriter(post({ ...LOCAL_CLIENT, origin: "http://evil.example" }), db, "editor", env),
      ),
    ).toBe(403);
    const shared = { ...env, ALPHASCOPE_WRITE_TOKEN: "shared" };
    expect(await statusOf(() => requireWriter(post(), db, "editor", shared))).toBe(401);
    expect(await requireWriter(post(bearer("shared")), db, "editor", shared)).toEqual({ kind: "local" });
  });
});

describe("requireWriter with ALPHASCOPE_AUTH=tokens", () => {
  it("answers anonymous 401, a viewer 403, an editor 200 for editor writes and 403 for admin ones", async () => {
    const check = (headers: Record<string, string>, required: "editor" | "admin") =>
      statusOf(() => requireWriter(post(headers), db, required, TOKENS));
    expect(await check({}, "editor")).toBe(401);
    expect(await check(LOCAL_CLIENT, "editor")).toBe(401); // loopback is nobody on a team server
    expect(await check(bearer("asc_not-a-token"), "editor")).toBe(401);
    expect(await check(bearer(secrets.viewer), "editor")).toBe(403);
    expect(await check(bearer(secrets.editor), "editor")).toBe(200);
    expect(await check(bearer(secrets.editorRead), "editor")).toBe(403);
    expect(await check(bearer(secrets.editor), "admin")).toBe(403);
    expect(await check(bearer(secrets.admin), "admin")).toBe(200);
  });

  it("still refuses a cross-site request before looking at its token", async () => {
    const headers = { ...bearer(secrets.admin), "sec-fetch-site": "cross-site" };
    expect(await statusOf(() => requireWriter(post(headers), db, "editor", TOKENS))).toBe(403);
  });

  it("returns the token's user, and lets a read-scoped admin token read the audit", async () => {
    expect(await requireWriter(post(bearer(secrets.editor)), db, "editor", TOKENS)).toMatchObject({
      kind: "user",
      email: "editor@example.org",
      role: "editor",
      tokenName: "editor-write",
    });
    const readAdmin = await userWithToken(db, "admin@example.org", "admin", "read");
    expect(await statusOf(() => requireReaderRole(post(bearer(readAdmin)), db, "admin", TOKENS))).toBe(200);
    expect(await statusOf(() => requireReaderRole(post(bearer(secrets.editor)), db, "admin", TOKENS))).toBe(
      403,
    );
  });
});

describe("the write routes with ALPHASCOPE_AUTH=tokens", () => {
  beforeAll(() => {
    process.env.ALPHASCOPE_AUTH = "tokens";
  });
  afterAll(() => {
    delete process.env.ALPHASCOPE_AUTH;
  });
  const context = { params: Promise.resolve({ slug: SLUG }) };
  const call = (method: string, path: string, secret?: string) =>
    new Request(`http://team.example${path}`, { method, headers: secret ? bearer(secret) : {} });

  it("deletes as an editor and restores as an admin only, recording each user as the actor", async () => {
    const remove = (secret?: string) =>
      experimentRoute.DELETE(call("DELETE", `/api/experiments/${SLUG}`, secret), context);
    const restore = (secret?: string) =>
      restoreRoute(call("POST", `/api/experiments/${SLUG}/restore`, secret), context);
    expect((await remove()).status).toBe(401);
    expect((await remove(secrets.viewer)).status).toBe(403);
    expect((await remove(secrets.editor)).status).toBe(200);
    expect((await restore(secrets.editor)).status).toBe(403);
    expect((await restore(secrets.admin)).status).toBe(200);
    const events = await listAuditEvents(db, { limit: 10, target: `experiment:${SLUG}` });
    expect(events.map(({ actor, action }) => [actor, action])).toEqual([
      ["user:admin@example.org (token admin-write)", "experiment.restore"],
      ["user:editor@example.org (token editor-write)", "experiment.delete"],
      // The sweep stored in memory (as the demo loader does) is audited too.
      ["system", "experiment.import"],
    ]);
  });

  it("refuses an anonymous import before reading a byte of its body", async () => {
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        controller.enqueue(new Uint8Array(1024 * 1024));
      },
    });
    const request = new Request("http://team.example/api/imports", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body,
      duplex: "half",
    } as RequestInit);
    const answer = await importRoute(request);
    expect(answer.status).toBe(401);
    expect(((await answer.json()) as { error: { message: string } }).error.message).toContain(
      "Authorization: Bearer",
    );
    // A ReadableStream pulls once to fill its queue when made; nothing past that was read.
    expect(pulled).toBeLessThanOrEqual(1);
  });
});
