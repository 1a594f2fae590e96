"use client";

import { type PointerEvent, type RefObject, useEffect, useMemo, useRef } from "react";
import type { FrontierLayout } from "@/lib/charts/frontierLayout";
import { panWindow, zoomWindow } from "@/lib/charts/zoom";
import type { HistoryMode } from "@/lib/client/urlView";
import type { Zoom } from "@/lib/client/viewState";

const WHEEL_STEP = 0.85;

/** What zooming needs of a plot (one frontier or several on shared axes). */
type ZoomedPlot = Pick<FrontierLayout, "frame" | "xScale" | "yScale">;

function windowOf(layout: ZoomedPlot): Zoom {
  const [x0, x1] = layout.xScale.domain();
  const [y0, y1] = layout.yScale.domain();
  return { x: [x0, x1], y: [y0, y1] };
}

/**
 * Wheel zoom around the pointer and drag-to-pan on the plot background. Wheel steps coalesce in
 * history like key steps; a pan updates live and lands in history on release.
 */
export function useFrontierZoom(
  svgRef: RefObject<SVGSVGElement | null>,
  layout: ZoomedPlot,
  logs: { x: boolean; y: boolean },
  onZoom: (zoom: Zoom | null, mode: HistoryMode) => void,
) {
  const latest = useRef({ layout, logs, onZoom });
  latest.current = { layout, logs, onZoom };
  const pan = useRef<{ startX: number; startY: number; window: Zoom } | null>(null);

  useEffect(() => {
    const svg = svgRef.current;
    if (!svg) return;
    // React's onWheel is passive, so the page would scroll as well: listen natively.
    const onWheel = (event: WheelEvent) => {
      const { layout: current, logs: log, onZoom: emit } = latest.current;
      const rect = svg.getBoundingClientRect();
      const left = event.clientX - rect.left - current.frame.margin.left;
      const top = event.clientY - rect.top - current.frame.margin.top;
      if (left < 0 || top < 0 || left > current.frame.innerWidth || top > current.frame.innerHeight) return;
      event.preventDefault();
      const factor = event.deltaY < 0 ? WHEEL_STEP : 1 / WHEEL_STEP;
      const window = windowOf(current);
      emit(
        {
          x: zoomWindow(window.x, current.xScale.invert(left), factor, log.x),
          y: zoomWindow(window.y, current.yScale.invert(top), factor, log.y),
        },
        "step",
      );
    };
    svg.addEventListener("wheel", onWheel, { passive: false });
    return () => svg.removeEventListener("wheel", onWheel);
  }, [svgRef]);

  // Stable handlers (they read the latest layout through the ref), so the memoized plot keeps them.
  const panHandlers = useMemo(() => {
    const panTo = (event: PointerEvent, mode: HistoryMode) => {
      const start = pan.current;
      if (!start) return;
      const { layout: current, logs: log, onZoom: emit } = latest.current;
      const dx = (event.clientX - start.startX) / current.frame.innerWidth;
      const dy = (event.clientY - start.startY) / current.frame.innerHeight;
      emit({ x: panWindow(start.window.x, -dx, log.x), y: panWindow(start.window.y, dy, log.y) }, mode);
    };
    return {
      onPointerDown: (event: PointerEvent<SVGRectElement>) => {
        if (event.button !== 0) return;
        event.currentTarget.setPointerCapture(event.pointerId);
        pan.current = {
          startX: event.clientX,
          startY: event.clientY,
          window: windowOf(latest.current.layout),
        };
      },
      onPointerMove: (event: PointerEvent<SVGRectElement>) => panTo(event, "live"),
      onPointerUp: (event: PointerEvent<SVGRectElement>) => {
        const start = pan.current;
        if (start && (event.clientX !== start.startX || event.clientY !== start.startY))
          panTo(event, "release");
        pan.current = null;
      },
    };
  }, []);

  const zoomBy = (factor: number) => {
    const { layout: current, logs: log, onZoom: emit } = latest.current;
    const window = windowOf(current);
    const centre = (range: [number, number], isLog: boolean) =>
      isLog ? Math.sqrt(range[0] * range[1]) : (range[0] + range[1]) / 2;
    emit(
      {
        x: zoomWindow(window.x, centre(window.x, log.x), factor, log.x),
        y: zoomWindow(window.y, centre(window.y, log.y), factor, log.y),
      },
      "push",
    );
  };

  return { panHandlers, zoomIn: () => zoomBy(0.7), zoomOut: () => zoomBy(1 / 0.7) };
}
