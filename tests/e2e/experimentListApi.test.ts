import { request as httpRequest } from "node:http";
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import type { ExperimentPage } from "@/lib/contracts/experimentListQuery";
import { RESOURCE_CSP, SECURITY_HEADERS } from "@/lib/server/securityHeaders";
import { baseUrl } from "./browser";

/** A raw GET or HEAD (fetch would decode gzip and hide the headers it was sent with). */
function raw(
  path: string,
  headers: Record<string, string> = {},
  method = "GET",
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  const url = new URL(baseUrl());
  return new Promise((resolve, reject) => {
    const sent = httpRequest({ host: url.hostname, port: url.port, path, method, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () =>
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }),
      );
    });
    sent.on("error", reject);
    sent.end();
  });
}

const PAGE = "/api/experiments?limit=2&sort=name";

// scripts/serve.ts answers list reads itself, ahead of Next: the answer must be the route's, with
// the headers Next would give it.
describe("GET /api/experiments under npm start", () => {
  it("answers a page with the route's body, its ETag and every response's headers", async () => {
    const answer = await raw(PAGE);
    expect(answer.status).toBe(200);
    const page = JSON.parse(answer.body.toString("utf8")) as ExperimentPage;
    expect(page.items.map((item) => item.name)).toHaveLength(2);
    expect(page.total).toBeGreaterThan(2);
    expect(typeof page.nextCursor).toBe("string");
    expect(answer.headers).toMatchObject({
      ...SECURITY_HEADERS,
      "content-security-policy": RESOURCE_CSP,
      "content-type": "application/json",
      "cache-control": "no-cache",
      "content-length": String(answer.body.length),
      vary: "Accept-Encoding",
    });
    expect(answer.headers.etag).toMatch(/^"[\w-]+"$/);
    // The server's own time for the answer, for the browser's Resource Timing (bench:list reads it).
    expect(answer.headers["server-timing"]).toMatch(/^read;dur=\d+\.\d$/);
    const next = await raw(`${PAGE}&cursor=${page.nextCursor}`);
    const second = JSON.parse(next.body.toString("utf8")) as ExperimentPage;
    expect(second.offset).toBe(2);
    expect(second.items.map((item) => item.slug)).not.toContain(page.items[0].slug);
  });

  it("gzips for a client that takes it, and answers HEAD and a current ETag without a body", async () => {
    const plain = await raw(PAGE);
    const gzipped = await raw(PAGE, { "accept-encoding": "gzip, deflate, br" });
    expect(gzipped.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(gzipped.body).equals(plain.body)).toBe(true);
    expect(gzipped.headers.etag).toBe(plain.headers.etag);
    const head = await raw(PAGE, {}, "HEAD");
    expect([head.status, head.body.length, head.headers.etag]).toEqual([200, 0, plain.headers.etag]);
    const current = await raw(PAGE, { "if-none-match": String(plain.headers.etag) });
    expect([current.status, current.body.length, current.headers.etag]).toEqual([304, 0, plain.headers.etag]);
  });

  it("answers the whole list as an array, and a bad query in the API's error shape", async () => {
    const whole = await raw("/api/experiments");
    expect(Array.isArray(JSON.parse(whole.body.toString("utf8")))).toBe(true);
    const bad = await raw("/api/experiments?limit=0");
    expect(bad.status).toBe(400);
    expect(bad.headers["cache-control"]).toBe("no-store");
    expect(bad.headers["x-content-type-options"]).toBe("nosniff");
    expect(JSON.parse(bad.body.toString("utf8")).error.code).toBe("bad_request");
  });
});
