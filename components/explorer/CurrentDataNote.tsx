"use client";

import { useIsPinned } from "@/components/queries/apiSource";

/**
 * Beside a link from a pinned view (a snapshot, or an old version) to another page of the experiment:
 * that page shows the experiment's current data, not what this view pinned, and says so before the
 * click rather than leaving the reader to compare numbers that differ for no visible reason.
 */
export function CurrentDataNote() {
  if (!useIsPinned()) return null;
  return (
    <span className="muted" data-testid="current-data-note">
      {" "}
      (opens the current data, not this pinned view)
    </span>
  );
}
