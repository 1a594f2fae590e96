import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_EXPERIMENT, DEMO_EXPERIMENT_SLUG } from "../../lib/demo/experiment";
import { type RunningApp, startApp } from "../../scripts/support/server";
import { type BrowserSession, openBrowser } from "./browser";
import { cli, useAppDatabase } from "./operatorCli";

// One server of this file's own, started as a team server with personal tokens only
// (ALPHASCOPE_AUTH=tokens), its demo experiments team-visible; signIn.test.ts starts one with OIDC.
// Its users and tokens are made with the CLI on its database, as an operator would. Three things are
// checked on it, each with users of its own so that none depends on another's:
// - what an anonymous visitor's pages and API reads answer;
// - the browser: a page asked for sends to /signin, a pasted personal token signs in, the page reads
//   signed in with "Tokens" (and, for an admin, "Admin") in the header, and sign-out;
// - a team server fed by CI: every request names its caller by a personal token, and each role may
//   do what it may.

let app: RunningApp;
const secrets: Record<string, string> = {};
let restoreDatabaseUrl: () => void = () => {};

beforeAll(async () => {
  app = await startApp({ env: { ALPHASCOPE_AUTH: "tokens" } });
  restoreDatabaseUrl = await useAppDatabase(app);
  for (const role of ["viewer", "editor", "admin"]) {
    await cli("users", "add", `${role}@example.org`, "--role", role);
    secrets[role] = await cli("tokens", "create", "--user", `${role}@example.org`, "--name", `${role}-ci`);
  }
  for (const [key, email, role] of [
    ["browserViewer", "browser-viewer@example.org", "viewer"],
    ["browserAdmin", "browser-admin@example.org", "admin"],
  ]) {
    await cli("users", "add", email, "--role", role);
    secrets[key] = await cli("tokens", "create", "--user", email, "--name", "browser");
  }
});

afterAll(async () => {
  restoreDatabaseUrl();
  await app?.stop();
});

/** A fresh browser (no cookies) for the describe block it is called in, closed after it. */
function freshBrowser(): () => BrowserSession {
  let session: BrowserSession;
  beforeAll(async () => {
    session = await openBrowser();
  });
  afterAll(async () => {
    await session?.close();
  });
  return () => session;
}

