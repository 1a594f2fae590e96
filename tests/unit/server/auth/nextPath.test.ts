import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { safeNextPath } from "@/lib/server/auth/nextPath";

const BASE = "https://scope.example.org";

describe("safeNextPath", () => {
  it("keeps a path of this server with its query and fragment", () => {
    expect(safeNextPath("/experiments/demo?alpha=1.5#plot")).toBe("/experiments/demo?alpha=1.5#plot");
    expect(safeNextPath("/")).toBe("/");
    expect(safeNextPath("/a/../b")).toBe("/b");
  });

  it.each([
    null,
    undefined,
    "",
    "experiments/demo",
    "https://evil.example/",
    "//evil.example",
    "///evil.example",
    "/\\evil.example",
    "\\/evil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    "javascript:alert(1)",
    "data:text/html,x",
    "/signin",
    "/signin?next=/x",
    "/api/auth/signin?next=//evil.example",
    "/api/auth/callback?code=x",
    `/${"a".repeat(2000)}`,
  ])("sends %j home", (next) => {
    expect(safeNextPath(next)).toBe("/");
  });

  it("never leads off this origin, whatever the text (seeded property)", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: "binary", maxLength: 60 }),
        fc.constantFrom("", "/", "//", "/\\", "\\"),
        (tail, head) => {
          const target = safeNextPath(head + tail);
          expect(target.startsWith("/")).toBe(true);
          expect(new URL(target, BASE).origin).toBe(BASE);
        },
      ),
      { seed: 23, numRuns: 2000 },
    );
  });
});
