"use client";

import { useState } from "react";
import { downloadBlob, exportFileName } from "@/components/browser/download";
import { chartSvgDocument, svgToPng } from "@/components/browser/svgExport";
import styles from "./Export.module.css";
import { exportFootnote, useExportSource } from "./ExportContext";

interface ChartExportProps {
  /** The chart's <svg> on screen, when it is there. */
  chart: () => SVGSVGElement | null;
  /** The title written above the chart in the file (what the chart shows, e.g. "Frontier: …"). */
  title: string;
  /** The chart's part of the file name, e.g. "frontier". */
  name: string;
}

/**
 * SVG and PNG downloads of a chart as it is on screen: colours and fonts inlined from the page's
 * styles, its title above and the data version below; the PNG at twice the chart's size.
 */
export function ChartExport({ chart, title, name }: ChartExportProps) {
  return (
    <ExportButtons
      title={title}
      name={name}
      build={(footnote) => {
        const svg = chart();
        return svg && chartSvgDocument(svg, { title, footnote });
      }}
    />
  );
}

interface ExportButtonsProps {
  title: string;
  name: string;
  /** The file's SVG document with this footnote (the data version), or null while nothing is drawn. */
  build: (footnote: string) => { markup: string; width: number; height: number } | null;
}

/** The SVG and PNG buttons of a figure (one chart, or a grid of them), named by the export source. */
export function ExportButtons({ title, name, build }: ExportButtonsProps) {
  const source = useExportSource();
  const [problem, setProblem] = useState<string | null>(null);
  const fileName = (extension: string) =>
    exportFileName([source?.slug ?? "", name, source?.difficulty ?? ""], extension);

  const save = async (format: "svg" | "png") => {
    try {
      const document = build(exportFootnote(source));
      if (!document) return;
      const blob =
        format === "svg"
          ? new Blob([document.markup], { type: "image/svg+xml;charset=utf-8" })
          : await svgToPng(document.markup, document.width, document.height);
      downloadBlob(blob, fileName(format));
      setProblem(null);
    } catch (error) {
      setProblem(error instanceof Error ? error.message : "The chart could not be exported.");
    }
  };

  return (
    <span className={styles.controls}>
      <button
        type="button"
        className="button button--small"
        onClick={() => save("svg")}
        aria-label={`Download ${title} as SVG`}
        data-testid={`export-svg-${name}`}
      >
        SVG
      </button>
      <button
        type="button"
        className="button button--small"
        onClick={() => save("png")}
        aria-label={`Download ${title} as PNG (2× resolution)`}
        data-testid={`export-png-${name}`}
      >
        PNG
      </button>
      {problem ? (
        <span className={styles.problem} role="alert">
          {problem}
        </span>
      ) : null}
    </span>
  );
}
