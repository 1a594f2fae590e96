import { describe, expect, it, vi } from "vitest";
import type { Db } from "@/lib/db/client";
import {
  DatabaseProbe,
  healthResponse,
  isHealthCheck,
  PROBE_FRESH_MS,
  PROBE_MAX_AGE_MS,
} from "@/lib/server/health";

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
    const answer = await healthResponse(new DatabaseProbe(probeDb(async () => [{ "?column?": 1 }])));
    expect(answer.status).toBe(200);
    expect(answer.headers.get("cache-control")).toBe("no-store");
    expect(answer.headers.get("content-type")).toBe("application/json");
    const body = await answer.json();
    expect(body).toEqual({
      status: "ok",
      database: { ok: true, latencyMs: expect.any(Number), ageMs: expect.any(Number) },
    });
  });

  it("answers 503 in the error shape, with a retry hint and without the driver's reason, when it does not", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const answer = await healthResponse(
      new DatabaseProbe(
        probeDb(async () => {
          throw new Error("connect ECONNREFUSED 127.0.0.1:5432");
        }),
      ),
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

/**
 * A database whose probes wait until the test answers them, one by one, and a clock the test sets:
 * what a check gives depends only on the probes' answers and the time between them.
 */
function scriptedProbe() {
  const pending: { resolve: (rows: unknown) => void; reject: (error: Error) => void }[] = [];
  let time = 0;
  const db = probeDb(
    () =>
      new Promise((resolve, reject) => {
        pending.push({ resolve, reject });
      }),
  );
  const probe = new DatabaseProbe(db, () => time);
  const settled = () => new Promise((resolve) => setImmediate(resolve));
  return {
    probe,
    /** Probes the database was asked for so far. */
    asked: () => pending.length,
    setTime: (ms: number) => {
      time = ms;
    },
    /** Answers probe `index` (in the order asked), then lets the checks waiting on it go on. */
    async answer(index: number, up: boolean) {
      if (up) pending[index].resolve([{ "?column?": 1 }]);
      else pending[index].reject(new Error("connect ECONNREFUSED"));
      await settled();
    },
  };
}

/** A scripted probe whose first check has been answered: the database was up at time 0. */
async function probedOnce() {
  const db = scriptedProbe();
  const first = db.probe.answer();
  await db.answer(0, true);
  await first;
  return db;
}

describe("DatabaseProbe", () => {
  it("makes the first check wait for a probe, and checks in flight together share it", async () => {
    const db = scriptedProbe();
    const first = db.probe.answer();
    const second = db.probe.answer();
    expect(db.asked()).toBe(1);
    await db.answer(0, true);
    expect((await first).health.ok).toBe(true);
    expect((await second).health.ok).toBe(true);
  });

  it("gives a fresh answer as it is, without asking the database", async () => {
    const db = await probedOnce();
    db.setTime(PROBE_FRESH_MS);
    expect(await db.probe.answer()).toEqual({
      health: expect.objectContaining({ ok: true }),
      ageMs: PROBE_FRESH_MS,
    });
    expect(db.asked()).toBe(1);
  });

  it("gives an answer up to the maximum age at once while one new probe runs, then the new one", async () => {
    const db = await probedOnce();
    db.setTime(PROBE_FRESH_MS + 1);
    expect((await db.probe.answer()).ageMs).toBe(PROBE_FRESH_MS + 1);
    db.setTime(PROBE_MAX_AGE_MS);
    expect((await db.probe.answer()).ageMs).toBe(PROBE_MAX_AGE_MS);
    expect(db.asked()).toBe(2);
    await db.answer(1, true);
    expect((await db.probe.answer()).ageMs).toBe(0);
    expect(db.asked()).toBe(2);
  });

  it("makes a check wait for a new probe once the last answer is older than the maximum age", async () => {
    const db = await probedOnce();
    db.setTime(PROBE_MAX_AGE_MS + 1);
    let given = false;
    const check = db.probe.answer().then((answer) => {
      given = true;
      return answer;
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(given).toBe(false);
    await db.answer(1, false);
    expect(await check).toEqual({ health: expect.objectContaining({ ok: false }), ageMs: 0 });
  });

  it("reports a database that stopped answering from the first check after the probe that found it", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const db = scriptedProbe();
    const first = healthResponse(db.probe);
    await db.answer(0, true);
    expect((await first).status).toBe(200);
    db.setTime(PROBE_FRESH_MS + 1);
    expect((await healthResponse(db.probe)).status).toBe(200);
    await db.answer(1, false);
    const after = await healthResponse(db.probe);
    log.mockRestore();
    expect(after.status).toBe(503);
    expect((await after.json()).database).toEqual({ ok: false, latencyMs: expect.any(Number), ageMs: 0 });
  });
});
