import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { createApiToken, revokeApiToken } from "@/lib/db/queries/apiTokens";
import { listAuditEvents } from "@/lib/db/queries/audit";
import { openSession, purgeExpiredSessions } from "@/lib/db/queries/sessions";
import { putUser } from "@/lib/db/queries/users";
import { identify, newTokenSecret, tokenSecretHash } from "@/lib/server/auth/identify";
import { newSessionSecret } from "@/lib/server/auth/sessionCookie";
import { tokenSignIn } from "@/lib/server/auth/signIn";
import { testDatabaseUrl, testDb } from "./db";

// Sessions: the table, the cookie, identify() reading it, token sign-in and sign-out, through the
// service functions (env passed in) and the route handlers (ALPHASCOPE_AUTH set for this file only:
// integration files run one at a time).

process.env.DATABASE_URL = testDatabaseUrl();
const { POST: tokenSignInRoute } = await import("@/app/api/auth/token-signin/route");
const { POST: signOutRoute } = await import("@/app/api/auth/signout/route");
const { GET: meRoute } = await import("@/app/api/auth/me/route");
const { GET: signInRoute } = await import("@/app/api/auth/signin/route");

const TOKENS = { ALPHASCOPE_AUTH: "tokens" } as const;
const TLS = { ...TOKENS, ALPHASCOPE_PUBLIC_URL: "https://alphascope.example.org" } as const;
const NOW = new Date("2026-12-20T12:00:00Z");
const HOUR = 3_600_000;
const ORIGIN = "http://localhost:3000";

let db: Db;
let editorId: number;
let editorWriteToken: string;
let editorReadToken: string;

async function newToken(userId: number, scope: "read" | "write", name: string): Promise<string> {
  const secret = newTokenSecret();
  await createApiToken(db, { userId, name, scope, secretHash: tokenSecretHash(secret), expiresAt: null });
  return secret;
}

/** A session opened directly in the database, `hoursAgo` hours before NOW, lasting `hours`. */
async function storedSession(hoursAgo: number, hours: number): Promise<string> {
  const secret = newSessionSecret();
  const at = new Date(NOW.getTime() - hoursAgo * HOUR);
  await openSession(
    db,
    { kind: "user", userId: editorId },
    {
      id: tokenSecretHash(secret),
      scope: "write",
      now: at,
      expiresAt: new Date(at.getTime() + hours * HOUR),
      summary: "test",
    },
  );
  return secret;
}

const withCookie = (cookie: string, headers: Record<string, string> = {}) =>
  new Request(`${ORIGIN}/api/auth/me`, { headers: { cookie, ...headers } });

/** The `name=value` part and the attributes of a Set-Cookie header. */
function parseSetCookie(header: string | null): { name: string; value: string; attributes: string[] } {
  const [pair, ...attributes] = (header ?? "").split("; ");
  const at = pair.indexOf("=");
  return { name: pair.slice(0, at), value: pair.slice(at + 1), attributes };
}

function postJson(path: string, body: unknown, headers: Record<string, string> = {}): Request {
  return new Request(`${ORIGIN}${path}`, {
    method: "POST",
    body: JSON.stringify(body),
    headers: { host: "localhost:3000", origin: ORIGIN, "content-type": "application/json", ...headers },
  });
}

beforeAll(async () => {
  db = testDb();
});

beforeEach(async () => {
  await db.$executeRawUnsafe('TRUNCATE "users", "audit_events" RESTART IDENTITY CASCADE');
  editorId = (await putUser(db, { email: "ed@example.org", role: "editor" })).id;
  editorWriteToken = await newToken(editorId, "write", "laptop");
  editorReadToken = await newToken(editorId, "read", "dashboard");
});

afterAll(async () => {
  delete process.env.ALPHASCOPE_AUTH;
  await db.$executeRawUnsafe('TRUNCATE "users", "audit_events" RESTART IDENTITY CASCADE');
  await db.$disconnect();
});

