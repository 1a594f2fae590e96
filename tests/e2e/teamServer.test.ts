import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FrontierData } from "../../lib/contracts/types";
import { DEMO_EXPERIMENT_SLUG } from "../../lib/demo/experiment";
import { type RunningApp, startApp } from "../../scripts/support/server";
import { openBrowser } from "./browser";

// A second server of its own, started like a team server (with a write token), so that its
// database can be stopped without disturbing the rest of the browser suite.

const TOKEN = "team-secret";
let app: RunningApp;

beforeAll(async () => {
  app = await startApp({ env: { ALPHASCOPE_WRITE_TOKEN: TOKEN } });
});

afterAll(async () => {
  await app.stop();
});

const importBody = JSON.stringify({
  experiment: "team-write",
  dryRun: true,
  files: [{ name: "run.jsonl", content: '{"alpha": 0, "problem": "q1", "n": 1, "pass": 1}\n' }],
});

function postImport(headers: Record<string, string>): Promise<Response> {
  return fetch(`${app.baseUrl}/api/imports`, {
    method: "POST",
    body: importBody,
    headers: { "content-type": "application/json", ...headers },
  });
}

describe("a team server (ALPHASCOPE_WRITE_TOKEN set)", () => {
  it("says so at start and asks every writer, local ones included, for the token", async () => {
    expect(app.log()).toContain("Write mode: token");
    expect((await postImport({})).status).toBe(401);
    expect((await postImport({ authorization: "Bearer wrong" })).status).toBe(403);
    expect((await postImport({ authorization: `Bearer ${TOKEN}` })).status).toBe(200);
  });

  it("shares from the browser once the token is exchanged for its cookie, which no script can read, and not after it is forgotten", {
    timeout: 240_000,
  }, async () => {
    const frontier = `${app.baseUrl}/api/experiments/${DEMO_EXPERIMENT_SLUG}/frontier`;
    await expect
      .poll(async () => ((await (await fetch(frontier)).json()) as FrontierData).status, { timeout: 180_000 })
      .toBe("ready");
    const session = await openBrowser();
    try {
      const page = session.page;
      await page.goto(`${app.baseUrl}/experiments/${DEMO_EXPERIMENT_SLUG}?alpha=1.5`);
      await page.locator('.explorer[data-hydrated="true"]').waitFor();
      await page.getByTestId("share").click();
      await expect
        .poll(() => page.getByTestId("share-status").textContent())
        .toContain("requires a write token");
      expect(await page.getByTestId("share-url").count()).toBe(0);
      await page.getByTestId("saved-views").locator("summary").click();
      await page.getByTestId("write-token").fill(TOKEN);
      await page.getByRole("button", { name: "Unlock writes" }).click();
      await page.getByTestId("write-token-forget").waitFor();
      // The token is nowhere a script on the page can read it: not in storage, not in document.cookie.
      const readable = await page.evaluate(() => ({
        session: JSON.stringify({ ...window.sessionStorage }),
        local: JSON.stringify({ ...window.localStorage }),
        cookie: document.cookie,
        field:
          (document.querySelector('[data-testid="write-token"]') as HTMLInputElement | null)?.value ?? "",
      }));
      expect(readable).toEqual({
        session: "{}",
        local: expect.not.stringContaining(TOKEN),
        cookie: "",
        field: "",
      });
      const cookies = await page.context().cookies(app.baseUrl);
      const write = cookies.find((cookie) => cookie.name === "alphascope_write");
      expect(write).toMatchObject({ httpOnly: true, sameSite: "Strict" });
      expect(write?.value).not.toContain(TOKEN);
      await page.getByTestId("share").click();
      expect(await page.getByTestId("share-url").inputValue()).toMatch(/\/s\/[A-Za-z0-9_-]{8}$/);

      // After a reload the browser still writes (the cookie, not the tab's memory); once forgotten, no longer.
      await page.reload();
      await page.locator('.explorer[data-hydrated="true"]').waitFor();
      await page.getByTestId("saved-views").locator("summary").click();
      await page.getByTestId("write-token-forget").click();
      await page.getByTestId("write-token").waitFor();
      expect(
        (await page.context().cookies(app.baseUrl)).some((cookie) => cookie.name === "alphascope_write"),
      ).toBe(false);
      await page.getByTestId("share").click();
      await expect
        .poll(() => page.getByTestId("share-status").textContent())
        .toContain("requires a write token");
    } finally {
      await session.close();
    }
  });

  it("answers 503 with a retry hint on pages and API routes while PostgreSQL is down", async () => {
    // postmaster.pid: the server's pid on line 1, its port on line 4.
    const [pid, , , pgPort] = readFileSync(join(app.dataDir, "postmaster.pid"), "utf8").split("\n");
    process.kill(Number(pid), "SIGINT");
    await expect
      .poll(async () => (await fetch(`${app.baseUrl}/api/health`)).status, { timeout: 30_000 })
      .toBe(503);

    const page = await fetch(`${app.baseUrl}/`);
    expect(page.status).toBe(503);
    expect(page.headers.get("retry-after")).toBe("5");
    expect(page.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    const html = await page.text();
    expect(html).toContain("The database is not reachable");
    expect(html).toContain("reloads by itself");
    expect(html).not.toContain(pgPort);
    expect(html).not.toMatch(/127\.0\.0\.1|ECONNREFUSED/);

    const api = await fetch(`${app.baseUrl}/api/experiments`);
    expect(api.status).toBe(503);
    const body = await api.text();
    expect(JSON.parse(body).error.code).toBe("database_unavailable");
    expect(body).not.toContain(pgPort);
  });
});
