import { describe, expect, it } from "vitest";
import { type TraceEvent, timePerEvent, timePerPhase } from "@/scripts/support/traceEvents";

const MAIN = { pid: 1, tid: 7 };
const span = (name: string, ts: number, dur: number, thread = MAIN): TraceEvent => ({
  name,
  ph: "X",
  ...thread,
  ts,
  dur,
});

/** A renderer trace of two tasks. */
const EVENTS: TraceEvent[] = [
  { name: "thread_name", ph: "M", ...MAIN, ts: 0, args: { name: "CrRendererMain" } },
  { name: "thread_name", ph: "M", pid: 1, tid: 8, ts: 0, args: { name: "Compositor" } },
  // A task of 10 ms: 1 ms of its own, an event handler of 6 ms that forces a 2-ms layout, then 3 ms of style.
  span("RunTask", 0, 10_000),
  span("EventDispatch", 1_000, 6_000),
  span("FunctionCall", 1_500, 5_000),
  span("Layout", 3_000, 2_000),
  span("UpdateLayoutTree", 7_000, 3_000),
  // Unnamed work inside the handler is the handler's.
  span("SomethingInternal", 5_500, 500),
  // Another thread's work is not the main thread's.
  span("Paint", 0, 50_000, { pid: 1, tid: 8 }),
  // A paint in a later task.
  span("RunTask", 20_000, 4_000),
  span("Paint", 20_500, 1_500),
];

describe("timePerPhase", () => {
  it("charges each event's self time to the innermost phase around it, on the renderer's main thread only", () => {
    const ms = Object.fromEntries(timePerPhase(EVENTS).map(({ phase, ms }) => [phase, ms]));
    expect(ms).toEqual({ script: 4, style: 3, layout: 2, paint: 1.5, other: 1 + 2.5 });
  });

  it("is all zero without a renderer main thread", () => {
    expect(timePerPhase([span("Layout", 0, 1_000)]).every((phase) => phase.ms === 0)).toBe(true);
  });
});

describe("timePerEvent", () => {
  it("adds up each event name's self time with the phase it was charged to, largest first", () => {
    expect(timePerEvent(EVENTS)).toEqual([
      { name: "RunTask", phase: "other", ms: 1 + 2.5 },
      { name: "UpdateLayoutTree", phase: "style", ms: 3 },
      { name: "FunctionCall", phase: "script", ms: 2.5 },
      { name: "Layout", phase: "layout", ms: 2 },
      { name: "Paint", phase: "paint", ms: 1.5 },
      { name: "EventDispatch", phase: "script", ms: 1 },
      { name: "SomethingInternal", phase: "script", ms: 0.5 },
    ]);
  });
});
