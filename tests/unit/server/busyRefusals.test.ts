import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { RefusalPacer, serverRefusalPacer } from "@/lib/server/busyRefusals";

/** A refusal to pace: whether it was sent, and a way to make its client leave. */
function refusal(pacer: RefusalPacer) {
  const state = { sent: 0, leave: () => {} };
  pacer.pace(
    () => state.sent++,
    (gone) => {
      state.leave = gone;
    },
  );
  return state;
}

describe("RefusalPacer", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("sends a refusal once, after the pause", () => {
    const pacer = new RefusalPacer({ delayMs: 1000, maxPending: 4 });
    const first = refusal(pacer);
    expect(pacer.waiting).toBe(1);
    vi.advanceTimersByTime(999);
    expect(first.sent).toBe(0);
    vi.advanceTimersByTime(1);
    expect(first.sent).toBe(1);
    expect(pacer.waiting).toBe(0);
    first.leave(); // the response's close after it was sent: nothing more happens
    vi.advanceTimersByTime(5000);
    expect(first.sent).toBe(1);
    expect(pacer.waiting).toBe(0);
  });

  it("sends at once beyond maxPending waiting refusals, and again once a place frees", () => {
    const pacer = new RefusalPacer({ delayMs: 1000, maxPending: 2 });
    const held = [refusal(pacer), refusal(pacer)];
    const third = refusal(pacer);
    expect(third.sent).toBe(1);
    expect(pacer.waiting).toBe(2);
    held[0].leave();
    expect(pacer.waiting).toBe(1);
    const fourth = refusal(pacer);
    expect(fourth.sent).toBe(0);
    vi.advanceTimersByTime(1000);
    expect([held[1].sent, fourth.sent]).toEqual([1, 1]);
  });

  it("drops the refusal of a client that left, and frees its place", () => {
    const pacer = new RefusalPacer({ delayMs: 1000, maxPending: 1 });
    const gone = refusal(pacer);
    gone.leave();
    gone.leave();
    expect(pacer.waiting).toBe(0);
    vi.advanceTimersByTime(2000);
    expect(gone.sent).toBe(0);
  });

  it("sends at once with no pause", () => {
    const pacer = new RefusalPacer({ delayMs: 0, maxPending: 8 });
    expect(refusal(pacer).sent).toBe(1);
    expect(pacer.waiting).toBe(0);
  });
});

describe("serverRefusalPacer", () => {
  it("pauses a second and holds at most 256 refusals by default", () => {
    expect(serverRefusalPacer().pacing).toEqual({ delayMs: 1000, maxPending: 256 });
    expect(serverRefusalPacer()).toBe(serverRefusalPacer());
  });
});
