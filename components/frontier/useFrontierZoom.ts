"use client";

import {
  type MouseEventHandler,
  type PointerEvent,
  type PointerEventHandler,
  type RefObject,
  useEffect,
  useMemo,
  useRef,
} from "react";
import type { Frame } from "@/lib/charts/frame";
import type { FrontierLayout } from "@/lib/charts/frontierLayout";
import { insidePlot } from "@/lib/charts/plotArea";
import { dragWindow, isDrag, zoomWindow } from "@/lib/charts/zoom";
import type { HistoryMode } from "@/lib/views/urlView";
import type { Zoom } from "@/lib/views/viewState";

const WHEEL_STEP = 0.85;

/** What zooming needs of a plot (one frontier or several on shared axes). */
type ZoomedPlot = Pick<FrontierLayout, "frame" | "xScale" | "yScale">;

/** Drag-to-pan on the whole plot, clicks on points kept (see `DRAG_THRESHOLD_PX`). */
export interface PanHandlers {
  onPointerDown: PointerEventHandler<SVGSVGElement>;
  onPointerMove: PointerEventHandler<SVGSVGElement>;
  onPointerUp: PointerEventHandler<SVGSVGElement>;
  onPointerCancel: PointerEventHandler<SVGSVGElement>;
  onClickCapture: MouseEventHandler<SVGSVGElement>;
}

interface PanStart {
  startX: number;
  startY: number;
  window: Zoom;
  /** Whether the pointer has moved past the drag threshold (it is a pan, not a click). */
  moved: boolean;
}

/** Where a pointer is in the plotting area (px from its top left corner), or null outside it. */
function plotPointAt(
  event: { clientX: number; clientY: number },
  svg: SVGSVGElement,
  frame: Frame,
): { left: number; top: number } | null {
  const rect = svg.getBoundingClientRect();
  const left = event.clientX - rect.left - frame.margin.left;
  const top = event.clientY - rect.top - frame.margin.top;
  return insidePlot(left, top, { width: frame.innerWidth, height: frame.innerHeight }) ? { left, top } : null;
}

function windowOf(layout: ZoomedPlot): Zoom {
  const [x0, x1] = layout.xScale.domain();
  const [y0, y1] = layout.yScale.domain();
  return { x: [x0, x1], y: [y0, y1] };
}

/**
 * Wheel zoom around the pointer and drag-to-pan from anywhere in the plotting area (points and
 * paths included: a press that moves less than a few pixels stays a click). Wheel steps coalesce
 * in history like key steps; a pan updates live and lands in history on release.
 */
export function useFrontierZoom(
  svgRef: RefObject<SVGSVGElement | null>,
  layout: ZoomedPlot,
  logs: { x: boolean; y: boolean },
  onZoom: (zoom: Zoom | null, mode: HistoryMode) => void,
) {
  const latest = useRef({ layout, logs, onZoom });
  latest.current = { layout, logs, onZoom };
  const pan = useRef<PanStart | null>(null);
  const panned = useRef(false);

  useEffect(() => {
    const svg = svgRef.current;
    if (!svg) return;
    // React's onWheel is passive, so the page would scroll as well: listen natively.
    const onWheel = (event: WheelEvent) => {
      const { layout: current, logs: log, onZoom: emit } = latest.current;
      const at = plotPointAt(event, svg, current.frame);
      if (!at) return;
      const { left, top } = at;
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
  const panHandlers = useMemo((): PanHandlers => {
    const dragOf = (event: PointerEvent, start: PanStart) => ({
      dx: event.clientX - start.startX,
      dy: event.clientY - start.startY,
    });
    const panTo = (event: PointerEvent, start: PanStart, mode: HistoryMode) => {
      const { layout: current, logs: log, onZoom: emit } = latest.current;
      const area = { width: current.frame.innerWidth, height: current.frame.innerHeight };
      emit(dragWindow(start.window, dragOf(event, start), area, log), mode);
    };
    return {
      // A press anywhere in the plotting area (background, α path, a point) may become a pan.
      onPointerDown: (event) => {
        panned.current = false;
        if (event.button !== 0) return;
        if (!plotPointAt(event, event.currentTarget, latest.current.layout.frame)) return;
        pan.current = {
          startX: event.clientX,
          startY: event.clientY,
          window: windowOf(latest.current.layout),
          moved: false,
        };
      },
      // Until it passes the threshold the press is a click; then the plot captures the pointer and pans.
      onPointerMove: (event) => {
        const start = pan.current;
        if (!start) return;
        if (!start.moved) {
          const { dx, dy } = dragOf(event, start);
          if (!isDrag(dx, dy)) return;
          start.moved = true;
          event.currentTarget.setPointerCapture(event.pointerId);
        }
        panTo(event, start, "live");
      },
      onPointerUp: (event) => {
        const start = pan.current;
        if (start?.moved) {
          panTo(event, start, "release");
          panned.current = true;
        }
        pan.current = null;
      },
      onPointerCancel: () => {
        pan.current = null;
      },
      // The click that ends a pan is not a click on the point it started on.
      onClickCapture: (event) => {
        if (!panned.current) return;
        panned.current = false;
        event.stopPropagation();
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