describe("identify() with a session cookie", () => {
  it("reads a live session as its user, with write scope", async () => {
    const secret = await storedSession(1, 168);
    const principal = await identify(withCookie(`alphascope_session=${secret}`), db, {
      env: TOKENS,
      now: NOW,
    });
    expect(principal).toEqual({
      kind: "user",
      userId: editorId,
      email: "ed@example.org",
      role: "editor",
      via: "session",
      scope: "write",
    });
  });

  it("reads an expired, unknown or garbage cookie as anonymous, not as an error, and deletes the expired row", async () => {
    const expired = await storedSession(10, 2);
    for (const cookie of [
      `alphascope_session=${expired}`,
      `alphascope_session=${newSessionSecret()}`,
      "alphascope_session=%%%;;==",
      "alphascope_session=",
      "other=1",
    ]) {
      expect(await identify(withCookie(cookie), db, { env: TOKENS, now: NOW }), cookie).toEqual({
        kind: "anonymous",
      });
    }
    expect(await db.session.count({ where: { id: tokenSecretHash(expired) } })).toBe(0);
  });

  it("ignores the session cookie without ALPHASCOPE_AUTH, and under the plain name over TLS", async () => {
    const secret = await storedSession(1, 168);
    expect(await identify(withCookie(`alphascope_session=${secret}`), db, { env: {}, now: NOW })).toEqual({
      kind: "local",
    });
    expect(await identify(withCookie(`alphascope_session=${secret}`), db, { env: TLS, now: NOW })).toEqual({
      kind: "anonymous",
    });
    const secure = await identify(withCookie(`__Host-alphascope_session=${secret}`), db, {
      env: TLS,
      now: NOW,
    });
    expect(secure).toMatchObject({ kind: "user", email: "ed@example.org" });
  });

  it("lets a bearer token win over the cookie, and a wrong token stay a 401", async () => {
    const secret = await storedSession(1, 168);
    const request = withCookie(`alphascope_session=${secret}`, {
      authorization: `Bearer ${editorReadToken}`,
    });
    expect(await identify(request, db, { env: TOKENS, now: NOW })).toMatchObject({
      via: "token",
      scope: "read",
    });
    const wrong = withCookie(`alphascope_session=${secret}`, { authorization: "Bearer asc_wrong" });
    await expect(identify(wrong, db, { env: TOKENS, now: NOW })).rejects.toMatchObject({ status: 401 });
  });

  it("slides the expiry of a session seen again after 5 minutes, not before", async () => {
    const secret = await storedSession(1, 168);
    const id = tokenSecretHash(secret);
    const before = await db.session.findUniqueOrThrow({ where: { id } });
    const soon = new Date(before.lastSeenAt.getTime() + 4 * 60_000);
    await identify(withCookie(`alphascope_session=${secret}`), db, { env: TOKENS, now: soon });
    expect((await db.session.findUniqueOrThrow({ where: { id } })).expiresAt).toEqual(before.expiresAt);
    const later = new Date(before.lastSeenAt.getTime() + 100 * HOUR);
    await identify(withCookie(`alphascope_session=${secret}`), db, { env: TOKENS, now: later });
    const after = await db.session.findUniqueOrThrow({ where: { id } });
    expect(after.lastSeenAt).toEqual(later);
    expect(after.expiresAt).toEqual(new Date(later.getTime() + 168 * HOUR));
    // Configurable: ALPHASCOPE_SESSION_HOURS=2 slides by 2 hours.
    const evenLater = new Date(later.getTime() + HOUR);
    await identify(withCookie(`alphascope_session=${secret}`), db, {
      env: { ...TOKENS, ALPHASCOPE_SESSION_HOURS: "2" },
      now: evenLater,
    });
    expect((await db.session.findUniqueOrThrow({ where: { id } })).expiresAt).toEqual(
      new Date(evenLater.getTime() + 2 * HOUR),
    );
  });

  it("dies with its user (cascade), and the purge deletes exactly the expired ones", async () => {
    const live = await storedSession(1, 168);
    await storedSession(10, 2);
    await storedSession(30, 24);
    expect(await purgeExpiredSessions(db, NOW)).toBe(2);
    expect(await db.session.count()).toBe(1);
    await db.user.delete({ where: { id: editorId } });
    expect(await db.session.count({ where: { id: tokenSecretHash(live) } })).toBe(0);
  });
});

describe("token sign-in", () => {
  it("opens a session with the token's scope and records the sign-in in the audit trail", async () => {
    const write = await tokenSignIn(
      db,
      { token: editorWriteToken, next: "/experiments/demo?alpha=1" },
      { env: TOKENS, now: NOW },
    );
    expect(write.user).toEqual({ email: "ed@example.org", role: "editor", via: "session", scope: "write" });
    expect(write.next).toBe("/experiments/demo?alpha=1");
    const cookie = parseSetCookie(write.cookie);
    expect(cookie.name).toBe("alphascope_session");
    expect(cookie.attributes).toEqual(["Path=/", `Max-Age=${168 * 3600}`, "HttpOnly", "SameSite=Lax"]);
    // The row keeps the secret's hash, never the secret.
    const row = await db.session.findUniqueOrThrow({ where: { id: tokenSecretHash(cookie.value) } });
    expect(row).toMatchObject({
      userId: editorId,
      scope: "write",
      expiresAt: new Date(NOW.getTime() + 168 * HOUR),
    });
    expect(await db.session.count({ where: { id: cookie.value } })).toBe(0);

    const read = await tokenSignIn(db, { token: editorReadToken }, { env: TOKENS, now: NOW });
    expect(read.user.scope).toBe("read");
    expect(read.next).toBe("/");
    const readSecret = parseSetCookie(read.cookie).value;
    expect(
      await identify(withCookie(`alphascope_session=${readSecret}`), db, { env: TOKENS, now: NOW }),
    ).toMatchObject({
      via: "session",
      scope: "read",
      role: "editor",
    });

    const events = await listAuditEvents(db, { limit: 10 });
    expect(events.map(({ actor, action, target }) => ({ actor, action, target }))).toEqual([
      { actor: "user:ed@example.org", action: "user.signin", target: "user:ed@example.org" },
      { actor: "user:ed@example.org", action: "user.signin", target: "user:ed@example.org" },
    ]);
    expect(events[0].summary).toContain("(read)");
  });

  it("refuses a revoked or unknown token with 401 and opens nothing", async () => {
    const tokenId = (await db.apiToken.findFirstOrThrow({ where: { name: "laptop" } })).id;
    await revokeApiToken(db, tokenId, NOW);
    for (const token of [editorWriteToken, "asc_unknown"]) {
      await expect(tokenSignIn(db, { token }, { env: TOKENS, now: NOW })).rejects.toMatchObject({
        status: 401,
      });
    }
    expect(await db.session.count()).toBe(0);
    expect(await db.auditEvent.count()).toBe(0);
  });

  it("marks the cookie Secure with the __Host- prefix when the public URL is https", async () => {
    const { cookie } = await tokenSignIn(db, { token: editorWriteToken }, { env: TLS, now: NOW });
    const parsed = parseSetCookie(cookie);
    expect(parsed.name).toBe("__Host-alphascope_session");
    expect(parsed.attributes).toEqual([
      "Path=/",
      `Max-Age=${168 * 3600}`,
      "HttpOnly",
      "SameSite=Lax",
      "Secure",
    ]);
  });
});

