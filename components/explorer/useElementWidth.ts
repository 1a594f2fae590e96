"use client";

import { type RefObject, useEffect, useRef, useState } from "react";

/**
 * The content width of an element, tracked with a ResizeObserver. Starts at `initial` so server
 * rendering and the first client render agree; the real width arrives right after mount.
 */
export function useElementWidth<T extends HTMLElement>(initial: number): [RefObject<T | null>, number] {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(initial);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => {
      setWidth(Math.max(1, Math.floor(entry.contentRect.width)));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}
