import { useMemo } from "react";
import { useHydrated } from "@/components/browser/useHydrated";
import { layoutThumbnail } from "@/lib/charts/thumbnailLayout";
import type { ExperimentThumbnail } from "@/lib/contracts/experimentThumbnail";
import { thumbnailDescription, thumbnailPointTitle } from "@/lib/views/thumbnailText";
import { AlphaPath } from "../frontier/FrontierMarks";

/** Size of a row's thumbnail: small enough that a page of 50 rows stays light. */
export const THUMBNAIL_WIDTH = 112;
export const THUMBNAIL_HEIGHT = 44;

/**
 * A frontier in a row of the list: the α path on the explorer's default axes (interpolation solid,
 * extrapolation dashed), a dot per evaluated α in its α colour (collapsed ones crossed, the best
 * solve rate ringed), each point's numbers on hover; "computing…" until the worker stored it. Each
 * point is one element with its title (no group, no id): a page draws hundreds of them. The titles
 * come with hydration: in the first HTML they were 27 KB of a page of 50 rows (a quarter of its
 * markup), for tooltips nobody can hover before the page is interactive anyway.
 */
export function FrontierThumbnail({ thumbnail }: { thumbnail: ExperimentThumbnail | null }) {
  const hydrated = useHydrated();
  const layout = useMemo(
    () => (thumbnail ? layoutThumbnail(thumbnail, THUMBNAIL_WIDTH, THUMBNAIL_HEIGHT) : null),
    [thumbnail],
  );
  if (thumbnail === null || layout === null)
    return (
      <span className="muted nowrap" data-testid="thumbnail-computing">
        computing…
      </span>
    );
  return (
    <svg
      className="frontier-thumbnail"
      width={layout.width}
      height={layout.height}
      viewBox={`0 0 ${layout.width} ${layout.height}`}
      role="img"
      aria-label={thumbnailDescription(thumbnail)}
      data-testid="frontier-thumbnail"
    >
      <AlphaPath path={layout.path} />
      {layout.marks.map((mark) =>
        mark.cross === null ? (
          <circle
            key={mark.alpha}
            cx={mark.cx}
            cy={mark.cy}
            r={mark.best ? 3.5 : 2.5}
            fill={mark.color}
            className={mark.best ? "best" : undefined}
          >
            {hydrated ? <title>{thumbnailPointTitle(mark)}</title> : null}
          </circle>
        ) : (
          <path key={mark.alpha} className="frontier-point-collapsed" d={mark.cross}>
            {hydrated ? <title>{thumbnailPointTitle(mark)}</title> : null}
          </path>
        ),
      )}
    </svg>
  );
}
