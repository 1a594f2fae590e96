"use client";

import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useCallback, useMemo } from "react";
import { useShortcuts } from "@/components/browser/useShortcuts";
import { savedViewsQuery } from "@/components/queries/sharing";
import { PRESENT_PARAM, slideUrl, steppedSlide } from "@/lib/views/deck";

interface DeckNavigatorProps {
  slug: string;
  /** The slide this page was opened as (1-based). */
  slide: number;
  /** Whether the page was opened in presentation mode (kept while stepping). */
  present: boolean;
}

/**
 * Where the page stands in the experiment's review deck, with ← and → (buttons and keys) to the
 * previous and next saved view, on whichever page it is.
 */
export function DeckNavigator({ slug, slide, present }: DeckNavigatorProps) {
  const router = useRouter();
  const { data } = useQuery(savedViewsQuery(slug));
  const views = data?.views ?? [];
  const step = useCallback(
    (delta: -1 | 1) => {
      const next = steppedSlide(slide, delta, views.length);
      // A presentation turned on since the page opened is in the address bar, not in the props.
      const presenting = present || new URLSearchParams(window.location.search).get(PRESENT_PARAM) === "1";
      if (next !== null) router.push(slideUrl(slug, views, next, presenting));
    },
    [router, slug, slide, present, views],
  );
  useShortcuts(
    useMemo(
      () =>
        views.length === 0
          ? []
          : [
              { key: "ArrowLeft", group: "Deck", description: "Previous saved view", run: () => step(-1) },
              { key: "ArrowRight", group: "Deck", description: "Next saved view", run: () => step(1) },
            ],
      [step, views.length],
    ),
  );
  if (!data) return null;
  const current = views[slide - 1];
  return (
    <nav className="deck-nav" aria-label="Review deck" data-testid="deck-nav">
      <button
        type="button"
        className="button button--small"
        onClick={() => step(-1)}
        disabled={steppedSlide(slide, -1, views.length) === null}
        aria-label="Previous view (←)"
      >
        ←
      </button>
      <span data-testid="deck-position">
        {current
          ? `View ${slide} of ${views.length}: ${current.name}`
          : `View ${slide} is not in the deck (${views.length} saved)`}
      </span>
      <button
        type="button"
        className="button button--small"
        onClick={() => step(1)}
        disabled={steppedSlide(slide, 1, views.length) === null}
        aria-label="Next view (→)"
      >
        →
      </button>
    </nav>
  );
}
