"use client";

import { useLayoutEffect, useMemo, useRef } from "react";
import { useShortcuts } from "@/components/browser/useShortcuts";
import type { DifficultySlice } from "@/lib/domain/difficulty";
import { stepAlpha } from "@/lib/views/alphaSteps";
import { nextSlice } from "@/lib/views/difficultyParam";
import type { UpdateView } from "@/lib/views/urlView";
import type { ExplorerView } from "@/lib/views/viewState";

/**
 * The explorer's view keys: `[` and `]` step α to the previous or next evaluated α (what the
 * slider's arrow keys do, so every step lands on measured numbers), `d` cycles the difficulty slice.
 */
export function useExplorerShortcuts(
  view: Pick<ExplorerView, "alpha" | "difficulty">,
  alphas: readonly number[],
  slices: readonly DifficultySlice[],
  updateView: UpdateView<ExplorerView>,
): void {
  // The keys read the view when pressed, so the shortcuts stay registered while α is dragged
  // (re-registering on every move re-rendered the shortcuts overlay and re-added the key listener).
  const current = useRef(view);
  useLayoutEffect(() => {
    current.current = view;
  });
  useShortcuts(
    useMemo(
      () => [
        {
          key: "[",
          group: "View",
          description: "Step α to the previous evaluated α",
          repeats: true,
          run: () => updateView({ alpha: stepAlpha(current.current.alpha, alphas, -1) }, "step"),
        },
        {
          key: "]",
          group: "View",
          description: "Step α to the next evaluated α",
          repeats: true,
          run: () => updateView({ alpha: stepAlpha(current.current.alpha, alphas, 1) }, "step"),
        },
        {
          key: "d",
          group: "View",
          description: "Show the next difficulty (all, easy, medium, hard)",
          run: () => updateView({ difficulty: nextSlice(current.current.difficulty, slices) }, "push"),
        },
      ],
      [alphas, slices, updateView],
    ),
  );
}
