import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { parseThemeChoice, THEME_BOOT_SCRIPT, THEME_STORAGE_KEY } from "@/components/browser/theme";
import { pageCsp, policyNonce } from "@/lib/server/securityHeaders";

/** Runs the head's theme script against a stored value; the data-theme it leaves on <html>. */
function bootWith(getItem: (key: string) => string | null): string | undefined {
  const dataset: Record<string, string> = {};
  runInNewContext(THEME_BOOT_SCRIPT, {
    window: { localStorage: { getItem } },
    document: { documentElement: { dataset } },
  });
  return dataset.theme;
}

describe("the theme script in every page's head", () => {
  it("applies a stored light or dark choice to <html> before the body is painted", () => {
    expect(bootWith((key) => (key === THEME_STORAGE_KEY ? "dark" : null))).toBe("dark");
    expect(bootWith((key) => (key === THEME_STORAGE_KEY ? "light" : null))).toBe("light");
  });

  it("leaves the system's preference in charge without a choice, with a foreign value, or without storage", () => {
    expect(bootWith(() => null)).toBeUndefined();
    expect(bootWith(() => "purple")).toBeUndefined();
    expect(
      bootWith(() => {
        throw new Error("SecurityError: storage is disabled");
      }),
    ).toBeUndefined();
  });
});

describe("theme choices", () => {
  it("reads light and dark, and anything else as following the system", () => {
    expect(parseThemeChoice("light")).toBe("light");
    expect(parseThemeChoice("dark")).toBe("dark");
    expect(parseThemeChoice("system")).toBe("system");
    expect(parseThemeChoice(null)).toBe("system");
    expect(parseThemeChoice("Dark")).toBe("system");
  });
});

describe("the page's nonce", () => {
  it("is read back from the policy the proxy gave the request", () => {
    expect(policyNonce(pageCsp("abc+/12==", false))).toBe("abc+/12==");
    expect(policyNonce(pageCsp("xyz", true))).toBe("xyz");
    expect(policyNonce(null)).toBeUndefined();
    expect(policyNonce("default-src 'self'")).toBeUndefined();
  });
});
