/** A Chrome trace event (the Tracing domain's `dataCollected` values), as much as we read. */
export interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  /** Start and duration in µs. */
  ts: number;
  dur?: number;
  args?: { name?: string };
}

export type Phase = "script" | "style" | "layout" | "paint" | "other";

/** The phase each of the renderer's timeline events belongs to; the rest is "other". */
const PHASE_OF: Record<string, Phase> = {
  FunctionCall: "script",
  EvaluateScript: "script",
  EventDispatch: "script",
  TimerFire: "script",
  FireAnimationFrame: "script",
  RunMicrotasks: "script",
  "v8.execute": "script",
  MinorGC: "script",
  MajorGC: "script",
  "V8.GC_SCAVENGER": "script",
  UpdateLayoutTree: "style",
  RecalculateStyles: "style",
  ParseAuthorStyleSheet: "style",
  Layout: "layout",
  PrePaint: "paint",
  Paint: "paint",
  Layerize: "paint",
  UpdateLayer: "paint",
  UpdateLayerTree: "paint",
  CompositeLayers: "paint",
  Commit: "paint",
};

const PHASES: Phase[] = ["script", "style", "layout", "paint", "other"];

/** The renderer main thread's complete events, each with its self time in ms and the phase it charges. */
function mainThreadSelfTimes(events: readonly TraceEvent[]): { name: string; phase: Phase; ms: number }[] {
  const main = events.find(
    (e) => e.ph === "M" && e.name === "thread_name" && e.args?.name === "CrRendererMain",
  );
  if (!main) return [];
  const timed: { name: string; phase: Phase; ms: number }[] = [];
  const spans = events
    .filter((e) => e.ph === "X" && e.pid === main.pid && e.tid === main.tid && (e.dur ?? 0) > 0)
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  // Open spans, outermost first, each with the phase it charges and its children's time so far.
  const open: { name: string; end: number; phase: Phase | null; dur: number; children: number }[] = [];
  const close = () => {
    const done = open.pop();
    if (!done) return;
    timed.push({ name: done.name, phase: done.phase ?? "other", ms: (done.dur - done.children) / 1000 });
    const parent = open[open.length - 1];
    if (parent) parent.children += done.dur;
  };
  for (const span of spans) {
    const dur = span.dur ?? 0;
    while (open.length > 0 && open[open.length - 1].end <= span.ts) close();
    const inherited = open[open.length - 1]?.phase ?? null;
    open.push({
      name: span.name,
      end: span.ts + dur,
      phase: PHASE_OF[span.name] ?? inherited,
      dur,
      children: 0,
    });
  }
  while (open.length > 0) close();
  return timed;
}

/**
 * Time of the renderer's main thread (the thread named CrRendererMain) per phase, in ms: every
 * complete event's self time (its duration less its children's) goes to the phase of the innermost
 * event around it, itself included, that has one; task overhead and unnamed work are "other".
 */
export function timePerPhase(events: readonly TraceEvent[]): { phase: Phase; ms: number }[] {
  const totals = new Map<Phase, number>(PHASES.map((phase) => [phase, 0]));
  for (const { phase, ms } of mainThreadSelfTimes(events)) totals.set(phase, (totals.get(phase) ?? 0) + ms);
  return PHASES.map((phase) => ({ phase, ms: totals.get(phase) ?? 0 }));
}

/** The main thread's self time per event name with the phase it was charged to, largest first (ms). */
export function timePerEvent(events: readonly TraceEvent[]): { name: string; phase: Phase; ms: number }[] {
  const totals = new Map<string, { name: string; phase: Phase; ms: number }>();
  for (const { name, phase, ms } of mainThreadSelfTimes(events)) {
    const key = `${name} ${phase}`;
    const total = totals.get(key) ?? { name, phase, ms: 0 };
    total.ms += ms;
    totals.set(key, total);
  }
  return [...totals.values()].sort((a, b) => b.ms - a.ms);
}