function call(method: string, path: string, secret?: string, body?: unknown): Promise<Response> {
  return fetch(`${app.baseUrl}${path}`, {
    method,
    headers: {
      ...(secret ? { authorization: `Bearer ${secret}` } : {}),
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

const importBody = {
  experiment: "team-tokens",
  dryRun: true,
  files: [{ name: "run.jsonl", content: '{"alpha": 0, "problem": "q1", "n": 1, "pass": 1}\n' }],
};

/** Pastes a personal token into the sign-in page's form and sends it. */
async function signInWith(session: BrowserSession, secret: string): Promise<void> {
  const form = session.page.getByTestId("token-signin");
  await form.locator("#signin-token").fill(secret);
  await form.locator('button[type="submit"]').click();
}

describe("a team server with sign-in on, for an anonymous visitor", () => {
  it("sends a page of a team experiment to the sign-in page, back to the page asked for", async () => {
    const path = `/experiments/${DEMO_EXPERIMENT_SLUG}/scaling?alpha=0.5`;
    const response = await fetch(`${app.baseUrl}${path}`, { redirect: "manual" });
    expect([303, 307]).toContain(response.status);
    const location = new URL(response.headers.get("location") ?? "", app.baseUrl);
    expect(location.pathname).toBe("/signin");
    expect(location.searchParams.get("next")).toBe(path);
  });

  it("answers its API reads 401 and lists no team experiment; the API document stays public", async () => {
    const detail = await fetch(`${app.baseUrl}/api/experiments/${DEMO_EXPERIMENT_SLUG}`);
    expect(detail.status).toBe(401);
    expect(((await detail.json()) as { error: { code: string } }).error.code).toBe("unauthorized");
    const list = (await (await fetch(`${app.baseUrl}/api/experiments?limit=10`)).json()) as { total: number };
    expect(list.total).toBe(0);
    expect((await fetch(`${app.baseUrl}/api/openapi.json`)).status).toBe(200);
    const home = await fetch(`${app.baseUrl}/`);
    expect(home.status).toBe(200);
    expect(await home.text()).not.toContain(`/experiments/${DEMO_EXPERIMENT_SLUG}"`);
  });
});

describe("signing in with a personal token (ALPHASCOPE_AUTH=tokens)", () => {
  const browser = freshBrowser();

  it("sends an anonymous visitor to /signin, reads the page signed in, and signs out", {
    timeout: 120_000,
  }, async () => {
    const page = browser().page;
    const experimentPath = `/experiments/${DEMO_EXPERIMENT_SLUG}?alpha=1.5`;
    await page.goto(`${app.baseUrl}${experimentPath}`);
    await page.waitForURL((url) => url.pathname === "/signin");
    expect(new URL(page.url()).searchParams.get("next")).toBe(experimentPath);
    // Anonymous: no account entries in the header.
    expect(await page.getByRole("link", { name: "Tokens" }).count()).toBe(0);

    await signInWith(browser(), "not-a-token");
    await expect.poll(() => page.locator("#signin-token-error").count()).toBe(1);
    await signInWith(browser(), secrets.browserViewer);
    await page.waitForURL((url) => url.pathname === `/experiments/${DEMO_EXPERIMENT_SLUG}`);
    expect(new URL(page.url()).searchParams.get("alpha")).toBe("1.5");
    expect(await page.getByTestId("signed-in-as").textContent()).toBe("browser-viewer@example.org");
    await page.locator('.explorer[data-hydrated="true"]').waitFor();
    expect(await page.locator("h1").first().textContent()).toContain(DEMO_EXPERIMENT.name);
    const me = await page.evaluate(async () => (await fetch("/api/auth/me")).json());
    expect(me).toMatchObject({
      mode: "tokens",
      user: { email: "browser-viewer@example.org", role: "viewer" },
    });
    // The token itself is never kept by the browser: the session is an HttpOnly cookie.
    expect(await page.evaluate(() => document.cookie)).toBe("");
    const nav = page.getByRole("navigation", { name: "Main" });
    expect(await nav.getByRole("link", { name: "Tokens" }).getAttribute("href")).toBe("/settings/tokens");
    expect(await nav.getByRole("link", { name: "Admin" }).count()).toBe(0);

    await page.getByTestId("sign-out").click();
    await page.waitForURL((url) => url.pathname === "/" || url.pathname === "/signin");
    expect(await page.getByTestId("signed-in-as").count()).toBe(0);
    expect(await page.getByRole("link", { name: "Tokens" }).count()).toBe(0);
    expect(await page.evaluate(async () => (await fetch("/api/auth/me")).json())).toEqual({
      mode: "tokens",
      user: null,
    });
    // Signed out, the experiment is the sign-in page again.
    await page.goto(`${app.baseUrl}${experimentPath}`);
    await page.waitForURL((url) => url.pathname === "/signin");
  });

  it("shows an admin the Admin link, which opens the admin page", { timeout: 120_000 }, async () => {
    const page = browser().page;
    await page.goto(`${app.baseUrl}/signin?next=/`);
    await signInWith(browser(), secrets.browserAdmin);
    await page.waitForURL((url) => url.pathname === "/");
    expect(await page.getByTestId("signed-in-as").textContent()).toBe("browser-admin@example.org");
    const nav = page.getByRole("navigation", { name: "Main" });
    await nav.getByRole("link", { name: "Admin" }).click();
    await page.waitForURL((url) => url.pathname === "/admin");
    expect(await nav.getByRole("link", { name: "Admin" }).getAttribute("aria-current")).toBe("page");
    expect(await nav.getByRole("link", { name: "Tokens" }).count()).toBe(1);
  });
});

describe("a team server with personal tokens (ALPHASCOPE_AUTH=tokens)", () => {
  const browser = freshBrowser();

  it("refuses anonymous and viewer imports, lets an editor import and delete, and only an admin restore", async () => {
    const anonymous = await call("POST", "/api/imports", undefined, importBody);
    expect(anonymous.status).toBe(401);
    expect(((await anonymous.json()) as { error: { message: string } }).error.message).toContain(
      "Authorization: Bearer",
    );
    expect((await call("POST", "/api/imports", secrets.viewer, importBody)).status).toBe(403);
    const imported = await call("POST", "/api/imports", secrets.editor, importBody);
    expect(imported.status, await imported.text()).toBe(200);

    const experiment = `/api/experiments/${DEMO_EXPERIMENT_SLUG}`;
    expect((await call("DELETE", experiment, secrets.editor)).status).toBe(200);
    expect((await call("POST", `${experiment}/restore`, secrets.editor)).status).toBe(403);
    expect((await call("POST", `${experiment}/restore`, secrets.admin)).status).toBe(200);

    const trail = `/api/audit?experiment=${DEMO_EXPERIMENT_SLUG}`;
    expect((await call("GET", trail, secrets.editor)).status).toBe(403);
    const audit = (await (await call("GET", trail, secrets.admin)).json()) as {
      actor: string;
      action: string;
    }[];
    expect(audit.map(({ actor, action }) => [actor, action])).toEqual([
      ["user:admin@example.org (token admin-ci)", "experiment.restore"],
      ["user:editor@example.org (token editor-ci)", "experiment.delete"],
      // The demo loader's import at the server's start.
      ["system", "experiment.import"],
    ]);
  });

  it("lists a viewer's own tokens with when each was last used, and revokes one for good", async () => {
    const listed = (await (await call("GET", "/api/tokens", secrets.viewer)).json()) as {
      id: number;
      name: string;
      lastUsedAt: string | null;
    }[];
    expect(listed.map((token) => token.name)).toEqual(["viewer-ci"]);
    expect(listed[0].lastUsedAt).not.toBeNull();
    expect((await call("DELETE", `/api/tokens/${listed[0].id}`, secrets.viewer)).status).toBe(200);
    expect((await call("GET", "/api/tokens", secrets.viewer)).status).toBe(401);
  });

  it("sends a browser nobody signed in as from the tokens and admin pages to the sign-in page", async () => {
    for (const path of ["/settings/tokens", "/admin"]) {
      await browser().page.goto(`${app.baseUrl}${path}`);
      const landed = new URL(browser().page.url());
      expect(landed.pathname).toBe("/signin");
      expect(landed.searchParams.get("next")).toBe(path);
    }
  });
});
