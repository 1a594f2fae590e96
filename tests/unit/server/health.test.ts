import { describe, expect, it, vi } from "vitest";
import type { Db } from "@/lib/db/client";
import { healthResponse, isHealthCheck } from "@/lib/server/health";

/** A database handle whose only query, the probe's `SELECT 1`, answers or fails as told. */
function probeDb(answer: () => Promise<unknown>): Db {
  return { $queryRaw: answer } as unknown as Db;
}

describe("isHealthCheck", () => {
  it("is GET or HEAD /api/health, with any query, and nothing else", () => {
    expect(isHealthCheck("GET", "/api/health")).toBe(true);
    expect(isHealthCheck("HEAD", "/api/health?probe=1")).toBe(true);
    expect(isHealthCheck("OPTIONS", "/api/health")).toBe(false);
    expect(isHealthCheck("POST", "/api/health")).toBe(false);
    expect(isHealthCheck("GET", "/api/health/")).toBe(false);
    expect(isHealthCheck("GET", "/api/healthz")).toBe(false);
  });
});

describe("healthResponse", () => {
  it("answers 200 with the probe's latency when the database answers", async () => {
    const answer = await healthResponse(probeDb(async () => [{ "?column?": 1 }]));
    expect(answer.status).toBe(200);
    expect(answer.headers.get("cache-control")).toBe("no-store");
    expect(answer.headers.get("content-type")).toBe("application/json");
    const body = await answer.json();
    expect(body).toEqual({ status: "ok", database: { ok: true, latencyMs: expect.any(Number) } });
  });

  it("answers 503 in the error shape, with a retry hint and without the driver's reason, when it does not", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const answer = await healthResponse(
      probeDb(async () => {
        throw new Error("connect ECONNREFUSED 127.0.0.1:5432");
      }),
    );
    log.mockRestore();
    expect(answer.status).toBe(503);
    expect(answer.headers.get("retry-after")).toBe("5");
    const text = await answer.text();
    expect(JSON.parse(text)).toMatchObject({
      status: "degraded",
      database: { ok: false },
      error: { code: "database_unavailable" },
    });
    expect(text).not.toContain("ECONNREFUSED");
  });
});
