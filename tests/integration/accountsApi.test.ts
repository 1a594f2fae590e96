import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { truncateUsers, userWithToken } from "./authSupport";
import { testDatabaseUrl, testDb } from "./db";

process.env.DATABASE_URL = testDatabaseUrl();
const tokens = await import("@/app/api/tokens/route");
const token = await import("@/app/api/tokens/[id]/route");
const users = await import("@/app/api/users/route");
const user = await import("@/app/api/users/[id]/route");
const { GET: auditRoute } = await import("@/app/api/audit/route");

let db: Db;
const secrets: Record<string, string> = {};

function call(method: string, path: string, secret?: string, body?: unknown): Request {
  return new Request(`http://team.example${path}`, {
    method,
    headers: {
      ...(secret ? { authorization: `Bearer ${secret}` } : {}),
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}
const idContext = (id: number | string) => ({ params: Promise.resolve({ id: String(id) }) });

interface TokenBody {
  id: number;
  userEmail: string;
  name: string;
  scope: string;
  revokedAt: string | null;
}

beforeAll(async () => {
  process.env.ALPHASCOPE_AUTH = "tokens";
  db = testDb();
  await truncateUsers(db);
  secrets.viewer = await userWithToken(db, "viewer@example.org", "viewer", "write", "laptop");
  secrets.viewerRead = await userWithToken(db, "viewer@example.org", "viewer", "read", "dashboard");
  secrets.admin = await userWithToken(db, "admin@example.org", "admin", "write", "admin-cli");
});

afterAll(async () => {
  delete process.env.ALPHASCOPE_AUTH;
  await db.$disconnect();
});

describe("personal tokens over HTTP", () => {
  it("lets a viewer create a token (its secret once), list only their own, and revoke it", async () => {
    const created = await tokens.POST(
      call("POST", "/api/tokens", secrets.viewer, { name: "notebook", scope: "read", expiresInDays: 7 }),
    );
    expect(created.status).toBe(201);
    const { token: made, secret } = (await created.json()) as { token: TokenBody; secret: string };
    expect(made).toMatchObject({ userEmail: "viewer@example.org", name: "notebook", scope: "read" });
    expect(secret).toMatch(/^asc_/);

    const listed = (await (await tokens.GET(call("GET", "/api/tokens", secret))).json()) as TokenBody[];
    expect(listed.map((row) => row.name)).toEqual(["notebook", "dashboard", "laptop"]);
    expect(JSON.stringify(listed)).not.toContain(secret);

    expect(
      (await token.DELETE(call("DELETE", `/api/tokens/${made.id}`, secrets.viewer), idContext(made.id)))
        .status,
    ).toBe(200);
    expect((await tokens.GET(call("GET", "/api/tokens", secret))).status).toBe(401);
  });

  it("refuses a read-scoped token minting one, another user's list or token to a non-admin, and bad fields", async () => {
    const minted = await tokens.POST(
      call("POST", "/api/tokens", secrets.viewerRead, { name: "x", scope: "write" }),
    );
    expect(minted.status).toBe(403);
    expect((await tokens.GET(call("GET", "/api/tokens?user=admin@example.org", secrets.viewer))).status).toBe(
      403,
    );
    const [adminToken] = (await (
      await tokens.GET(call("GET", "/api/tokens", secrets.admin))
    ).json()) as TokenBody[];
    const foreign = await token.DELETE(
      call("DELETE", `/api/tokens/${adminToken.id}`, secrets.viewer),
      idContext(adminToken.id),
    );
    expect(foreign.status).toBe(404);
    const bad = await tokens.POST(call("POST", "/api/tokens", secrets.viewer, { name: "", scope: "write" }));
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toContain('"name"');
    expect((await tokens.GET(call("GET", "/api/tokens"))).status).toBe(401);
    const crossSite = new Request("http://team.example/api/tokens", {
      method: "POST",
      headers: {
        authorization: `Bearer ${secrets.viewer}`,
        "content-type": "application/json",
        origin: "http://evil.example",
      },
      body: JSON.stringify({ name: "x", scope: "write" }),
    });
    expect((await tokens.POST(crossSite)).status).toBe(403);
  });

  it("lets an admin list, create and revoke another user's tokens", async () => {
    const listed = await tokens.GET(call("GET", "/api/tokens?user=viewer@example.org", secrets.admin));
    expect(((await listed.json()) as TokenBody[]).map((row) => row.name)).toEqual([
      "notebook",
      "dashboard",
      "laptop",
    ]);
    const created = await tokens.POST(
      call("POST", "/api/tokens", secrets.admin, { name: "ci", scope: "write", user: "viewer@example.org" }),
    );
    const { token: made } = (await created.json()) as { token: TokenBody };
    expect(made.userEmail).toBe("viewer@example.org");
    const revoked = await token.DELETE(
      call("DELETE", `/api/tokens/${made.id}`, secrets.admin),
      idContext(made.id),
    );
    expect(((await revoked.json()) as TokenBody).revokedAt).not.toBeNull();
  });
});

describe("users over HTTP", () => {
  it("lets an admin add, re-role and remove users, but not themself; others get 403", async () => {
    expect((await users.GET(call("GET", "/api/users", secrets.viewer))).status).toBe(403);
    const added = await users.POST(
      call("POST", "/api/users", secrets.admin, { email: "New@Example.org", role: "viewer" }),
    );
    expect(added.status).toBe(201);
    const newcomer = (await added.json()) as { id: number; email: string };
    expect(newcomer.email).toBe("new@example.org");
    const patched = await user.PATCH(
      call("PATCH", `/api/users/${newcomer.id}`, secrets.admin, { role: "editor" }),
      idContext(newcomer.id),
    );
    expect(((await patched.json()) as { role: string }).role).toBe("editor");
    const everyone = (await (await users.GET(call("GET", "/api/users", secrets.admin))).json()) as {
      id: number;
      email: string;
    }[];
    const me = everyone.find((row) => row.email === "admin@example.org");
    expect(
      (
        await user.PATCH(
          call("PATCH", `/api/users/${me?.id}`, secrets.admin, { role: "viewer" }),
          idContext(me?.id ?? 0),
        )
      ).status,
    ).toBe(409);
    expect(
      (await user.DELETE(call("DELETE", `/api/users/${me?.id}`, secrets.admin), idContext(me?.id ?? 0)))
        .status,
    ).toBe(409);
    expect(
      (await user.DELETE(call("DELETE", `/api/users/${newcomer.id}`, secrets.admin), idContext(newcomer.id)))
        .status,
    ).toBe(204);
    expect(
      (await user.DELETE(call("DELETE", `/api/users/${newcomer.id}`, secrets.admin), idContext(newcomer.id)))
        .status,
    ).toBe(404);
    expect((await user.DELETE(call("DELETE", "/api/users/x", secrets.admin), idContext("x"))).status).toBe(
      400,
    );
  });

  it("records every change with the admin's (or user's) token as the actor, newest first, a page at a time", async () => {
    const page = async (query: string) =>
      (await (await auditRoute(call("GET", `/api/audit?${query}`, secrets.admin))).json()) as {
        id: number;
        actor: string;
        action: string;
      }[];
    const all = await page("limit=100");
    expect(all.map(({ actor, action }) => [actor, action]).reverse()).toEqual([
      ["user:viewer@example.org (token laptop)", "token.create"],
      ["user:viewer@example.org (token laptop)", "token.revoke"],
      ["user:admin@example.org (token admin-cli)", "token.create"],
      ["user:admin@example.org (token admin-cli)", "token.revoke"],
      ["user:admin@example.org (token admin-cli)", "user.add"],
      ["user:admin@example.org (token admin-cli)", "user.role"],
      ["user:admin@example.org (token admin-cli)", "user.remove"],
    ]);
    const first = await page("limit=3");
    const second = await page(`limit=3&before=${first[2].id}`);
    const third = await page(`limit=3&before=${second[2].id}`);
    expect([...first, ...second, ...third].map((event) => event.id)).toEqual(all.map((event) => event.id));
    expect((await page("actor=user:viewer@example.org")).map((event) => event.action)).toEqual([
      "token.revoke",
      "token.create",
    ]);
    expect((await auditRoute(call("GET", "/api/audit", secrets.viewer))).status).toBe(403);
    expect((await auditRoute(call("GET", "/api/audit"))).status).toBe(401);
  });
});
