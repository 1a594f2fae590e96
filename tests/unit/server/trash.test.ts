import { describe, expect, it } from "vitest";
import { SettingError } from "@/lib/import/settings";
import { purgeDate, requestActor, trashDays } from "@/lib/server/trash";

describe("trashDays", () => {
  it("reads plain digits (0 purges at the next run), and falls back to 30 when unset or empty", () => {
    expect(trashDays({ ALPHASCOPE_TRASH_DAYS: "7" })).toBe(7);
    expect(trashDays({ ALPHASCOPE_TRASH_DAYS: " 90 " })).toBe(90);
    expect(trashDays({ ALPHASCOPE_TRASH_DAYS: "0" })).toBe(0);
    expect(trashDays({})).toBe(30);
    expect(trashDays({ ALPHASCOPE_TRASH_DAYS: "" })).toBe(30);
  });

  it.each(["abc", "-1", "2.5", "1e3", "0x10", "30d", "36501"])(
    "refuses %j with a SettingError naming the variable",
    (value) => {
      expect(() => trashDays({ ALPHASCOPE_TRASH_DAYS: value })).toThrow(
        new SettingError(
          `ALPHASCOPE_TRASH_DAYS must be a whole number of days from 0 to 36500 (e.g. 30), got ${JSON.stringify(value)}.`,
        ),
      );
    },
  );
});

describe("purgeDate", () => {
  it("is the deletion time plus whole days", () => {
    expect(purgeDate(new Date("2026-01-31T10:00:00.000Z"), 30).toISOString()).toBe(
      "2026-03-02T10:00:00.000Z",
    );
    expect(purgeDate(new Date("2026-01-31T10:00:00.000Z"), 0).toISOString()).toBe("2026-01-31T10:00:00.000Z");
  });
});

describe("requestActor", () => {
  it("names the shared token when the server has one, else the local machine", () => {
    expect(requestActor({ NODE_ENV: "test", ALPHASCOPE_WRITE_TOKEN: "secret" })).toBe("token");
    expect(requestActor({ NODE_ENV: "test" })).toBe("local");
  });
});
