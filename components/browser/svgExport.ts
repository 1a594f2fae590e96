/**
 * Charts as files (SVG and PNG) that look as they do on screen. The browser applies the app's
 * stylesheet to a chart; a saved SVG has none. So the computed value of every presentation property
 * is written into each element's style (whatever produced it: a class, a CSS variable), and the
 * chart is framed with its title above and a data-version footnote below. A file is always light,
 * whatever the page's scheme: it goes into papers and slides, like a printed page or a link preview.
 */
import { gridFigureLayout } from "@/lib/charts/gridFigure";
import { LIGHT_COLORS } from "@/lib/charts/palette";

/** The properties that decide how SVG content looks; their computed values are inlined. */
export const INLINED_PROPERTIES = [
  "fill",
  "fill-opacity",
  "stroke",
  "stroke-width",
  "stroke-opacity",
  "stroke-dasharray",
  "stroke-linecap",
  "stroke-linejoin",
  "opacity",
  "paint-order",
  "font-family",
  "font-size",
  "font-weight",
  "font-style",
  "font-variant-numeric",
  "text-anchor",
  "dominant-baseline",
  "visibility",
  "display",
  "overflow",
] as const;

/**
 * Writes the computed presentation properties of every element of `source` into the matching
 * element of `clone` (a deep clone of it), as inline style.
 */
export function inlineComputedStyles(source: Element, clone: Element): void {
  const computed = getComputedStyle(source);
  const style = INLINED_PROPERTIES.map((name) => `${name}:${computed.getPropertyValue(name)}`).join(";");
  clone.setAttribute("style", style);
  clone.removeAttribute("class");
  const sourceChildren = source.children;
  const cloneChildren = clone.children;
  for (let i = 0; i < sourceChildren.length; i++) inlineComputedStyles(sourceChildren[i], cloneChildren[i]);
}

/** Text as XML character data (for an SVG <text>). */
export function escapeXml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;");
}

/** What frames a chart in an exported file. */
export interface ChartFrameText {
  title: string;
  /** "experiment · data version … · date" */
  footnote: string;
  /** The font of the page, so the frame's text matches the chart's. */
  fontFamily: string;
  /** The text and background colours (the palette's light ones). */
  color: string;
  background: string;
}

/** Space above the chart for the title and below it for the footnote, in pixels. */
export const FRAME_TITLE_HEIGHT = 32;
export const FRAME_FOOTNOTE_HEIGHT = 24;

/**
 * A standalone SVG document: the chart's markup (with inline styles) below its title, above its
 * footnote, on the given background. `width` and `height` are the chart's own size.
 */
export function framedSvg(chartMarkup: string, width: number, height: number, text: ChartFrameText): string {
  const total = height + FRAME_TITLE_HEIGHT + FRAME_FOOTNOTE_HEIGHT;
  const font = escapeXml(text.fontFamily);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${total}" viewBox="0 0 ${width} ${total}">`,
    `<rect width="100%" height="100%" fill="${escapeXml(text.background)}"/>`,
    `<text x="8" y="21" style="font-family:${font};font-size:15px;font-weight:600;fill:${escapeXml(text.color)}">${escapeXml(text.title)}</text>`,
    `<g transform="translate(0,${FRAME_TITLE_HEIGHT})">${chartMarkup}</g>`,
    `<text x="8" y="${total - 8}" style="font-family:${font};font-size:11px;fill:${escapeXml(text.color)};opacity:0.75">${escapeXml(text.footnote)}</text>`,
    "</svg>",
  ].join("");
}

/** The size of a framed chart: the chart's own size plus the title and footnote. */
export function framedSize(width: number, height: number): { width: number; height: number } {
  return { width, height: height + FRAME_TITLE_HEIGHT + FRAME_FOOTNOTE_HEIGHT };
}

/**
 * A chart on screen as a framed standalone SVG document: cloned, computed styles inlined, the
 * nested <svg> given its namespace and size, interactive-only attributes dropped.
 */
