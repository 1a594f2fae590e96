import { describe, expect, it } from "vitest";
import { workerRestartPause } from "@/scripts/support/workerCommand";

describe("workerRestartPause", () => {
  it("waits a second, then doubles after each quick exit up to 30 s", () => {
    const pauses: number[] = [];
    let pause: number | null = null;
    for (let exit = 0; exit < 8; exit++) {
      pause = workerRestartPause(pause, 200);
      pauses.push(pause);
    }
    expect(pauses).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000]);
  });

  it("goes back to a second after a worker ran for a minute", () => {
    expect(workerRestartPause(30_000, 59_999)).toBe(30_000);
    expect(workerRestartPause(30_000, 60_000)).toBe(1_000);
  });
});
