"use client";

import { createContext, type ReactNode, useContext } from "react";
import { formatTimestamp } from "@/lib/views/format";

/** What every exported file of a page says about its data: experiment, data version and its date. */
export interface ExportSource {
  slug: string;
  experiment: string;
  version: string;
  /** When the experiment's data last changed (ISO), or null where the page does not know it. */
  updatedAt: string | null;
  /** The difficulty slice the page shows, named in file names. */
  difficulty: string;
}

const ExportSourceContext = createContext<ExportSource | null>(null);

/** Provides the data's provenance to the export controls of a page's charts and tables. */
export function ExportSourceProvider({ source, children }: { source: ExportSource; children: ReactNode }) {
  return <ExportSourceContext.Provider value={source}>{children}</ExportSourceContext.Provider>;
}

/** The page's export source; a control outside a provider exports without provenance. */
export function useExportSource(): ExportSource | null {
  return useContext(ExportSourceContext);
}

/** "experiment · data version … · date": the footnote of an exported chart. */
export function exportFootnote(source: ExportSource | null): string {
  if (!source) return "alphascope";
  const date = source.updatedAt ? ` · ${formatTimestamp(source.updatedAt)}` : "";
  return `${source.experiment} · data version ${source.version}${date} · alphascope`;
}
