import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "@/lib/cli/main";
import type { Db } from "@/lib/db/client";
import { listAuditEvents } from "@/lib/db/queries/audit";
import { identify } from "@/lib/server/auth/identify";
import { ApiError } from "@/lib/server/errors";
import { truncateUsers } from "./authSupport";
import { testDatabaseUrl, testDb } from "./db";

process.env.DATABASE_URL = testDatabaseUrl();
let db: Db;

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (text) => out.push(text), err: (text) => err.push(text) });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

const withToken = (secret: string) =>
  new Request("http://team.example/api/experiments", { headers: { authorization: `Bearer ${secret}` } });

beforeAll(async () => {
  db = testDb();
  await truncateUsers(db);
});

afterAll(async () => {
  await db.$disconnect();
});

describe("alphascope users", () => {
  it("adds, re-roles and lists users, and names the field it refuses", async () => {
    expect(await cli("users", "add", " Ada@Example.org ", "--role", "admin")).toMatchObject({
      code: 0,
      out: "Added ada@example.org as admin.",
    });
    expect((await cli("users", "add", "bob@example.org", "--role", "viewer")).code).toBe(0);
    expect((await cli("users", "add", "bob@example.org", "--role", "editor")).out).toBe(
      "Changed bob@example.org's role to editor.",
    );
    expect((await cli("users", "add", "bob@example.org", "--role", "editor")).out).toBe(
      "bob@example.org is already editor.",
    );
    const badEmail = await cli("users", "add", "not-an-email", "--role", "viewer");
    expect(badEmail.code).toBe(2);
    expect(badEmail.err).toBe('<email> "not-an-email" must be an e-mail address.');
    const badRole = await cli("users", "add", "carol@example.org", "--role", "owner");
    expect(badRole.code).toBe(2);
    expect(badRole.err).toBe('--role "owner" must be one of viewer, editor, admin.');
    expect((await cli("users", "add", "carol@example.org")).code).toBe(2);

    const table = (await cli("users", "list")).out.split("\n");
    expect(table[0]).toMatch(/^email\s+role\s+added$/);
    expect(table.slice(2).map((line) => line.split(/\s+/).slice(0, 2))).toEqual([
      ["ada@example.org", "admin"],
      ["bob@example.org", "editor"],
    ]);
    const json = JSON.parse((await cli("users", "list", "--json")).out) as { email: string; role: string }[];
    expect(json.map(({ email, role }) => [email, role])).toEqual([
      ["ada@example.org", "admin"],
      ["bob@example.org", "editor"],
    ]);
  });
});

describe("alphascope tokens", () => {
  it("creates a token whose secret (printed once) identifies its user, lists it, and revokes it", async () => {
    const created = await cli(
      "tokens",
      "create",
      "--user",
      "bob@example.org",
      "--name",
      "ci",
      "--expires",
      "30",
    );
    expect(created.code).toBe(0);
    const secret = created.out;
    expect(secret).toMatch(/^asc_[A-Za-z0-9_-]{43}$/);
    expect(created.err).toMatch(/^Created token \d+ "ci" \(write\) for bob@example\.org, expiring /);
    const principal = await identify(withToken(secret), db, { mode: "tokens" });
    expect(principal).toMatchObject({
      kind: "user",
      email: "bob@example.org",
      role: "editor",
      scope: "write",
    });

    const [listed] = JSON.parse((await cli("tokens", "list", "--user", "bob@example.org", "--json")).out) as {
      id: number;
      name: string;
      scope: string;
      createdAt: string;
      lastUsedAt: string | null;
      expiresAt: string;
    }[];
    expect(listed).toMatchObject({ name: "ci", scope: "write" });
    expect(listed.lastUsedAt).not.toBeNull();
    expect(Date.parse(listed.expiresAt) - Date.parse(listed.createdAt)).toBeGreaterThan(
      30 * 86_400_000 - 60_000,
    );
    expect(Date.parse(listed.expiresAt) - Date.parse(listed.createdAt)).toBeLessThan(
      30 * 86_400_000 + 60_000,
    );
    expect((await cli("tokens", "list")).out).toContain("last used");
    expect(JSON.stringify(await db.apiToken.findMany())).not.toContain(secret);

    expect((await cli("tokens", "revoke", String(listed.id))).out).toBe(
      `Revoked token ${listed.id} "ci" of bob@example.org.`,
    );
    await expect(identify(withToken(secret), db, { mode: "tokens" })).rejects.toBeInstanceOf(ApiError);
    expect(await cli("tokens", "revoke", String(listed.id))).toMatchObject({ code: 1 });
  });

  it("refuses what it cannot do, naming the field", async () => {
    expect((await cli("tokens", "create", "--user", "nobody@example.org")).err).toContain("--user: no user");
    expect((await cli("tokens", "create", "--user", "bob@example.org", "--scope", "all")).err).toBe(
      '--scope "all" must be one of read, write.',
    );
    expect((await cli("tokens", "create", "--user", "bob@example.org", "--expires", "30d")).err).toBe(
      '--expires "30d" must be a number.',
    );
    expect((await cli("tokens", "create", "--user", "bob@example.org", "--expires", "0")).err).toBe(
      "--expires 0 must be at least 1 day.",
    );
    expect((await cli("tokens", "revoke", "x")).code).toBe(2);
    expect((await cli("tokens")).code).toBe(2);
  });

  it("removes a user with their tokens, and audits every change as `local`", async () => {
    const secret = (await cli("tokens", "create", "--user", "bob@example.org", "--scope", "read")).out;
    expect((await cli("users", "remove", "bob@example.org")).code).toBe(0);
    await expect(identify(withToken(secret), db, { mode: "tokens" })).rejects.toBeInstanceOf(ApiError);
    expect((await cli("users", "remove", "bob@example.org")).code).toBe(1);
    const events = await listAuditEvents(db, { limit: 20 });
    expect(new Set(events.map((event) => event.actor))).toEqual(new Set(["local"]));
    expect(events.map((event) => event.action).reverse()).toEqual([
      "user.add",
      "user.add",
      "user.role",
      "token.create",
      "token.revoke",
      "token.create",
      "user.remove",
    ]);
    expect(events[0].summary).toBe("Removed bob@example.org (editor) and their 2 tokens.");
  });
});
