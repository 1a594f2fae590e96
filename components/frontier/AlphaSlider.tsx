"use client";

import { type KeyboardEvent, memo, type PointerEvent, useRef, useState } from "react";
import { describeAlpha, formatAlpha } from "@/lib/domain/alpha";
import { alphaAtFraction, alphaForKey, fractionOfAlpha, roundAlpha, snapAlpha } from "@/lib/views/alphaSteps";
import type { HistoryMode } from "@/lib/views/urlView";
import { AlphaInput } from "./AlphaInput";
import { useDragDeferred } from "./useDragDeferred";

interface AlphaSliderProps {
  alpha: number;
  /** Evaluated α, sorted ascending, at least two. */
  evaluated: readonly number[];
  onChange: (alpha: number, mode: HistoryMode) => void;
}

/** Pixels within which a drag snaps onto an evaluated α. */
const SNAP_PX = 7;

const percent = (fraction: number) => `${(fraction * 100).toFixed(3)}%`;

/** Where α sits along the track, as a CSS left offset. */
const leftOf = (alpha: number, evaluated: readonly number[]) =>
  percent(fractionOfAlpha(alpha, evaluated[0], evaluated[evaluated.length - 1]));

function tickLabel(alpha: number): string | null {
  if (alpha === 0) return "A";
  if (alpha === 1) return "B";
  return Number.isInteger(alpha) ? formatAlpha(alpha) : null;
}

/**
 * The α slider (WAI-ARIA slider pattern): continuous drag over the evaluated range with snapping
 * onto evaluated α, arrow keys stepping from one evaluated α to the next, PageUp/PageDown jumping a
 * quarter of the grid, Home/End to the ends, and a numeric input beside it.
 */
export function AlphaSlider({ alpha, evaluated, onChange }: AlphaSliderProps) {
  const trackRef = useRef<HTMLDivElement>(null);
  const thumbRef = useRef<HTMLDivElement>(null);
  const [dragging, setDragging] = useState(false);
  // The number beside the track follows a drag when the pointer rests, like the panels: its new
  // text on every move laid the page out again (1.3 ms a move, docs/performance.md).
  const inputAlpha = useDragDeferred(alpha, dragging);
  const alphaMin = evaluated[0];
  const alphaMax = evaluated[evaluated.length - 1];
  const minGap = evaluated.slice(1).reduce((gap, value, i) => Math.min(gap, value - evaluated[i]), Infinity);
  const at = (value: number) => leftOf(value, evaluated);
  // The track's box, read when a drag starts: reading it on every move would make the browser lay
  // out the previous move's changes before this one's handler could run.
  const dragRect = useRef<DOMRect | null>(null);

  const alphaAtPointer = (event: PointerEvent<HTMLDivElement>): number => {
    const rect = dragRect.current ?? event.currentTarget.getBoundingClientRect();
    const value = roundAlpha(alphaAtFraction((event.clientX - rect.left) / rect.width, alphaMin, alphaMax));
    // Snap within a few pixels, but never so far that a dense grid leaves nothing in between.
    const tolerance = Math.min((SNAP_PX / Math.max(rect.width, 1)) * (alphaMax - alphaMin), minGap * 0.2);
    return snapAlpha(value, evaluated, tolerance);
  };

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0) return;
    event.preventDefault();
    event.currentTarget.setPointerCapture(event.pointerId);
    setDragging(true);
    dragRect.current = event.currentTarget.getBoundingClientRect();
    thumbRef.current?.focus();
    onChange(alphaAtPointer(event), "live");
  };

  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    if (dragging) onChange(alphaAtPointer(event), "live");
  };

  const onPointerEnd = (event: PointerEvent<HTMLDivElement>) => {
    if (!dragging) return;
    setDragging(false);
    onChange(alphaAtPointer(event), "release");
    dragRect.current = null;
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const target = alphaForKey(event.key, alpha, evaluated);
    if (target === null) return;
    event.preventDefault();
    // Held arrow keys coalesce into one history entry; jumps (Page, Home, End) get their own.
    onChange(target, event.key.startsWith("Arrow") ? "step" : "push");
  };

  return (
    <div className="alpha-slider">
      <div className="alpha-slider-row">
        <div
          ref={trackRef}
          className="alpha-track"
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerEnd}
          onPointerCancel={onPointerEnd}
          data-testid="alpha-track"
        >
          <div className="alpha-track-rail" />
          <div
            className="alpha-track-interpolation"
            style={{
              left: at(Math.max(0, alphaMin)),
              width: percent(
                Math.max(
                  0,
                  fractionOfAlpha(Math.min(1, alphaMax), alphaMin, alphaMax) -
                    fractionOfAlpha(Math.max(0, alphaMin), alphaMin, alphaMax),
                ),
              ),
            }}
          />
          <AlphaTicks evaluated={evaluated} />
          <div
            ref={thumbRef}
            role="slider"
            tabIndex={0}
            className="alpha-thumb"
            // Moved by a transform, in hundredths of the track's width (it is their container): on a
            // layer of its own, a move neither lays out nor repaints the track beneath it.
            style={{
              transform: `translateX(${(fractionOfAlpha(alpha, alphaMin, alphaMax) * 100).toFixed(3)}cqw)`,
            }}
            aria-label="α (mixing weight between A and B)"
            aria-valuemin={alphaMin}
            aria-valuemax={alphaMax}
            aria-valuenow={alpha}
            aria-valuetext={`α = ${formatAlpha(alpha)}, ${describeAlpha(alpha)}`}
            aria-orientation="horizontal"
            onKeyDown={onKeyDown}
            data-testid="alpha-slider"
          />
        </div>
        <AlphaInput
          alpha={inputAlpha}
          alphaMin={alphaMin}
          alphaMax={alphaMax}
          onCommit={(v) => onChange(v, "push")}
        />
      </div>
      <AlphaTickLabels evaluated={evaluated} />
    </div>
  );
}

/** A tick per evaluated α on the track (memoized: a drag moves only the thumb). */
const AlphaTicks = memo(function AlphaTicks({ evaluated }: { evaluated: readonly number[] }) {
  return evaluated.map((value) => (
    <span key={value} className="alpha-tick" style={{ left: leftOf(value, evaluated) }} />
  ));
});

/** The labels under the track: A, B and the whole α. */
const AlphaTickLabels = memo(function AlphaTickLabels({ evaluated }: { evaluated: readonly number[] }) {
  return (
    <div className="alpha-tick-labels" aria-hidden="true">
      {evaluated.map((value) => {
        const label = tickLabel(value);
        return label === null ? null : (
          <span key={value} className="alpha-tick-label" style={{ left: leftOf(value, evaluated) }}>
            {label}
          </span>
        );
      })}
    </div>
  );
});
