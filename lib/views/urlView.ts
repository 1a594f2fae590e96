/**
 * The pure half of URL-backed page views: what a page defines (parse and serialise its view), the
 * history policy every such page shares, and the value parsers their definitions have in common.
 * The React half is {@link useUrlView} in ./useUrlView.
 */

/** A view read from a URL, with one sentence per value that could not be used. */
export interface ParsedUrlView<View> {
  view: View;
  /** Shown to the user: which URL value was ignored and what is shown instead. */
  notices: string[];
}

/**
 * What a page keeps in its URL. Both functions are pure, so every page's rules are unit-tested
 * without a browser.
 */
export interface UrlViewDefinition<View, Context> {
  /**
   * Reads a view, checked against what the page has (its context). A missing value takes its
   * default silently, an invalid one takes its default and adds a notice. Never throws.
   */
  parse(params: URLSearchParams, context: Context): ParsedUrlView<View>;
  /** Writes the view's parameters in a fixed order, so one view always gives one link. */
  serialize(view: View): URLSearchParams;
}

/**
 * How a view change reaches the browser history:
 * - "push": a discrete change (a choice, a toggle, a click) gets its own entry;
 * - "replace": the change updates the current entry (typing a number);
 * - "step": a keyboard or wheel step; quick repeats replace the entry their run started, so holding
 *   a key does not flood history;
 * - "live": one frame of a drag; the URL is not written (see {@link createHistoryWriter});
 * - "release": the end of a drag; the final view is pushed over the entry the drag started from, so
 *   Back returns to where the drag began;
 * - "typed": a key typed into a search box; the URL is written as a "step" once the page shows the
 *   answer (see {@link HistoryWriter.writeHeld}), so the history write is not in the way of the rows.
 */
export type HistoryMode = "push" | "replace" | "step" | "live" | "release" | "typed";

/** Applies a change to a page's view and records it in history the given way. */
export type UpdateView<View> = (change: Partial<View>, mode: HistoryMode) => void;

/** What the history policy needs from the browser (injected, so the policy is tested on its own). */
export interface HistoryPort {
  /** Path and query of the current entry. */
  current(): string;
  push(url: string): void;
  replace(url: string): void;
  /** A monotonic clock in milliseconds. */
  now(): number;
}

/** Key steps closer together than this coalesce into one history entry. */
export const STEP_COALESCE_MS = 700;

/** The history policy of one page (see {@link createHistoryWriter}). */
export interface HistoryWriter {
  /** Records the view as it is now (`latestUrl`) the given way. */
  record(mode: HistoryMode): void;
  /**
   * Writes a "typed" change held until now, as a key step; nothing if none is held, or if the
   * current entry is another page's (a link was followed before the answer came: its URL is not
   * this page's to write).
   */
  writeHeld(): void;
}

/** The path of a URL without its query. */
const pathOf = (url: string) => url.split("?")[0];

/**
 * The history policy of every URL-backed view (see {@link HistoryMode}). `latestUrl` gives the
 * URL of the view as it is now.
 *
 * A drag writes the URL once, on release, and a search box once its answer is shown. A history
 * write costs a frame: Chromium serialises the entry's state (Next.js keeps its router tree there)
 * and Next.js re-renders its router and writes again. Profiled on a 41-α drag (`npm run bench:ui
 * -- --profile`), writes even throttled to four a second and deferred to idle time were the
 * longest tasks of the drag, delaying the next move; in a search (`npm run bench:list`), the two
 * writes of each keystroke ran while its answer was on its way and delayed the rows.
 */
export function createHistoryWriter(port: HistoryPort, latestUrl: () => string): HistoryWriter {
  let dragging = false;
  let lastStepAt = Number.NEGATIVE_INFINITY;
  /** The path of the page a held "typed" change belongs to; null when none is held. */
  let heldOn: string | null = null;

  function record(mode: HistoryMode): void {
    const now = port.now();
    if (mode === "live") {
      dragging = true;
      return;
    }
    if (mode === "typed") {
      heldOn ??= pathOf(port.current());
      return;
    }
    // Any write records the latest view, a held change with it.
    heldOn = null;
    const url = latestUrl();
    if (mode === "release" && dragging) {
      dragging = false;
      if (url !== port.current()) port.push(url);
      return;
    }
    if (url === port.current()) return;
    const coalesce = mode === "replace" || (mode === "step" && now - lastStepAt < STEP_COALESCE_MS);
    lastStepAt = mode === "step" ? now : Number.NEGATIVE_INFINITY;
    if (coalesce) port.replace(url);
    else port.push(url);
  }

  return {
    record,
    writeHeld() {
      if (heldOn === null) return;
      if (heldOn !== pathOf(port.current())) {
        heldOn = null;
        return;
      }
      record("step");
    },
  };
}

/** A number as a link writes it; accepts the typographic minus that α labels print. Null if not a number. */
export function parseNumberParam(text: string): number | null {
  const trimmed = text.trim().replace("−", "-");
  const value = Number(trimmed);
  return trimmed !== "" && Number.isFinite(value) ? value : null;
}

/** An on/off value: "1" or "true", "0" or "false"; null for anything else. */
export function parseFlagParam(text: string): boolean | null {
  if (text === "1" || text === "true") return true;
  if (text === "0" || text === "false") return false;
  return null;
}

/** The notice for an on/off parameter that is neither. */
export function flagNotice(key: string, text: string): string {
  return `Ignored ${key}=“${text}” (expected 0 or 1).`;
}

/** An α as a link writes it: at most 4 decimals, no trailing zeros. */
export function alphaParam(alpha: number): string {
  return String(Number(alpha.toFixed(4)));
}
