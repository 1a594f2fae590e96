"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { flushSync } from "react-dom";
import {
  createHistoryWriter,
  type HistoryPort,
  type HistoryWriter,
  type UpdateView,
  type UrlViewDefinition,
} from "../../lib/views/urlView";

/*
 * Why not nuqs (evaluated for this; it supports Next 16 and React 19): its parsers read one key at a
 * time and turn an invalid value into the default silently, while our views check values against
 * each other and against the experiment (a log scale only for a metric that allows one, a budget of
 * at least one sample per member, a split that sums to it) and tell the user which value was
 * ignored. And its history options are push or replace per update with a timer throttle, while a
 * drag here must render synchronously, write history only on release, and push there over the entry
 * the drag began from so Back returns there. Both would have to be rebuilt around
 * nuqs, so the whole mechanism is this one hook plus pure definitions.
 */

const browserHistory: HistoryPort = {
  current: () => `${window.location.pathname}${window.location.search}`,
  push: (url) => window.history.pushState(null, "", url),
  replace: (url) => window.history.replaceState(null, "", url),
  now: () => performance.now(),
};

/**
 * A page's view kept in its URL: read from the query string the page was opened with (so server and
 * browser render the same view), written back on every change under the shared history policy,
 * and restored from the URL on Back/Forward. `definition` and `context` should be stable (module
 * constant, memoized context).
 */
export function useUrlView<View extends object, Context>(
  definition: UrlViewDefinition<View, Context>,
  context: Context,
  initialSearch: string,
) {
  const [initial] = useState(() => definition.parse(new URLSearchParams(initialSearch), context));
  const [view, setViewState] = useState(initial.view);
  // The view as the URL has it: a drag writes the URL on release only, and what follows the URL
  // (the document title) follows it, since each title change costs the browser ~3 ms of a drag frame.
  const [recordedView, setRecordedView] = useState(initial.view);
  const [notices, setNotices] = useState(initial.notices);
  // The latest view, so that `updateView` and `shareUrl` stay stable functions (memoized charts keep them).
  const latest = useRef(initial.view);
  const writer = useRef<HistoryWriter | null>(null);
  // Cancels the held "typed" URL write scheduled after the next paint (see `viewShown`); null when none is.
  const cancelHeldWrite = useRef<(() => void) | null>(null);

  useEffect(() => {
    const onPopState = () => {
      const next = definition.parse(new URLSearchParams(window.location.search), context);
      latest.current = next.view;
      setViewState(next.view);
      setRecordedView(next.view);
      setNotices(next.notices);
    };
    window.addEventListener("popstate", onPopState);
    return () => window.removeEventListener("popstate", onPopState);
  }, [definition, context]);

  useEffect(() => () => cancelHeldWrite.current?.(), []);

  const linkOf = useCallback(
    () => `${window.location.pathname}?${definition.serialize(latest.current).toString()}`,
    [definition],
  );

  /** A drag frame renders synchronously, so everything that follows the pointer moves in the same event. */
  const updateView = useCallback<UpdateView<View>>(
    (change, mode) => {
      const next = { ...latest.current, ...change };
      latest.current = next;
      if (mode === "live") flushSync(() => setViewState(next));
      else {
        setViewState(next);
        setRecordedView(next);
      }
      writer.current ??= createHistoryWriter(browserHistory, linkOf);
      writer.current.record(mode);
    },
    [linkOf],
  );

  /**
   * The page shows the current view (a search's answer is on screen): a "typed" change's URL is
   * written after the frame that shows it (a task posted from that frame's animation callback runs
   * after its paint), so that its history writes come after the rows, not between key and rows.
   */
  const viewShown = useCallback(() => {
    if (cancelHeldWrite.current !== null) return;
    let task = 0;
    const frame = requestAnimationFrame(() => {
      task = window.setTimeout(() => {
        cancelHeldWrite.current = null;
        writer.current?.writeHeld();
      });
    });
    cancelHeldWrite.current = () => {
      cancelAnimationFrame(frame);
      clearTimeout(task);
    };
  }, []);

  const dismissNotices = useCallback(() => setNotices([]), []);

  /** The link that reopens the current view. */
  const shareUrl = useCallback(() => `${window.location.origin}${linkOf()}`, [linkOf]);

  return { view, recordedView, updateView, viewShown, shareUrl, notices, dismissNotices };
}
