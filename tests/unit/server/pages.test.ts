import { describe, expect, it } from "vitest";
import { signInRequired } from "@/lib/server/auth/visibility";
import { DatabaseUnavailableError, NotFoundError } from "@/lib/server/errors";
import { readForPage, signInPath } from "@/lib/server/pages";

describe("readForPage", () => {
  it("hands over what the read returned, null included", async () => {
    expect(await readForPage(async () => ({ rows: 3 }))).toEqual({ kind: "data", data: { rows: 3 } });
    expect(await readForPage(async () => null)).toEqual({ kind: "data", data: null });
  });

  it("turns a missing thing into the not-found page and a database that is down into its own page", async () => {
    expect(
      await readForPage(async () => {
        throw new NotFoundError('No experiment "x".');
      }),
    ).toEqual({ kind: "not-found" });
    expect(
      await readForPage(async () => {
        throw new DatabaseUnavailableError(new Error("connect ECONNREFUSED 127.0.0.1:5432"));
      }),
    ).toEqual({ kind: "unavailable" });
  });

  it("sends an anonymous visitor of what is not public to the sign-in page", async () => {
    expect(
      await readForPage(async () => {
        throw signInRequired();
      }),
    ).toEqual({ kind: "sign-in" });
  });

  it("throws anything else on to the error boundary", async () => {
    const bug = new TypeError("undefined is not a function");
    await expect(
      readForPage(async () => {
        throw bug;
      }),
    ).rejects.toBe(bug);
  });
});

describe("signInPath", () => {
  it("comes back to the page asked for, its query included", () => {
    expect(signInPath("/experiments/demo?alpha=0.5&x=a b")).toBe(
      "/signin?next=%2Fexperiments%2Fdemo%3Falpha%3D0.5%26x%3Da+b",
    );
    expect(new URLSearchParams(signInPath("/s/AbCdEf12").split("?")[1]).get("next")).toBe("/s/AbCdEf12");
  });

  it("never sends the visitor on to another site", () => {
    for (const path of ["//evil.example/x", "/\\evil.example", "https://evil.example/", "", null])
      expect(signInPath(path)).toBe("/signin?next=%2F");
  });
});
