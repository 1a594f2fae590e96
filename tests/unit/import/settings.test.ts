import { describe, expect, it } from "vitest";
import { DEFAULT_MAX_IMPORT_BYTES } from "@/lib/formats/limits";
import { importMaxBytes, SettingError } from "@/lib/import/settings";

describe("importMaxBytes", () => {
  it("reads plain digits, and falls back to 512 MiB when unset or empty", () => {
    expect(importMaxBytes({ ALPHASCOPE_IMPORT_MAX_BYTES: "1048576" })).toBe(1048576);
    expect(importMaxBytes({ ALPHASCOPE_IMPORT_MAX_BYTES: " 4096 " })).toBe(4096);
    expect(importMaxBytes({})).toBe(DEFAULT_MAX_IMPORT_BYTES);
    expect(importMaxBytes({ ALPHASCOPE_IMPORT_MAX_BYTES: "" })).toBe(DEFAULT_MAX_IMPORT_BYTES);
  });

  it.each(["abc", "0", "-1", "2.5", "1e9", "0x10", "512MB", "99999999999999999999"])(
    "refuses %j with a SettingError naming the variable",
    (value) => {
      expect(() => importMaxBytes({ ALPHASCOPE_IMPORT_MAX_BYTES: value })).toThrow(
        new SettingError(
          `ALPHASCOPE_IMPORT_MAX_BYTES must be a positive whole number of bytes (e.g. 536870912 for 512 MiB), got ${JSON.stringify(value)}.`,
        ),
      );
    },
  );
});
