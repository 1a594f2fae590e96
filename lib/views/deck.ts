import type { SavedView } from "../contracts/sharing";

/*
 * The review deck: an experiment's saved views in their order. A slide is opened by the saved
 * view's own URL plus `slide=<n>` (1-based), so a deck position is a link like any view; `present=1`
 * rides along, so stepping keeps a presentation on screen.
 */

/** The URL parameters a deck adds to a view's own. */
export const SLIDE_PARAM = "slide";
export const PRESENT_PARAM = "present";

/** The slide number (1-based) a query string opens, or null when it opens none. */
export function slideOf(search: string): number | null {
  const text = new URLSearchParams(search).get(SLIDE_PARAM);
  if (text === null || !/^[1-9]\d{0,5}$/.test(text)) return null;
  return Number(text);
}

/** The page path of a saved view. */
export function viewPath(slug: string, view: Pick<SavedView, "page">): string {
  const path = `/experiments/${encodeURIComponent(slug)}`;
  return view.page === "scaling" ? `${path}/scaling` : path;
}

/** The link that opens slide `slide` (1-based) of the deck `views`, in presentation when `present`. */
export function slideUrl(
  slug: string,
  views: readonly Pick<SavedView, "page" | "view">[],
  slide: number,
  present: boolean,
): string {
  const view = views[slide - 1];
  const params = new URLSearchParams(view.view);
  params.delete(PRESENT_PARAM);
  params.set(SLIDE_PARAM, String(slide));
  if (present) params.set(PRESENT_PARAM, "1");
  return `${viewPath(slug, view)}?${params}`;
}

/** The slide a step of `delta` from `slide` reaches, or null past either end of a deck of `count`. */
export function steppedSlide(slide: number, delta: -1 | 1, count: number): number | null {
  // A slide past the end of a deck that shrank counts as just after its last view.
  const next = Math.min(slide, count + 1) + delta;
  return next >= 1 && next <= count ? next : null;
}
