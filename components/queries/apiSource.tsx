"use client";

import { createContext, type ReactNode, useContext } from "react";
import { type ApiSource, experimentSource } from "./queries";

/** A snapshot page's source, and whether the snapshot pinned claims (older ones did not). */
interface Pinned {
  source: ApiSource;
  claims: boolean;
}

/** Set by a snapshot page: the views below read the pinned data instead of the experiment's current data. */
const PinnedSourceContext = createContext<Pinned | null>(null);

/** Makes every experiment read below answer from `source` (a snapshot's routes). */
export function PinnedSource({
  source,
  claims,
  children,
}: {
  source: ApiSource;
  /** Whether the snapshot pinned claims. */
  claims: boolean;
  children: ReactNode;
}) {
  return <PinnedSourceContext.Provider value={{ source, claims }}>{children}</PinnedSourceContext.Provider>;
}

/** Where the experiment's reads come from here: the pinned snapshot around, or its live routes. */
export function useApiSource(slug: string): ApiSource {
  return useContext(PinnedSourceContext)?.source ?? experimentSource(slug);
}

/** Whether the view is a pinned snapshot (it then offers no sharing or saving of its own). */
export function useIsPinned(): boolean {
  return useContext(PinnedSourceContext) !== null;
}

/** Whether there are claims to show: always for live data; for a snapshot, when it pinned them. */
export function useHasClaims(): boolean {
  return useContext(PinnedSourceContext)?.claims ?? true;
}
