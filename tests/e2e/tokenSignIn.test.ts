import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_EXPERIMENT, DEMO_EXPERIMENT_SLUG } from "../../lib/demo/experiment";
import { type RunningApp, startApp } from "../../scripts/support/server";
import { type BrowserSession, openBrowser } from "./browser";
import { cli, useAppDatabase } from "./operatorCli";

// A team server of its own with personal tokens only (ALPHASCOPE_AUTH=tokens), as signIn.test.ts
// starts one with OIDC: a browser that asks for a page is sent to /signin, pastes a personal token
// (made with the CLI on the server's database, as an operator would) into the token form, reads the
// page signed in with "Tokens" (and, for an admin, "Admin") in the header, and signs out.

let app: RunningApp;
let session: BrowserSession;
const secrets: Record<string, string> = {};
let restoreDatabaseUrl: () => void = () => {};

beforeAll(async () => {
  app = await startApp({ env: { ALPHASCOPE_AUTH: "tokens" } });
  restoreDatabaseUrl = await useAppDatabase(app);
  for (const role of ["viewer", "admin"]) {
    await cli("users", "add", `${role}@example.org`, "--role", role);
    secrets[role] = await cli("tokens", "create", "--user", `${role}@example.org`, "--name", "browser");
  }
  session = await openBrowser();
});

afterAll(async () => {
  restoreDatabaseUrl();
  await session?.close();
  await app?.stop();
});

/** Pastes a personal token into the sign-in page's form and sends it. */
async function signInWith(secret: string): Promise<void> {
  const form = session.page.getByTestId("token-signin");
  await form.locator("#signin-token").fill(secret);
  await form.locator('button[type="submit"]').click();
}

describe("signing in with a personal token (ALPHASCOPE_AUTH=tokens)", () => {
  it("sends an anonymous visitor to /signin, reads the page signed in, and signs out", {
    timeout: 120_000,
  }, async () => {
    const page = session.page;
    const experimentPath = `/experiments/${DEMO_EXPERIMENT_SLUG}?alpha=1.5`;
    await page.goto(`${app.baseUrl}${experimentPath}`);
    await page.waitForURL((url) => url.pathname === "/signin");
    expect(new URL(page.url()).searchParams.get("next")).toBe(experimentPath);
    // Anonymous: no account entries in the header.
    expect(await page.getByRole("link", { name: "Tokens" }).count()).toBe(0);

    await signInWith("not-a-token");
    await expect.poll(() => page.locator("#signin-token-error").count()).toBe(1);
    await signInWith(secrets.viewer);
    await page.waitForURL((url) => url.pathname === `/experiments/${DEMO_EXPERIMENT_SLUG}`);
    expect(new URL(page.url()).searchParams.get("alpha")).toBe("1.5");
    expect(await page.getByTestId("signed-in-as").textContent()).toBe("viewer@example.org");
    await page.locator('.explorer[data-hydrated="true"]').waitFor();
    expect(await page.locator("h1").first().textContent()).toContain(DEMO_EXPERIMENT.name);
    const me = await page.evaluate(async () => (await fetch("/api/auth/me")).json());
    expect(me).toMatchObject({ mode: "tokens", user: { email: "viewer@example.org", role: "viewer" } });
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
    const page = session.page;
    await page.goto(`${app.baseUrl}/signin?next=/`);
    await signInWith(secrets.admin);
    await page.waitForURL((url) => url.pathname === "/");
    expect(await page.getByTestId("signed-in-as").textContent()).toBe("admin@example.org");
    const nav = page.getByRole("navigation", { name: "Main" });
    await nav.getByRole("link", { name: "Admin" }).click();
    await page.waitForURL((url) => url.pathname === "/admin");
    expect(await nav.getByRole("link", { name: "Admin" }).getAttribute("aria-current")).toBe("page");
    expect(await nav.getByRole("link", { name: "Tokens" }).count()).toBe(1);
  });
});
