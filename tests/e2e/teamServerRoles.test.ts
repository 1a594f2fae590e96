import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_EXPERIMENT_SLUG } from "../../lib/demo/experiment";
import { type RunningApp, startApp } from "../../scripts/support/server";
import { type BrowserSession, openBrowser } from "./browser";
import { cli, useAppDatabase } from "./operatorCli";

// A server of its own started as a team server fed by CI (ALPHASCOPE_AUTH=tokens): its users and
// tokens are made with the CLI on its database, as an operator would, and every request names its
// caller by a personal token.

let app: RunningApp;
let session: BrowserSession;
const secrets: Record<string, string> = {};
let restoreDatabaseUrl: () => void = () => {};

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

beforeAll(async () => {
  app = await startApp({ env: { ALPHASCOPE_AUTH: "tokens" } });
  restoreDatabaseUrl = await useAppDatabase(app);
  for (const role of ["viewer", "editor", "admin"]) {
    await cli("users", "add", `${role}@example.org`, "--role", role);
    secrets[role] = await cli("tokens", "create", "--user", `${role}@example.org`, "--name", `${role}-ci`);
  }
  session = await openBrowser();
});

afterAll(async () => {
  restoreDatabaseUrl();
  await session?.close();
  await app?.stop();
});

describe("a team server with personal tokens (ALPHASCOPE_AUTH=tokens)", () => {
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
      await session.page.goto(`${app.baseUrl}${path}`);
      const landed = new URL(session.page.url());
      expect(landed.pathname).toBe("/signin");
      expect(landed.searchParams.get("next")).toBe(path);
    }
  });
});
