import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { listAuditEvents } from "@/lib/db/queries/audit";
import { putUser, userByEmail } from "@/lib/db/queries/users";
import { startOidcProvider, type TestProvider, UNVERIFIED_PREFIX } from "../support/oidcProvider";
import { testDatabaseUrl, testDb } from "./db";

// The whole authorization code flow against a real OpenID provider (oidc-provider on loopback,
// started here), driven with fetch like a browser: alphascope's sign-in route, the provider's
// login and consent pages, alphascope's callback. Nothing of openid-client is mocked.

process.env.DATABASE_URL = testDatabaseUrl();
const { GET: signInRoute } = await import("@/app/api/auth/signin/route");
const { GET: callbackRoute } = await import("@/app/api/auth/callback/route");
const { GET: meRoute } = await import("@/app/api/auth/me/route");

/** Where alphascope would be reached; its routes are called directly, so nothing listens there. */
const PUBLIC = "http://127.0.0.1:39123";
const SETTINGS = [
  "ALPHASCOPE_AUTH",
  "ALPHASCOPE_OIDC_ISSUER",
  "ALPHASCOPE_OIDC_CLIENT_ID",
  "ALPHASCOPE_OIDC_CLIENT_SECRET",
  "ALPHASCOPE_PUBLIC_URL",
];

let db: Db;
let provider: TestProvider;

/** A browser's cookies for one site: name → value. */
class CookieJar {
  private readonly cookies = new Map<string, string>();
  take(response: Response): void {
    for (const header of response.headers.getSetCookie()) {
      const [pair, ...attributes] = header.split(";");
      const at = pair.indexOf("=");
      const [name, value] = [pair.slice(0, at).trim(), pair.slice(at + 1).trim()];
      const deleted = attributes.some((attribute) => /^\s*max-age=0\s*$/i.test(attribute)) || value === "";
      if (deleted) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }
  has(name: string): boolean {
    return this.cookies.has(name);
  }
}

/**
 * Follows the provider's redirects from `url` with its cookies until it shows a page (returned with
 * its URL) or sends the browser back to alphascope (returned as `back`).
 */
async function followProvider(
  url: string,
  jar: CookieJar,
  init: RequestInit = {},
): Promise<{ page: string; url: string } | { back: string }> {
  let next = url;
  let request = init;
  for (let hops = 0; hops < 10; hops++) {
    const response = await fetch(next, {
      ...request,
      redirect: "manual",
      headers: { ...(request.headers as Record<string, string>), cookie: jar.header() },
    });
    jar.take(response);
    const location = response.headers.get("location");
    if (!location) return { page: await response.text(), url: next };
    const target = new URL(location, next).href;
    if (target.startsWith(PUBLIC)) return { back: target };
    next = target;
    request = {};
  }
  throw new Error("too many redirects");
}

/** Submits the provider page's form with `fields` (its hidden fields too). */
function submitForm(page: { page: string; url: string }, fields: Record<string, string>, jar: CookieJar) {
  const action = /<form[^>]*action="([^"]+)"/.exec(page.page)?.[1];
  if (!action) throw new Error(`no form on the provider's page:\n${page.page.slice(0, 500)}`);
  const hidden = Object.fromEntries(
    [...page.page.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)].map((match) => [
      match[1],
      match[2],
    ]),
  );
  return followProvider(new URL(action.replaceAll("&amp;", "&"), page.url).href, jar, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ ...hidden, ...fields }).toString(),
  });
}

interface SignInRun {
  /** The provider's authorization request, as alphascope built it. */
  authorization: URL;
  /** alphascope's callback URL the provider sent the browser to. */
  callbackUrl: string;
  app: CookieJar;
  /** The browser's cookies for alphascope as the callback received them (the flow cookie). */
  flowCookie: string;
  callback: Response;
}

/** Starts a sign-in at alphascope, logs in as `login` at the provider, consents, lands on the callback. */
async function signIn(login: string, next: string): Promise<SignInRun> {
  const app = new CookieJar();
  const providerJar = new CookieJar();
  const start = await signInRoute(new Request(`${PUBLIC}/api/auth/signin?next=${encodeURIComponent(next)}`));
  expect(start.status).toBe(302);
  app.take(start);
  const authorization = new URL(start.headers.get("location") ?? "");
  let step = await followProvider(authorization.href, providerJar);
  for (let pages = 0; !("back" in step); pages++) {
    if (pages > 3) throw new Error("the provider kept showing pages");
    step = step.page.includes('value="login"')
      ? await submitForm(step, { login, password: "any" }, providerJar)
      : await submitForm(step, {}, providerJar);
  }
  const flowCookie = app.header();
  const callback = await callbackRoute(new Request(step.back, { headers: { cookie: flowCookie } }));
  app.take(callback);
  return { authorization, callbackUrl: step.back, app, flowCookie, callback };
}

beforeAll(async () => {
  db = testDb();
  provider = await startOidcProvider({ redirectUris: [`${PUBLIC}/api/auth/callback`] });
  Object.assign(process.env, {
    ALPHASCOPE_AUTH: "oidc",
    ALPHASCOPE_OIDC_ISSUER: provider.issuer,
    ALPHASCOPE_OIDC_CLIENT_ID: provider.clientId,
    ALPHASCOPE_OIDC_CLIENT_SECRET: provider.clientSecret,
    ALPHASCOPE_PUBLIC_URL: PUBLIC,
  });
});

