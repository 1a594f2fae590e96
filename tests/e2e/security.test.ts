import { request as httpRequest } from "node:http";
import { connect } from "node:net";
import { networkInterfaces } from "node:os";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_EXPERIMENT_SLUG } from "../../lib/demo/experiment";
import { type BrowserSession, baseUrl, openBrowser } from "./browser";

let session: BrowserSession;
const violations: string[] = [];

beforeAll(async () => {
  session = await openBrowser();
  // Runs before the page's own scripts (injected by the browser, so the policy does not apply to it).
  await session.context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI}`);
    });
  });
  session.context.on("console", (message) => {
    const text = message.text();
    if (/CSP violation|Content Security Policy|Refused to/i.test(text)) violations.push(text);
  });
});

afterAll(async () => {
  await session.close();
});

/** Opens a page and waits until it is hydrated (an interactive element answers), returning its status. */
async function visit(path: string, ready: string): Promise<number | undefined> {
  const response = await session.page.goto(`${baseUrl()}${path}`);
  await session.page.locator(ready).first().waitFor();
  return response?.status();
}

describe("Content-Security-Policy", () => {
  it("is satisfied by every page: no violation reported on home, explorer, scaling, import and not-found", async () => {
    violations.length = 0;
    expect(await visit("/", "table")).toBe(200);
    expect(await visit(`/experiments/${DEMO_EXPERIMENT_SLUG}`, '[data-testid="frontier-svg"], svg')).toBe(
      200,
    );
    expect(
      await visit(`/experiments/${DEMO_EXPERIMENT_SLUG}/scaling`, '[data-testid="pass-at-k-chart"]'),
    ).toBe(200);
    // The ensemble search runs in a Web Worker, which the policy must allow.
    await session.page.getByTestId("search-button").click();
    await session.page.getByTestId("search-results").waitFor();
    expect(await visit("/import", "form")).toBe(200);
    expect(await visit("/no-such-page", "a.button")).toBe(404);
    expect(await visit("/experiments/no-such-experiment", "a.button")).toBe(404);
    // A client-side navigation after hydration still works under the policy.
    await session.page.locator("a.button").first().click();
    await session.page.waitForURL(`${baseUrl()}/`);
    await session.page.locator("table").waitFor();
    expect(violations).toEqual([]);
  });

  it("is satisfied by the glossary and the API page (both carry the pages' nonce)", async () => {
    violations.length = 0;
    expect(await visit("/glossary", '[data-testid="glossary-entry"]')).toBe(200);
    expect(await visit("/api", '[data-testid="api-operation"]')).toBe(200);
    const policy = (await fetch(`${baseUrl()}/api`)).headers.get("content-security-policy") ?? "";
    expect(policy).toMatch(/'nonce-[A-Za-z0-9+/=]+'/);
    expect(violations).toEqual([]);
  });

  it("keeps the page out of frames and gives each response its own nonce", async () => {
    const first = await fetch(`${baseUrl()}/import`);
    const second = await fetch(`${baseUrl()}/import`);
    const policy = first.headers.get("content-security-policy") ?? "";
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(policy).not.toContain("unsafe-inline' 'strict");
    expect(second.headers.get("content-security-policy")).not.toBe(policy);
    const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
    expect(await first.text()).toContain(`nonce="${nonce}"`);
  });
});

describe("security headers on every response", () => {
  it("are on a page, an API route, a static file and an error", async () => {
    const page = await fetch(`${baseUrl()}/`);
    const html = await page.text();
    const script = /src="(\/_next\/static\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    const answers = await Promise.all(
      ["/", "/api/experiments", "/icon.svg", `${script}`, "/api/experiments/Bad!", "/no-such-page"].map(
        (path) => fetch(`${baseUrl()}${path}`),
      ),
    );
    for (const response of answers) {
      const where = response.url;
      expect({ where, nosniff: response.headers.get("x-content-type-options") }).toEqual({
        where,
        nosniff: "nosniff",
      });
      expect({ where, referrer: response.headers.get("referrer-policy") }).toEqual({
        where,
        referrer: "same-origin",
      });
      expect(response.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
      expect(response.headers.get("x-powered-by")).toBeNull();
    }
  });
});

/**
 * A raw HTTP request: fetch cannot send a malformed path, oversized headers or its own Host.
 */
function raw(
  path: string,
  headers: Record<string, string> = {},
  options: { host?: string; method?: string; body?: string } = {},
): Promise<{ status: number; body: string; headers: Record<string, string | string[] | undefined> }> {
  const url = new URL(baseUrl());
  const { host = url.hostname, method = "GET", body } = options;
  return new Promise((resolve, reject) => {
    const request = httpRequest({ host, port: url.port, path, method, headers }, (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => {
        body += chunk;
      });
      response.on("end", () =>
        resolve({ status: response.statusCode ?? 0, body, headers: response.headers }),
      );
    });
    request.on("error", reject);
    request.end(body);
  });
}

/** A request written byte by byte on a socket (CONNECT, a method Node's parser does not know), its whole answer. */
function rawSocket(
  requestLine: string,
): Promise<{ status: number; headers: Record<string, string>; body: string }> {
  const url = new URL(baseUrl());
  return new Promise((resolve, reject) => {
    const socket = connect(Number(url.port), url.hostname, () =>
      socket.write(`${requestLine}\r\nHost: ${url.host}\r\nConnection: close\r\n\r\n`),
    );
    let answer = "";
    socket.setEncoding("utf8");
    socket.on("data", (chunk: string) => {
      answer += chunk;
    });
    socket.on("error", reject);
    socket.on("end", () => {
      const [head, ...body] = answer.split("\r\n\r\n");
      const [statusLine, ...lines] = head.split("\r\n");
      const headers = Object.fromEntries(
        lines.map((line) => [
          line.slice(0, line.indexOf(":")).toLowerCase(),
          line.slice(line.indexOf(":") + 1).trim(),
        ]),
      );
      resolve({ status: Number(statusLine.split(" ")[1]), headers, body: body.join("\r\n\r\n") });
    });
  });
}

describe("every method a route does not serve: 405 with Allow, in the error shape", () => {
  const refusal = { error: { code: "method_not_allowed", message: "This route answers GET only." } };

  it.each(["TRACE", "PROPFIND", "MKCOL", "PROPPATCH", "LOCK", "SEARCH", "QUERY", "PURGE", "PUT", "DELETE"])(
    "%s /api/experiments (a method Node's parser knows)",
    async (method) => {
      const answer = await raw("/api/experiments", {}, { method });
      expect(answer.status).toBe(405);
      expect(answer.headers.allow).toBe("GET, HEAD, OPTIONS");
      expect(answer.headers["content-type"]).toBe("application/json");
      expect(JSON.parse(answer.body)).toEqual(refusal);
    },
  );

  it("TRACE on a route with parameters answers that route's Allow; a served method still works", async () => {
    const trace = await raw(
      `/api/experiments/${DEMO_EXPERIMENT_SLUG}/frontier?difficulty=all`,
      {},
      { method: "TRACE" },
    );
    expect([trace.status, trace.headers.allow]).toEqual([405, "GET, HEAD, OPTIONS"]);
    const views = await raw(`/api/experiments/${DEMO_EXPERIMENT_SLUG}/views`, {}, { method: "PROPFIND" });
    expect([views.status, views.headers.allow]).toEqual([405, "GET, POST, HEAD, OPTIONS"]);
    expect((await raw("/api/health")).status).toBe(200);
    expect((await raw("/api/health", {}, { method: "HEAD" })).status).toBe(200);
  });

  it("a method Node's parser refuses (BREW) and CONNECT get the same answer", async () => {
    for (const line of ["BREW /api/experiments HTTP/1.1", "CONNECT /api/experiments HTTP/1.1"]) {
      const answer = await rawSocket(line);
      expect({ line, status: answer.status, allow: answer.headers.allow }).toEqual({
        line,
        status: 405,
        allow: "GET, HEAD, OPTIONS",
      });
      expect(JSON.parse(answer.body)).toEqual(refusal);
    }
  });

  it("on an unknown API path a non-standard method is 404, on a page 405 with Allow: GET, HEAD", async () => {
    const unknown = await raw("/api/no-such-route", {}, { method: "PROPFIND" });
    expect([unknown.status, JSON.parse(unknown.body).error.code]).toEqual([404, "not_found"]);
    const page = await raw(`/experiments/${DEMO_EXPERIMENT_SLUG}`, {}, { method: "TRACE" });
    expect([page.status, page.headers.allow, JSON.parse(page.body).error.code]).toEqual([
      405,
      "GET, HEAD",
      "method_not_allowed",
    ]);
  });
});

describe("statuses the server answers itself, in the error shape", () => {
  it("400 for a malformed percent-encoding, 431 for oversized headers, 405 for an unserved method", async () => {
    const malformed = await raw("/api/experiments/%ff");
    expect(malformed.status).toBe(400);
    expect(JSON.parse(malformed.body).error.code).toBe("bad_request");
    const pageMalformed = await raw("/experiments/%ff");
    expect(pageMalformed.status).toBe(400);
    const oversized = await raw("/api/experiments", { "x-padding": "a".repeat(64 * 1024) });
    expect(oversized.status).toBe(431);
    expect(JSON.parse(oversized.body).error.code).toBe("headers_too_large");
    const wrongMethod = await fetch(`${baseUrl()}/api/experiments`, { method: "DELETE" });
    expect(wrongMethod.status).toBe(405);
    expect((await wrongMethod.json()).error.code).toBe("method_not_allowed");
  });

  it("404 for an unknown experiment, on the explorer and the scaling page", async () => {
    expect((await fetch(`${baseUrl()}/experiments/no-such-experiment`)).status).toBe(404);
    expect((await fetch(`${baseUrl()}/experiments/no-such-experiment/scaling`)).status).toBe(404);
    expect((await fetch(`${baseUrl()}/experiments/${DEMO_EXPERIMENT_SLUG}`)).status).toBe(200);
  });
});

/** An address of this machine that is not loopback, if it has one. */
function externalAddress(): string | undefined {
  return Object.values(networkInterfaces())
    .flat()
    .find((address) => address && address.family === "IPv4" && !address.internal)?.address;
}

describe("writes without a token (loopback mode, the default)", () => {
  const body = JSON.stringify({
    experiment: "remote-write",
    files: [{ name: "run.jsonl", content: '{"alpha": 0, "problem": "q1", "n": 1, "pass": 1}\n' }],
    dryRun: true,
  });

  it("are accepted from this machine and refused through a reverse proxy's forwarding header", async () => {
    const post = (headers: Record<string, string>) =>
      fetch(`${baseUrl()}/api/imports`, {
        method: "POST",
        body,
        headers: { "content-type": "application/json", ...headers },
      });
    expect((await post({})).status).toBe(200);
    const forwarded = await post({ "x-forwarded-for": "203.0.113.9" });
    expect(forwarded.status).toBe(403);
    // A client cannot claim to be local: the server replaces the header.
    expect((await post({ "x-forwarded-for": "203.0.113.9", "x-alphascope-client": "local" })).status).toBe(
      403,
    );
  });

  it.runIf(externalAddress())("are refused from another address, even one claiming to be local", async () => {
    // Connected through this machine's network address: the server sees a non-loopback peer.
    const headers = {
      host: `localhost:${new URL(baseUrl()).port}`,
      "content-type": "application/json",
      "x-alphascope-client": "local",
    };
    const response = await raw("/api/imports", headers, { host: externalAddress(), method: "POST", body });
    expect(response.status).toBe(403);
    expect(JSON.parse(response.body).error.code).toBe("forbidden");
  });
});
