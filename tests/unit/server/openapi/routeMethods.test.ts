import { describe, expect, it } from "vitest";
import { errorBody } from "@/lib/server/errorBody";
import { ROUTE_SPECS } from "@/lib/server/openapi/document";
import { refusedMethod, routeMethods } from "@/lib/server/openapi/routeMethods";

describe("the methods each API path serves, from ROUTE_SPECS", () => {
  it("finds every documented route's methods by a concrete path", () => {
    for (const spec of ROUTE_SPECS) {
      const path = spec.path.replace(/\{\w+\}/g, "x1");
      expect(routeMethods(path), spec.path).toEqual(Object.keys(spec.operations).map((m) => m.toUpperCase()));
    }
    expect(routeMethods("/api/experiments/demo/views/order")).toEqual(["PUT"]);
    expect(routeMethods("/api/nothing-here")).toBeNull();
  });
});

describe("refusedMethod", () => {
  it.each(["TRACE", "PROPFIND", "MKCOL", "BREW", "CONNECT", "PUT", "DELETE"])(
    "refuses %s on a read route with 405, its Allow, in the error shape",
    (method) => {
      const refusal = refusedMethod(method, "/api/experiments?x=1");
      expect(refusal?.status).toBe(405);
      expect(refusal?.headers).toEqual({ allow: "GET, HEAD, OPTIONS" });
      expect(errorBody(refusal as NonNullable<typeof refusal>)).toEqual({
        error: { code: "method_not_allowed", message: "This route answers GET only." },
      });
    },
  );

  it("lets each served method, HEAD and OPTIONS through to the route", () => {
    for (const method of ["GET", "HEAD", "OPTIONS"]) expect(refusedMethod(method, "/api/health")).toBeNull();
    expect(refusedMethod("PATCH", "/api/experiments/demo")).toBeNull();
    expect(refusedMethod("TRACE", "/api/experiments/demo")?.headers).toEqual({
      allow: "GET, PATCH, DELETE, HEAD, OPTIONS",
    });
  });

  it("answers a non-standard method 404 on an unknown API path and 405 on a page; standard ones go to Next", () => {
    expect(refusedMethod("PROPFIND", "/api/nothing-here")?.status).toBe(404);
    expect(refusedMethod("GET", "/api/nothing-here")).toBeNull();
    expect(refusedMethod("TRACE", "/experiments/demo")?.headers).toEqual({ allow: "GET, HEAD" });
    expect(refusedMethod("GET", "/experiments/demo")).toBeNull();
  });
});
