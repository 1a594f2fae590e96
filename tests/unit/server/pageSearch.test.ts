import { describe, expect, it } from "vitest";
import { pageQueryString } from "@/lib/server/pageSearch";

describe("pageQueryString", () => {
  it("keeps the first value of a repeated key and drops absent ones", () => {
    expect(pageQueryString({ alpha: "1.25", difficulty: ["hard", "easy"], x: undefined })).toBe(
      "alpha=1.25&difficulty=hard",
    );
  });

  it("re-encodes values so the client parses exactly what was sent", () => {
    expect(pageQueryString({ members: "-0.75:84,1.5:83" })).toBe("members=-0.75%3A84%2C1.5%3A83");
  });
});
