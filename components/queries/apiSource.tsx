"use client";

import { createContext, type ReactNode, useContext } from "react";
import { type ApiSource, experimentSource } from "./queries";

/** Set by a snapshot page: the views below read the pinned data instead of the experiment's current data. */
const PinnedSourceContext = createContext<ApiSource | null>(null);

/** Makes every experiment read below answer from `source` (a snapshot's routes). */
export function PinnedSource({ source, children }: { source: ApiSource; children: ReactNode }) {
  return <PinnedSourceContext.Provider value={source}>{children}</PinnedSourceContext.Provider>;
}

/** Where the experiment's reads come from here: the pinned snapshot around, or its live routes. */
export function useApiSource(slug: string): ApiSource {
  return useContext(PinnedSourceContext) ?? experimentSource(slug);
}

/** Whether the view is a pinned snapshot (it then offers no sharing or saving of its own). */
export function useIsPinned(): boolean {
  return useContext(PinnedSourceContext) !== null;
}
