import { useMemo } from "react";
import { useHydrated } from "@/components/browser/useHydrated";
import { layoutThumbnail, type ThumbnailLayout } from "@/lib/charts/thumbnailLayout";
import type { ExperimentThumbnail } from "@/lib/contracts/experimentThumbnail";
import { thumbnailMarkup } from "@/lib/views/thumbnailMarkup";
import { thumbnailDescription } from "@/lib/views/thumbnailText";

/** Size of a row's thumbnail: small enough that a page of 50 rows stays light. */
export const THUMBNAIL_WIDTH = 112;
export const THUMBNAIL_HEIGHT = 44;

/** A thumbnail's description, layout and markup (without and with titles), each worked out once per thumbnail. */
interface Drawn {
  label: string;
  layout: ThumbnailLayout;
  plain?: string;
  titled?: string;
}
const drawn = new WeakMap<ExperimentThumbnail, Drawn>();

/**
 * Rows keep their objects across searches (createRowKeeper), so a row that comes back mounts again
 * from what was worked out the first time.
 */
function drawnOf(thumbnail: ExperimentThumbnail, titles: boolean): { label: string; markup: string } {
  let known = drawn.get(thumbnail);
  if (known === undefined) {
    known = {
      label: thumbnailDescription(thumbnail),
      layout: layoutThumbnail(thumbnail, THUMBNAIL_WIDTH, THUMBNAIL_HEIGHT),
    };
    drawn.set(thumbnail, known);
  }
  let markup = titles ? known.titled : known.plain;
  if (markup === undefined) {
    markup = thumbnailMarkup(known.layout, titles);
    if (titles) known.titled = markup;
    else known.plain = markup;
  }
  return { label: known.label, markup };
}

/**
 * A frontier in a row of the list: the α path on the explorer's default axes (interpolation solid,
 * extrapolation dashed), a dot per evaluated α in its α colour (collapsed ones crossed, the best
 * solve rate ringed), each point's numbers on hover; "computing…" until the worker stored it. Its
 * inside is markup (lib/views/thumbnailMarkup): a page draws hundreds of points, and a search shows
 * a new page at each keystroke. The titles come with hydration: in the first HTML they were 27 KB of
 * a page of 50 rows (a quarter of its markup), for tooltips nobody can hover before the page is
 * interactive anyway.
 */
export function FrontierThumbnail({ thumbnail }: { thumbnail: ExperimentThumbnail | null }) {
  const hydrated = useHydrated();
  const shown = useMemo(() => (thumbnail ? drawnOf(thumbnail, hydrated) : null), [thumbnail, hydrated]);
  if (shown === null)
    return (
      <span className="muted nowrap" data-testid="thumbnail-computing">
        computing…
      </span>
    );
  return (
    <svg
      className="frontier-thumbnail"
      width={THUMBNAIL_WIDTH}
      height={THUMBNAIL_HEIGHT}
      viewBox={`0 0 ${THUMBNAIL_WIDTH} ${THUMBNAIL_HEIGHT}`}
      role="img"
      aria-label={shown.label}
      data-testid="frontier-thumbnail"
      // biome-ignore lint/security/noDangerouslySetInnerHtml: our own numbers and classes, every text escaped (thumbnailMarkup).
      dangerouslySetInnerHTML={{ __html: shown.markup }}
    />
  );
}