export function chartSvgDocument(
  svg: SVGSVGElement,
  text: Omit<ChartFrameText, "fontFamily" | "color" | "background">,
): {
  markup: string;
  width: number;
  height: number;
} {
  const chart = inlinedChart(svg);
  const markup = framedSvg(chart.markup, chart.width, chart.height, { ...text, ...frameStyle(svg) });
  return { markup, ...framedSize(chart.width, chart.height) };
}

/** The frame's font (the chart's) and the palette's light text and background colours. */
function frameStyle(svg: SVGSVGElement): Pick<ChartFrameText, "fontFamily" | "color" | "background"> {
  return {
    fontFamily: getComputedStyle(svg).fontFamily,
    color: LIGHT_COLORS.text,
    background: LIGHT_COLORS.surface,
  };
}

/**
 * Several charts on screen as one framed SVG document laid out by {@link gridFigureLayout} (a
 * study's grid: `columns` and `rows` label it, each chart at its row and column), with one title and
 * one footnote.
 */
export function gridSvgDocument(
  charts: readonly { svg: SVGSVGElement; row: number; column: number }[],
  columns: readonly string[],
  rows: readonly string[],
  text: Omit<ChartFrameText, "fontFamily" | "color" | "background">,
): { markup: string; width: number; height: number } {
  const inlined = charts.map((chart) => ({ ...chart, ...inlinedChart(chart.svg) }));
  const layout = gridFigureLayout(columns, rows, inlined);
  const style = frameStyle(charts[0].svg);
  const label = (x: number, y: number, anchor: string, body: string) =>
    `<text x="${x}" y="${y}" text-anchor="${anchor}" dominant-baseline="middle" style="font-family:${escapeXml(style.fontFamily)};font-size:13px;font-weight:600;fill:${escapeXml(style.color)}">${escapeXml(body)}</text>`;
  const markup = [
    ...layout.columnLabels.map((l) => label(l.x, l.y, "middle", l.text)),
    ...layout.rowLabels.map((l) => label(l.x, l.y, "middle", l.text)),
    ...inlined.map(
      (chart, i) =>
        `<g transform="translate(${layout.panels[i].x},${layout.panels[i].y})">${chart.markup}</g>`,
    ),
  ].join("");
  return {
    markup: framedSvg(markup, layout.width, layout.height, { ...text, ...style }),
    ...framedSize(layout.width, layout.height),
  };
}

/** A chart on screen as standalone markup: cloned at its drawn size, computed styles inlined. */
function inlinedChart(svg: SVGSVGElement): { markup: string; width: number; height: number } {
  const box = svg.getBoundingClientRect();
  const width = Math.round(Number(svg.getAttribute("width")) || box.width);
  const height = Math.round(Number(svg.getAttribute("height")) || box.height);
  const clone = svg.cloneNode(true) as SVGSVGElement;
  // The palette's variables resolve by the element's colour scheme: read the chart's styles with its
  // scheme set to light (and put back in the same task, so the screen never repaints in between).
  const scheme = svg.style.colorScheme;
  svg.style.colorScheme = "light";
  try {
    inlineComputedStyles(svg, clone);
  } finally {
    svg.style.colorScheme = scheme;
  }
  clone.setAttribute("width", String(width));
  clone.setAttribute("height", String(height));
  for (const element of clone.querySelectorAll("[tabindex],[role],[aria-pressed]")) {
    element.removeAttribute("tabindex");
    element.removeAttribute("role");
    element.removeAttribute("aria-pressed");
  }
  return { markup: new XMLSerializer().serializeToString(clone), width, height };
}

/** An SVG document drawn at `scale` times its size into a PNG (2 for slides and high-density screens). */
export async function svgToPng(markup: string, width: number, height: number, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([markup], { type: "image/svg+xml;charset=utf-8" }));
  try {
    const image = new Image();
    image.width = width;
    image.height = height;
    image.src = url;
    await image.decode();
    const canvas = document.createElement("canvas");
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const context = canvas.getContext("2d");
    if (!context) throw new Error("This browser cannot draw on a canvas.");
    context.scale(scale, scale);
    context.drawImage(image, 0, 0, width, height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob(
        (blob) => (blob ? resolve(blob) : reject(new Error("The PNG could not be made."))),
        "image/png",
      ),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}
