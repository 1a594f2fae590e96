"use client";

import { useCallback, useEffect, useMemo, useRef } from "react";
import { useShortcuts } from "./useShortcuts";

/**
 * Presentation mode of a page whose view carries `present` (see ./presentation): `enter` and
 * `leave` for the button, `f` and Esc as shortcuts. Entering also asks the browser for fullscreen
 * where it allows it; the layout never depends on that, so a refused request or a link opened with
 * present=1 (no user gesture, so no fullscreen) shows the same screen. Leaving the browser's
 * fullscreen (Esc there is the browser's, the page never sees it) leaves presentation mode too.
 */
export function usePresentation(present: boolean, setPresent: (present: boolean) => void) {
  const fullscreenRequested = useRef(false);

  const enter = useCallback(() => {
    setPresent(true);
    if (document.fullscreenEnabled && !document.fullscreenElement) {
      fullscreenRequested.current = true;
      document.documentElement.requestFullscreen().catch(() => {
        fullscreenRequested.current = false;
      });
    }
  }, [setPresent]);

  const leave = useCallback(() => {
    setPresent(false);
    if (fullscreenRequested.current && document.fullscreenElement) document.exitFullscreen().catch(() => {});
    fullscreenRequested.current = false;
  }, [setPresent]);

  useEffect(() => {
    const onFullscreenChange = () => {
      if (document.fullscreenElement || !fullscreenRequested.current) return;
      fullscreenRequested.current = false;
      setPresent(false);
    };
    document.addEventListener("fullscreenchange", onFullscreenChange);
    return () => document.removeEventListener("fullscreenchange", onFullscreenChange);
  }, [setPresent]);

  useShortcuts(
    useMemo(
      () => [
        { key: "f", group: "Presentation", description: "Enter presentation mode", run: enter },
        {
          key: "Escape",
          group: "Presentation",
          description: "Leave presentation mode",
          run: () => {
            if (present) leave();
          },
        },
      ],
      [enter, leave, present],
    ),
  );

  return { enter, leave };
}
