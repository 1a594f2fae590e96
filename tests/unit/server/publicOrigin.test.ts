import { describe, expect, it } from "vitest";
import { publicOrigin } from "@/lib/server/publicOrigin";

const forged = new Headers({
  host: "alphascope.internal:3000",
  "x-forwarded-host": "evil.example",
  "x-forwarded-proto": "https",
});

describe("the public origin of og:image links", () => {
  it("ignores X-Forwarded-Host/-Proto unless ALPHASCOPE_TRUST_PROXY says so", () => {
    expect(publicOrigin(forged, {})?.href).toBe("http://alphascope.internal:3000/");
    expect(publicOrigin(forged, { ALPHASCOPE_TRUST_PROXY: "1" })?.href).toBe("https://evil.example/");
  });

  it("prefers ALPHASCOPE_PUBLIC_URL over every header", () => {
    const env = { ALPHASCOPE_PUBLIC_URL: "https://scope.example.org/base/", ALPHASCOPE_TRUST_PROXY: "1" };
    expect(publicOrigin(forged, env)?.href).toBe("https://scope.example.org/");
  });

  it("is null without a usable host", () => {
    expect(publicOrigin(new Headers(), {})).toBeNull();
    expect(publicOrigin(new Headers({ host: "bad host" }), {})).toBeNull();
  });
});
