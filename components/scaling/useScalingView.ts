"use client";

import { useCallback, useEffect, useState } from "react";
import { parseScalingView, type ScalingContext, type ScalingView, serializeScalingView } from "./scalingView";

/**
 * The scaling page's view, read from the URL it was opened with and written back on every change:
 * "push" gives a discrete change its own history entry, "replace" (typing a number) updates the
 * current one. Back/forward restore the view of that entry.
 */
export function useScalingView(context: ScalingContext, initialSearch: string) {
  const [parsed] = useState(() => parseScalingView(new URLSearchParams(initialSearch), context));
  const [view, setViewState] = useState(parsed.view);
  const [notices, setNotices] = useState(parsed.notices);

  useEffect(() => {
    const onPopState = () => {
      const next = parseScalingView(new URLSearchParams(window.location.search), context);
      setViewState(next.view);
      setNotices(next.notices);
    };
    window.addEventListener("popstate", onPopState);
    return () => window.removeEventListener("popstate", onPopState);
  }, [context]);

  const setView = useCallback((next: ScalingView, mode: "push" | "replace") => {
    setViewState(next);
    const url = `${window.location.pathname}?${serializeScalingView(next).toString()}`;
    if (mode === "push") window.history.pushState(null, "", url);
    else window.history.replaceState(null, "", url);
  }, []);

  return { view, setView, notices, dismissNotices: () => setNotices([]) };
}