describe("the sign-in routes (ALPHASCOPE_AUTH=tokens)", () => {
  beforeAll(() => {
    process.env.ALPHASCOPE_AUTH = "tokens";
  });

  it("signs in with a token, knows the user at /api/auth/me, signs out and is anonymous again", async () => {
    const signIn = await tokenSignInRoute(
      postJson("/api/auth/token-signin", { token: editorWriteToken, next: "/glossary" }),
    );
    expect(signIn.status).toBe(200);
    expect(await signIn.json()).toMatchObject({ next: "/glossary", user: { email: "ed@example.org" } });
    const cookie = parseSetCookie(signIn.headers.get("set-cookie"));
    const jar = `${cookie.name}=${cookie.value}`;

    const me = await meRoute(withCookie(jar));
    expect(await me.json()).toEqual({
      mode: "tokens",
      user: { email: "ed@example.org", role: "editor", via: "session", scope: "write" },
    });

    const signOut = await signOutRoute(
      new Request(`${ORIGIN}/api/auth/signout`, {
        method: "POST",
        headers: { cookie: jar, host: "localhost:3000", origin: ORIGIN, "sec-fetch-site": "same-origin" },
      }),
    );
    expect(signOut.status).toBe(303);
    expect(signOut.headers.get("location")).toBe("/");
    const cleared = parseSetCookie(signOut.headers.get("set-cookie"));
    expect(cleared).toEqual({
      name: "alphascope_session",
      value: "",
      attributes: expect.arrayContaining(["Max-Age=0"]),
    });
    expect(await db.session.count()).toBe(0);
    expect(await (await meRoute(withCookie(jar))).json()).toEqual({ mode: "tokens", user: null });
  });

  it("refuses cross-site sign-in and sign-out (CSRF), leaving the session alone", async () => {
    const crossSite = { origin: "https://evil.example", "sec-fetch-site": "cross-site" };
    const signIn = await tokenSignInRoute(
      postJson("/api/auth/token-signin", { token: editorWriteToken }, crossSite),
    );
    expect(signIn.status).toBe(403);
    expect(signIn.headers.get("set-cookie")).toBeNull();
    const secret = await storedSession(0, 168);
    const signOut = await signOutRoute(
      new Request(`${ORIGIN}/api/auth/signout`, {
        method: "POST",
        headers: { cookie: `alphascope_session=${secret}`, host: "localhost:3000", ...crossSite },
      }),
    );
    expect(signOut.status).toBe(403);
    expect(await db.session.count()).toBe(1);
  });

  it("never redirects elsewhere than this server after a sign-in (no open redirect)", async () => {
    const hostile = [
      "https://evil.example/",
      "//evil.example/x",
      "/\\evil.example",
      "\\\\evil.example",
      "/%5C%5Cevil.example",
      "javascript:alert(1)",
      "http:evil.example",
      " /x",
      "/\t/evil.example",
      "/signin?next=//evil.example",
      "/api/auth/signin",
    ];
    for (const next of hostile) {
      const response = await tokenSignInRoute(
        postJson("/api/auth/token-signin", { token: editorWriteToken, next }),
      );
      const { next: target } = (await response.json()) as { next: string };
      expect(new URL(target, ORIGIN).origin, next).toBe(ORIGIN);
      expect(target === "/" || target === "/%5C%5Cevil.example", `${next} → ${target}`).toBe(true);
    }
  });

  it("answers 404 for the provider's routes on a tokens server, and 401 for a bad token", async () => {
    expect((await signInRoute(new Request(`${ORIGIN}/api/auth/signin?next=/`))).status).toBe(404);
    const bad = await tokenSignInRoute(postJson("/api/auth/token-signin", { token: "asc_nope" }));
    expect(bad.status).toBe(401);
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe("unauthorized");
  });
});
