/*
 * The limits of snapshots and saved views, apart from their zod schemas (./sharing) so that browser
 * code reads them without bundling zod, whose eval probe a page's Content-Security-Policy reports.
 */

/** Longest view (query string) stored; a full scaling view with a custom split is a few hundred. */
export const VIEW_MAX_LENGTH = 2000;
export const VIEW_NAME_MAX_LENGTH = 120;
export const SNAPSHOT_TITLE_MAX_LENGTH = 200;
/** Most saved views per experiment a reorder request may list. */
export const SAVED_VIEWS_MAX = 500;
