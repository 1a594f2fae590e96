import { describe, expect, it } from "vitest";
import { DatabaseUnavailableError, NotFoundError } from "@/lib/server/errors";
import { readForPage } from "@/lib/server/pages";

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

  it("throws anything else on to the error boundary", async () => {
    const bug = new TypeError("undefined is not a function");
    await expect(
      readForPage(async () => {
        throw bug;
      }),
    ).rejects.toBe(bug);
  });
});
