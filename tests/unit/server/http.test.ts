import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ApiError, DatabaseUnavailableError, NotFoundError } from "@/lib/server/errors";
import { acceptsGzip, errorResponse, handle, parseJsonBody, parseSearchParams } from "@/lib/server/http";

describe("the API error shape", () => {
  it("answers an ApiError with its status, code and message", async () => {
    const response = errorResponse(new NotFoundError('No experiment "x".'));
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: { code: "not_found", message: 'No experiment "x".' } });
  });

  it("turns a refused connection anywhere in the cause chain into 503 database_unavailable", async () => {
    const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
    const wrapped = new Error("query failed", { cause: new AggregateError([refused]) });
    const response = errorResponse(wrapped);
    expect(response.status).toBe(503);
    expect((await response.json()).error.code).toBe("database_unavailable");
  });

  it("recognises Prisma's connection errors, including a raw query's P2010 wrapping DatabaseNotReachable", async () => {
    const adapterError = (kind: string) =>
      Object.assign(new Error(kind), { cause: { kind, host: "127.0.0.1", port: 54329 } });
    const prismaError = (code: string, driverAdapterError?: Error) =>
      Object.assign(new Error("Can't reach database server at 127.0.0.1:54329"), {
        code,
        meta: driverAdapterError ? { driverAdapterError } : {},
      });
    for (const error of [
      prismaError("P1001"),
      prismaError("P1017"),
      prismaError("P2010", adapterError("DatabaseNotReachable")),
      prismaError("P2010", adapterError("ConnectionClosed")),
      prismaError("P2010", Object.assign(new Error("x"), { cause: { kind: "postgres", code: "57P01" } })),
    ]) {
      const response = errorResponse(error);
      expect(response.status).toBe(503);
      expect(response.headers.get("retry-after")).toBe("5");
      const text = await response.text();
      expect(JSON.parse(text).error.code).toBe("database_unavailable");
      expect(text).not.toContain("54329");
    }
  });

  it("answers 422 invalid_input when PostgreSQL refuses a value (too long, NUL byte, out of range)", async () => {
    const refused = (code: string) =>
      Object.assign(new Error("raw"), {
        code: "P2010",
        meta: { driverAdapterError: { cause: { kind: "postgres", code } } },
      });
    for (const error of [
      refused("22021"),
      refused("22008"),
      refused("54000"),
      Object.assign(new Error(), { code: "P2020" }),
    ]) {
      const response = errorResponse(error);
      expect(response.status).toBe(422);
      expect((await response.json()).error.code).toBe("invalid_input");
    }
  });

  it("hides the text of an unexpected error behind a generic 500", async () => {
    const original = console.error;
    console.error = () => {};
    try {
      const response = await handle(async () => {
        throw new Error("secret internals");
      });
      expect(response.status).toBe(500);
      expect(await response.json()).toEqual({
        error: { code: "internal", message: "Internal server error" },
      });
    } finally {
      console.error = original;
    }
  });

  it("keeps a DatabaseUnavailableError's status", () => {
    expect(errorResponse(new DatabaseUnavailableError(null)).status).toBe(503);
    expect(errorResponse(new ApiError(409, "conflict", "taken")).status).toBe(409);
  });
});

describe("request parsing", () => {
  const schema = z.object({ k: z.coerce.number().int().positive() });

  it("returns the parsed query parameters", () => {
    expect(parseSearchParams(new Request("http://x/api?k=10"), schema)).toEqual({ k: 10 });
  });

  it("names the offending query parameter in a 400", () => {
    try {
      parseSearchParams(new Request("http://x/api?k=-3"), schema);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ApiError);
      expect((error as ApiError).status).toBe(400);
      expect((error as ApiError).message).toMatch(/^Invalid query parameter "k": /);
    }
  });

  it("refuses a body that is not JSON", async () => {
    const request = new Request("http://x/api", {
      method: "POST",
      body: "{not json",
      headers: { "content-type": "application/json" },
    });
    await expect(parseJsonBody(request, schema)).rejects.toThrow(
      "The request body is not valid JSON (UTF-8).",
    );
  });

  it("refuses (415) a body that is not declared application/json, before reading it", async () => {
    for (const type of [
      "text/plain",
      "application/x-www-form-urlencoded",
      "multipart/form-data; boundary=x",
    ]) {
      const request = new Request("http://x/api", {
        method: "POST",
        body: '{"k": 1}',
        headers: { "content-type": type },
      });
      await expect(parseJsonBody(request, schema)).rejects.toMatchObject({ status: 415 });
      expect(request.bodyUsed).toBe(false);
    }
  });
});

describe("acceptsGzip", () => {
  it("takes gzip when named or covered by *, with any weight but 0", () => {
    expect(acceptsGzip("gzip, deflate, br, zstd")).toBe(true);
    expect(acceptsGzip("br;q=1.0, GZIP;q=0.5")).toBe(true);
    expect(acceptsGzip("*")).toBe(true);
    expect(acceptsGzip("x-gzip")).toBe(true);
  });

  it("refuses gzip when absent, weighted 0 or excluded from *", () => {
    expect(acceptsGzip(undefined)).toBe(false);
    expect(acceptsGzip("")).toBe(false);
    expect(acceptsGzip("identity")).toBe(false);
    expect(acceptsGzip("br, deflate")).toBe(false);
    expect(acceptsGzip("gzip;q=0")).toBe(false);
    expect(acceptsGzip("*, gzip;q=0")).toBe(false);
  });
});
