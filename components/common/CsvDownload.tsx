"use client";

import type { RefObject } from "react";
import { downloadBlob, exportFileName } from "@/components/browser/download";
import { CSV_MEDIA_TYPE, type CsvTable, toCsv } from "@/lib/responses/csv";
import { tableCsv } from "@/lib/views/tableCsv";
import { useExportSource } from "../charts/ExportContext";

interface CsvDownloadProps {
  /** The table to save, built when the button is pressed (null: nothing to save yet). */
  table: () => CsvTable | null;
  /** The table's part of the file name, e.g. "scores". */
  name: string;
  /** Accessible name, e.g. "Download the scores as CSV". */
  label: string;
}

/** Saves a table as a UTF-8 CSV file (lib/responses/csv.ts writes it), named after the experiment and slice. */
export function CsvDownload({ table, name, label }: CsvDownloadProps) {
  const source = useExportSource();
  const save = () => {
    const rows = table();
    if (!rows) return;
    const fileName = exportFileName([source?.slug ?? "", name, source?.difficulty ?? ""], "csv");
    downloadBlob(new Blob([toCsv(rows)], { type: CSV_MEDIA_TYPE }), fileName);
  };
  return (
    <button
      type="button"
      className="button button--small"
      onClick={save}
      aria-label={label}
      data-testid={`export-csv-${name}`}
    >
      CSV
    </button>
  );
}

/** The CSV of a table element on screen (for CsvDownload's `table`), null while it is not rendered. */
export function onScreenTable(ref: RefObject<HTMLTableElement | null>): () => CsvTable | null {
  return () => (ref.current ? tableCsv(ref.current) : null);
}