beforeEach(async () => {
  await db.$executeRawUnsafe('TRUNCATE "users", "audit_events" RESTART IDENTITY CASCADE');
});

afterAll(async () => {
  for (const name of SETTINGS) delete process.env[name];
  await db.$executeRawUnsafe('TRUNCATE "users", "audit_events" RESTART IDENTITY CASCADE');
  await db.$disconnect();
  await provider.close();
});

describe("sign-in through a real OpenID provider", () => {
  it("asks for a code with PKCE (S256), state and nonce, at the registered redirect URI", async () => {
    const start = await signInRoute(new Request(`${PUBLIC}/api/auth/signin?next=/glossary`));
    const url = new URL(start.headers.get("location") ?? "");
    expect(url.origin).toBe(provider.issuer);
    const params = Object.fromEntries(url.searchParams);
    expect(params).toMatchObject({
      response_type: "code",
      client_id: provider.clientId,
      redirect_uri: `${PUBLIC}/api/auth/callback`,
      scope: "openid email profile",
      code_challenge_method: "S256",
    });
    expect(params.code_challenge).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(params.state).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(params.nonce).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const cookie = start.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/^alphascope_signin=[^;]+; Path=\/; Max-Age=600; HttpOnly; SameSite=Lax$/);
    // The verifier never leaves the server in the clear: the cookie is signed, the URL has only the challenge.
    expect(url.href).not.toContain("code_verifier");
  });

  it("signs a new person in as a viewer, with a session, an audit event, and back to where they were", async () => {
    const run = await signIn("ada@example.org", "/experiments/demo-sweep?alpha=1.5");
    expect(run.callback.status).toBe(303);
    expect(run.callback.headers.get("location")).toBe(`${PUBLIC}/experiments/demo-sweep?alpha=1.5`);
    expect(run.app.has("alphascope_session")).toBe(true);
    expect(run.app.has("alphascope_signin")).toBe(false);
    const me = await meRoute(new Request(`${PUBLIC}/api/auth/me`, { headers: { cookie: run.app.header() } }));
    expect(await me.json()).toEqual({
      mode: "oidc",
      user: { email: "ada@example.org", role: "viewer", via: "session", scope: "write" },
    });
    expect(await userByEmail(db, "ada@example.org")).toMatchObject({ role: "viewer", name: "Test ada" });
    const [event] = await listAuditEvents(db, { limit: 5 });
    expect(event).toMatchObject({
      actor: "user:ada@example.org",
      action: "user.signin",
      target: "user:ada@example.org",
      summary: `Signed in through ${provider.issuer}/`,
    });
  });

  it("keeps an existing user's role (an admin stays an admin), matching the e-mail whatever its case", async () => {
    await putUser(db, { email: "grace@example.org", role: "admin" });
    const run = await signIn("Grace@Example.org", "/");
    expect(run.callback.status).toBe(303);
    expect(await userByEmail(db, "grace@example.org")).toMatchObject({ role: "admin" });
    expect(await db.user.count()).toBe(1);
  });

  it("refuses an e-mail the provider did not verify: no user, no session", async () => {
    const run = await signIn(`${UNVERIFIED_PREFIX}eve@example.org`, "/");
    expect(run.callback.headers.get("location")).toBe(`${PUBLIC}/signin?error=unverified`);
    expect(run.app.has("alphascope_session")).toBe(false);
    expect(await db.user.count()).toBe(0);
    expect(await db.session.count()).toBe(0);
  });

  it("sends a foreign or tricky `next` home, never to another site", async () => {
    const run = await signIn("ada@example.org", "//evil.example/steal");
    expect(run.callback.headers.get("location")).toBe(`${PUBLIC}/`);
  });

  it("refuses a callback without the flow cookie, with another state, or replayed", async () => {
    const run = await signIn("ada@example.org", "/");
    expect(await db.session.count()).toBe(1);
    const replay = async (url: string, cookie: string) =>
      (await callbackRoute(new Request(url, { headers: { cookie } }))).headers.get("location");
    // Another browser (no flow cookie): a login CSRF attempt, or a stale tab.
    expect(await replay(run.callbackUrl, "")).toBe(`${PUBLIC}/signin?error=expired`);
    // A forged flow cookie (the signature does not match).
    expect(await replay(run.callbackUrl, "alphascope_signin=eyJzdGF0ZSI6IngifQ.AAAA")).toBe(
      `${PUBLIC}/signin?error=expired`,
    );

    // A fresh flow whose callback carries another state.
    const app = new CookieJar();
    const start = await signInRoute(new Request(`${PUBLIC}/api/auth/signin?next=/`));
    app.take(start);
    const state = new URL(start.headers.get("location") ?? "").searchParams.get("state") ?? "";
    const tampered = new URL(run.callbackUrl);
    tampered.searchParams.set("state", "not-the-state");
    expect(await replay(tampered.href, app.header())).toBe(`${PUBLIC}/signin?error=failed`);
    // The provider saying no (the person cancelled), with the right state.
    const refused = new URL(`${PUBLIC}/api/auth/callback`);
    refused.search = new URLSearchParams({ error: "access_denied", state, iss: provider.issuer }).toString();
    expect(await replay(refused.href, app.header())).toBe(`${PUBLIC}/signin?error=denied`);
    // The same code again, with its flow cookie (a stolen callback URL): the provider refuses a used code.
    expect(await replay(run.callbackUrl, run.flowCookie)).toBe(`${PUBLIC}/signin?error=failed`);
    expect(await db.session.count()).toBe(1);
  });
});
