import { describe, expect, it } from "vitest";
import { formatBytes, formatDuration, formatTransfer } from "@/lib/views/transferProgress";

describe("formatTransfer", () => {
  it("shows bytes, percent, MB/s and time left", () => {
    // 150 MB of 600 MB in 3 s: 50 MB/s, 450 MB left → 9 s.
    expect(formatTransfer({ bytesDone: 150e6, bytesTotal: 600e6, elapsedMs: 3000 })).toBe(
      "150.0 MB of 600.0 MB (25%) · 50.0 MB/s · 9 s left",
    );
  });

  it("leaves out speed and time left before a second has passed or a byte is done", () => {
    expect(formatTransfer({ bytesDone: 5e6, bytesTotal: 20e6, elapsedMs: 999 })).toBe(
      "5.0 MB of 20.0 MB (25%)",
    );
    expect(formatTransfer({ bytesDone: 0, bytesTotal: 20e6, elapsedMs: 5000 })).toBe(
      "0.0 kB of 20.0 MB (0%)",
    );
  });

  it("rounds the percentage down, so 100% means done", () => {
    expect(formatTransfer({ bytesDone: 999, bytesTotal: 1000, elapsedMs: 0 })).toBe("1.0 kB of 1.0 kB (99%)");
    expect(formatTransfer({ bytesDone: 0, bytesTotal: 0, elapsedMs: 0 })).toBe("0.0 kB of 0.0 kB (100%)");
  });
});

describe("formatBytes and formatDuration", () => {
  it("picks kB, MB or GB", () => {
    expect(formatBytes(845_200)).toBe("845.2 kB");
    expect(formatBytes(12_340_000)).toBe("12.3 MB");
    expect(formatBytes(2_514_000_000)).toBe("2.51 GB");
  });

  it("formats durations in s, min and h", () => {
    expect(formatDuration(12_400)).toBe("12 s");
    expect(formatDuration(245_000)).toBe("4 min 05 s");
    expect(formatDuration(3_720_000)).toBe("1 h 02 min");
  });
});
