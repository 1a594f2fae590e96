import { describe, expect, it } from "vitest";
import { DEFAULT_UPLOAD_MAX_BYTES } from "@/lib/formats/limits";
import { importMaxBytes, SettingError, uploadMaxBytes } from "@/lib/import/settings";

describe("importMaxBytes", () => {
  it("reads plain digits, and sets no limit when unset or empty", () => {
    expect(importMaxBytes({ ALPHASCOPE_IMPORT_MAX_BYTES: "1048576" })).toBe(1048576);
    expect(importMaxBytes({ ALPHASCOPE_IMPORT_MAX_BYTES: " 4096 " })).toBe(4096);
    expect(importMaxBytes({})).toBeUndefined();
    expect(importMaxBytes({ ALPHASCOPE_IMPORT_MAX_BYTES: "" })).toBeUndefined();
  });

  it("caps an upload at 8 GiB unless the variable says otherwise", () => {
    expect(DEFAULT_UPLOAD_MAX_BYTES).toBe(8 * 2 ** 30);
    expect(uploadMaxBytes({})).toBe(DEFAULT_UPLOAD_MAX_BYTES);
    expect(uploadMaxBytes({ ALPHASCOPE_IMPORT_MAX_BYTES: "4096" })).toBe(4096);
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
