import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_EXPERIMENT_SLUG } from "../../lib/demo/experiment";
import { type RunningApp, startApp } from "../../scripts/support/server";

// A server of its own with sign-in on (personal tokens), its demo experiments team-visible: what an
// anonymous visitor's pages and API reads answer.

let app: RunningApp;

beforeAll(async () => {
  app = await startApp({ env: { ALPHASCOPE_AUTH: "tokens" } });
});

afterAll(async () => {
  await app.stop();
});

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
