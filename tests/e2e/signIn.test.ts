import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_EXPERIMENT, DEMO_EXPERIMENT_SLUG } from "../../lib/demo/experiment";
import { freePort } from "../../scripts/support/freePort";
import { type RunningApp, startApp } from "../../scripts/support/server";
import { startOidcProvider, type TestProvider } from "../support/oidcProvider";
import { type BrowserSession, openBrowser } from "./browser";

// A team server of its own (ALPHASCOPE_AUTH=oidc) against a real OpenID provider on loopback
// (oidc-provider, started here at http://localhost:<port>, another site than the app at
// http://127.0.0.1:<port>): a person signs in in Chromium through the provider's login and consent
// pages, sees the experiment signed in, signs out and is anonymous again — with no CSP violation on
// alphascope's pages along the way.

let provider: TestProvider;
let app: RunningApp;
let session: BrowserSession;
const violations: string[] = [];

beforeAll(async () => {
  const port = await freePort();
  const publicUrl = `http://127.0.0.1:${port}`;
  provider = await startOidcProvider({ redirectUris: [`${publicUrl}/api/auth/callback`] });
  app = await startApp({
    port,
    env: {
      ALPHASCOPE_AUTH: "oidc",
      ALPHASCOPE_OIDC_ISSUER: provider.issuer,
      ALPHASCOPE_OIDC_CLIENT_ID: provider.clientId,
      ALPHASCOPE_OIDC_CLIENT_SECRET: provider.clientSecret,
      ALPHASCOPE_PUBLIC_URL: publicUrl,
    },
  });
  session = await openBrowser();
  await session.context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      console.error(
        `CSP violation on ${location.origin}: ${event.violatedDirective} blocked ${event.blockedURI}`,
      );
    });
  });
  session.context.on("console", (message) => {
    const text = message.text();
    if (text.includes(`CSP violation on ${app.baseUrl}`)) violations.push(text);
  });
});

afterAll(async () => {
  await session?.close();
  await app?.stop();
  await provider?.close();
});

describe("signing in through the team's OpenID provider", () => {
  it("says at start how people sign in", () => {
    expect(app.log()).toContain(`Sign-in: OpenID Connect through ${provider.issuer}/`);
    expect(app.log()).toContain(`redirect URI ${app.baseUrl}/api/auth/callback`);
  });

  it("goes from anonymous to signed in on the experiment's page, and back out", {
    timeout: 120_000,
  }, async () => {
    const page = session.page;
    const experimentPath = `/experiments/${DEMO_EXPERIMENT_SLUG}?alpha=1.5`;
    await page.goto(`${app.baseUrl}${experimentPath}`);
    // Anonymous: the sign-in page (once reads need a sign-in), or the page with "Sign in" in its header.
    if (!new URL(page.url()).pathname.startsWith("/signin")) await page.getByTestId("sign-in-link").click();
    await page.waitForURL((url) => url.pathname === "/signin");
    expect(new URL(page.url()).searchParams.get("next")).toBe(experimentPath);
    await expect
      .poll(() => page.getByTestId("signin-provider").textContent())
      .toBe(`Sign in with ${new URL(provider.issuer).host}`);

    await page.getByTestId("signin-provider").click();
    await page.waitForURL((url) => url.origin === provider.issuer);
    await page.locator('input[name="login"]').fill("ada@example.org");
    await page.locator('input[name="password"]').fill("any password");
    await page.locator('button[type="submit"]').click();
    // The provider asks once whether alphascope may know the e-mail and name.
    await page.waitForURL(
      (url) => url.origin === provider.issuer && url.pathname.startsWith("/interaction/"),
    );
    await page.locator('button[type="submit"]').click();

    await page.waitForURL(
      (url) => url.origin === app.baseUrl && url.pathname === `/experiments/${DEMO_EXPERIMENT_SLUG}`,
    );
    expect(new URL(page.url()).searchParams.get("alpha")).toBe("1.5");
    expect(await page.getByTestId("signed-in-as").textContent()).toBe("ada@example.org");
    await page.locator('.explorer[data-hydrated="true"]').waitFor();
    expect(await page.locator("h1").first().textContent()).toContain(DEMO_EXPERIMENT.name);
    const me = await page.evaluate(async () => (await fetch("/api/auth/me")).json());
    expect(me).toEqual({
      mode: "oidc",
      user: { email: "ada@example.org", role: "viewer", via: "session", scope: "write" },
    });
    // The session cookie is out of reach of the page's scripts (HttpOnly).
    expect(await page.evaluate(() => document.cookie)).not.toContain("alphascope_session");
    const cookies = await session.context.cookies(app.baseUrl);
    expect(cookies.find((cookie) => cookie.name === "alphascope_session")).toMatchObject({
      httpOnly: true,
      sameSite: "Lax",
      path: "/",
    });

    await page.getByTestId("sign-out").click();
    await page.waitForURL((url) => url.origin === app.baseUrl && url.pathname === "/");
    expect(await page.getByTestId("sign-in-link").isVisible()).toBe(true);
    expect(await page.getByTestId("signed-in-as").count()).toBe(0);
    expect(await page.evaluate(async () => (await fetch("/api/auth/me")).json())).toEqual({
      mode: "oidc",
      user: null,
    });
    expect(violations).toEqual([]);
  });
});
