"use client";

import { type RefObject, useEffect, useRef, useState } from "react";

/** An element's content box in pixels. */
export interface ElementSize {
  width: number;
  height: number;
}

/**
 * The content size of an element, tracked with a ResizeObserver. Starts at `initial` so server
 * rendering and the first client render agree; the real size arrives right after mount.
 */
export function useElementSize<T extends HTMLElement>(
  initial: ElementSize,
): [RefObject<T | null>, ElementSize] {
  const ref = useRef<T>(null);
  const [size, setSize] = useState(initial);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => {
      const width = Math.max(1, Math.floor(entry.contentRect.width));
      const height = Math.max(1, Math.floor(entry.contentRect.height));
      setSize((old) => (old.width === width && old.height === height ? old : { width, height }));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, size];
}

/** The content width of an element (see {@link useElementSize}). */
export function useElementWidth<T extends HTMLElement>(initial: number): [RefObject<T | null>, number] {
  const [ref, size] = useElementSize<T>({ width: initial, height: 0 });
  return [ref, size.width];
}
