"use client";

import { memo, useCallback, useState } from "react";
import { useIsPinned } from "@/components/queries/apiSource";
import { createSnapshotLink } from "@/components/queries/sharing";
import type { SharedPage } from "@/lib/contracts/sharing";
import { PRESENT_PARAM, slideOf } from "@/lib/views/deck";
import { CopyLinkButton } from "../common/CopyLinkButton";
import { DeckNavigator } from "./DeckNavigator";
import { SavedViewsPanel } from "./SavedViewsPanel";

interface SharingControlsProps {
  slug: string;
  page: SharedPage;
  /** The link of the current view (its query string is what a snapshot or a saved view keeps). */
  shareUrl: () => string;
  /** The query string the page was opened with: a deck slide and presentation mode are read from it. */
  initialSearch: string;
}

/**
 * Share (a pinned snapshot behind a short link; "Public" opens it for anyone, also where sign-in
 * hides the experiment), the saved views that make the review deck, and,
 * on a page opened as a deck slide, the deck's position with ←/→ stepping. A pinned snapshot
 * shows none of them: it is shared by its own link. Memoized: its props do not change while α is dragged.
 */
export const SharingControls = memo(function SharingControls({
  slug,
  page,
  shareUrl,
  initialSearch,
}: SharingControlsProps) {
  const pinned = useIsPinned();
  const viewQuery = useCallback(() => new URL(shareUrl()).search.replace(/^\?/, ""), [shareUrl]);
  const [isPublic, setPublic] = useState(false);
  const share = useCallback(
    () => createSnapshotLink({ experiment: slug, page }, viewQuery(), { public: isPublic }),
    [slug, page, viewQuery, isPublic],
  );
  if (pinned) return null;
  const slide = slideOf(initialSearch);
  return (
    <>
      <CopyLinkButton
        url={share}
        text="Share"
        label="Short link to a pinned snapshot"
        testId="share"
        shortcut={null}
      />
      <label className="share-public" title="Anyone with the link opens the snapshot, without signing in">
        <input
          type="checkbox"
          checked={isPublic}
          onChange={(event) => setPublic(event.target.checked)}
          data-testid="share-public"
        />{" "}
        Public
      </label>
      <SavedViewsPanel slug={slug} page={page} viewQuery={viewQuery} />
      {slide !== null ? (
        <DeckNavigator
          slug={slug}
          slide={slide}
          present={new URLSearchParams(initialSearch).get(PRESENT_PARAM) === "1"}
        />
      ) : null}
    </>
  );
});
