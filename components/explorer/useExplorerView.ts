"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { flushSync } from "react-dom";
import { type ExplorerView, parseView, serializeView, type ViewContext } from "@/lib/client/viewState";

/**
 * How a view change reaches the browser history:
 * - "push": a discrete change (metric, filter, toggle, click) gets its own history entry;
 * - "step": a keyboard step; quick repeats replace the entry they started, so holding an arrow key
 *   does not flood history;
 * - "live": one frame of a drag; the URL follows at a throttled rate by replacing the entry;
 * - "release": the end of a drag; the entry the drag started from is restored and the final view
 *   pushed, so Back returns to where the drag began.
 */
export type HistoryMode = "push" | "step" | "live" | "release";

const STEP_COALESCE_MS = 700;
const LIVE_THROTTLE_MS = 250;

/** Runs a task when the browser is idle (soon after, where requestIdleCallback does not exist). */
function whenIdle(task: () => void): void {
  if (typeof window.requestIdleCallback === "function") window.requestIdleCallback(task, { timeout: 500 });
  else window.setTimeout(task, 50);
}

function urlOf(view: ExplorerView): string {
  return `${window.location.pathname}?${serializeView(view).toString()}`;
}

function currentUrl(): string {
  return `${window.location.pathname}${window.location.search}`;
}

/**
 * The explorer's view state, initialised from the URL the page was opened with and kept in the URL
 * from then on. Back/forward restore the view of that entry.
 */
export function useExplorerView(context: ViewContext, initialSearch: string) {
  const [parsed] = useState(() => parseView(new URLSearchParams(initialSearch), context));
  const [view, setViewState] = useState(parsed.view);
  // The latest view, so that `updateView` can stay one stable function (memoized charts keep it).
  const latest = useRef(view);
  latest.current = view;
  const [notices, setNotices] = useState(parsed.notices);
  const history = useRef({
    entryBeforeDrag: null as string | null,
    lastStepAt: 0,
    lastLiveAt: 0,
    livePending: false,
  });

  useEffect(() => {
    const onPopState = () => {
      const next = parseView(new URLSearchParams(window.location.search), context);
      setViewState(next.view);
      setNotices(next.notices);
    };
    window.addEventListener("popstate", onPopState);
    return () => window.removeEventListener("popstate", onPopState);
  }, [context]);

  /**
   * Applies a change to the view and records it in history. A drag frame renders synchronously so
   * the marker and scores follow the pointer within the same event.
   */
  const updateView = useCallback((change: Partial<ExplorerView>, mode: HistoryMode) => {
    const next = { ...latest.current, ...change };
    latest.current = next;
    if (mode === "live") flushSync(() => setViewState(next));
    else setViewState(next);
    const url = urlOf(next);
    const state = history.current;
    const now = performance.now();
    if (mode === "live") {
      state.entryBeforeDrag ??= currentUrl();
      if (!state.livePending && now - state.lastLiveAt >= LIVE_THROTTLE_MS) {
        // Next.js re-renders its router on every history write: do it when the browser is idle,
        // not inside a drag frame, with whatever α the drag has reached by then.
        state.livePending = true;
        whenIdle(() => {
          state.livePending = false;
          state.lastLiveAt = performance.now();
          if (state.entryBeforeDrag !== null) window.history.replaceState(null, "", urlOf(latest.current));
        });
      }
      return;
    }
    if (mode === "release" && state.entryBeforeDrag !== null) {
      const before = state.entryBeforeDrag;
      state.entryBeforeDrag = null;
      window.history.replaceState(null, "", before);
      if (before !== url) window.history.pushState(null, "", url);
      return;
    }
    if (url === currentUrl()) return;
    const coalesce = mode === "step" && now - state.lastStepAt < STEP_COALESCE_MS;
    state.lastStepAt = mode === "step" ? now : 0;
    if (coalesce) window.history.replaceState(null, "", url);
    else window.history.pushState(null, "", url);
  }, []);

  const dismissNotices = useCallback(() => setNotices([]), []);

  /** The link that reopens the current view. */
  const shareUrl = useCallback(
    () => `${window.location.origin}${window.location.pathname}?${serializeView(latest.current).toString()}`,
    [],
  );

  return { view, updateView, shareUrl, notices, dismissNotices };
}
