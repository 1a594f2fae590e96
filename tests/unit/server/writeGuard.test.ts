import { describe, expect, it } from "vitest";
import {
  CLIENT_HEADER,
  classifyClient,
  clientAddress,
  isLoopbackAddress,
  trustsProxy,
} from "../../../lib/server/clientAddress";
import { ApiError } from "../../../lib/server/errors";
import { requireSameOrigin, requireWriteAccess, writeMode } from "../../../lib/server/writeGuard";

function post(headers: Record<string, string>): Request {
  return new Request("http://localhost:3000/api/imports", { method: "POST", headers });
}

function statusOf(check: () => void): number {
  try {
    check();
    return 200;
  } catch (error) {
    if (error instanceof ApiError) return error.status;
    throw error;
  }
}

describe("classifyClient", () => {
  it("marks loopback peers local and everything else remote", () => {
    for (const address of ["127.0.0.1", "127.1.2.3", "::1", "::ffff:127.0.0.1"]) {
      expect(isLoopbackAddress(address)).toBe(true);
      expect(classifyClient(address, {})).toBe("local");
    }
    for (const address of ["192.0.2.2", "10.0.0.1", "::ffff:10.0.0.1", "fe80::1", "localhost", ""]) {
      expect(classifyClient(address, {})).toBe("remote");
    }
    expect(classifyClient(undefined, {})).toBe("remote");
  });

  it("marks a loopback peer that relays for someone (a reverse proxy) remote", () => {
    for (const header of ["x-forwarded-for", "forwarded", "x-real-ip", "x-forwarded-host"]) {
      expect(classifyClient("127.0.0.1", { [header]: "203.0.113.9" })).toBe("remote");
    }
  });
});

describe("requireSameOrigin", () => {
  const host = { host: "localhost:3000" };

  it("lets same-origin browser requests and header-less clients (curl) through", () => {
    expect(statusOf(() => requireSameOrigin(post({})))).toBe(200);
    expect(statusOf(() => requireSameOrigin(post({ ...host, origin: "http://localhost:3000" })))).toBe(200);
    expect(statusOf(() => requireSameOrigin(post({ ...host, "sec-fetch-site": "same-origin" })))).toBe(200);
    expect(
      statusOf(() => requireSameOrigin(post({ ...host, referer: "http://localhost:3000/import" }))),
    ).toBe(200);
    // Host names compare without case and with the scheme's default port.
    expect(
      statusOf(() => requireSameOrigin(post({ host: "Team.Example:443", origin: "https://team.example" }))),
    ).toBe(200);
  });

  it("refuses every cross-site signal with 403", () => {
    const crossSite: Record<string, string>[] = [
      { ...host, origin: "http://evil.example" },
      { ...host, origin: "http://localhost:3001" },
      { ...host, origin: "null" },
      { ...host, "sec-fetch-site": "cross-site" },
      { ...host, "sec-fetch-site": "same-site" },
      { ...host, referer: "http://evil.example/page" },
      { origin: "http://localhost:3000" }, // no Host to compare with
    ];
    for (const headers of crossSite) expect(statusOf(() => requireSameOrigin(post(headers)))).toBe(403);
  });
});

describe("requireWriteAccess", () => {
  const local = { host: "localhost:3000", [CLIENT_HEADER]: "local" };

  it("without a token accepts only clients the server marked local, addressed by a loopback name", () => {
    const env = {} as NodeJS.ProcessEnv;
    expect(writeMode(env)).toBe("loopback");
    expect(statusOf(() => requireWriteAccess(post(local), env))).toBe(200);
    expect(statusOf(() => requireWriteAccess(post({ ...local, host: "127.0.0.1:3000" }), env))).toBe(200);
    expect(statusOf(() => requireWriteAccess(post({ ...local, host: "[::1]:3000" }), env))).toBe(200);
    expect(statusOf(() => requireWriteAccess(post({ ...local, [CLIENT_HEADER]: "remote" }), env))).toBe(403);
    expect(statusOf(() => requireWriteAccess(post({ host: "localhost:3000" }), env))).toBe(403);
    // DNS rebinding: a page of evil.example resolved to 127.0.0.1 reaches us as Host evil.example.
    expect(statusOf(() => requireWriteAccess(post({ ...local, host: "evil.example:3000" }), env))).toBe(403);
  });

  it("with a token requires it from everyone, local or not", () => {
    const env = { NODE_ENV: "test", ALPHASCOPE_WRITE_TOKEN: "s3cret" } as NodeJS.ProcessEnv;
    expect(writeMode(env)).toBe("token");
    expect(statusOf(() => requireWriteAccess(post(local), env))).toBe(401);
    expect(statusOf(() => requireWriteAccess(post({ ...local, authorization: "Bearer nope" }), env))).toBe(
      403,
    );
    expect(
      statusOf(() => requireWriteAccess(post({ host: "team.example", authorization: "Bearer s3cret" }), env)),
    ).toBe(200);
  });
});

describe("the client address for per-client limits", () => {
  it("is the TCP peer, unless a trusted proxy appended an X-Forwarded-For entry", () => {
    const headers = { "x-forwarded-for": "203.0.113.5, 198.51.100.2" };
    expect(clientAddress("10.0.0.1", headers, false)).toBe("10.0.0.1");
    expect(clientAddress("10.0.0.1", headers, true)).toBe("198.51.100.2");
    expect(clientAddress("10.0.0.1", {}, true)).toBe("10.0.0.1");
    expect(clientAddress(undefined, {}, false)).toBe("unknown");
  });

  it("trusts the proxy only when ALPHASCOPE_TRUST_PROXY says so", () => {
    expect(trustsProxy({})).toBe(false);
    expect(trustsProxy({ ALPHASCOPE_TRUST_PROXY: "0" })).toBe(false);
    expect(trustsProxy({ ALPHASCOPE_TRUST_PROXY: "true" })).toBe(true);
    expect(trustsProxy({ ALPHASCOPE_TRUST_PROXY: "1" })).toBe(true);
  });
});
