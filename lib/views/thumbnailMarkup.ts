import type { ThumbnailLayout } from "../charts/thumbnailLayout";
import { thumbnailPointTitle } from "./thumbnailText";

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };

function escapeMarkup(text: string): string {
  return text.replace(/[&<>"]/g, (character) => ENTITIES[character]);
}

/**
 * The inside of a row's thumbnail as SVG markup: the α path (the classes of the explorer's
 * AlphaPath), then each point, a dot in its α colour (the best one ringed) or a collapsed one's
 * cross, with its numbers as a title when `titles`. One string a page of rows hands the browser's
 * parser instead of about 17 React elements per thumbnail: React created and committed ~850
 * thumbnail elements for each new page a search showed (bench:list's CPU profile).
 */
export function thumbnailMarkup(layout: ThumbnailLayout, titles: boolean): string {
  const path = layout.path.map((run) => `<path class="alpha-path alpha-path--${run.part}" d="${run.d}"/>`);
  const marks = layout.marks.map((mark) => {
    const title = titles ? `<title>${escapeMarkup(thumbnailPointTitle(mark))}</title>` : "";
    return mark.cross === null
      ? `<circle cx="${mark.cx}" cy="${mark.cy}" r="${mark.best ? 3.5 : 2.5}" fill="${escapeMarkup(mark.color)}"${mark.best ? ' class="best"' : ""}>${title}</circle>`
      : `<path class="frontier-point-collapsed" d="${mark.cross}">${title}</path>`;
  });
  return path.join("") + marks.join("");
}
