/**
 * Bounds and defaults of an ensemble search request (the API's search route, the CLI's --search and
 * the scaling page). Kept apart from the zod schemas so the browser reads them without bundling zod.
 */

/**
 * The largest ensemble searched. Past the exhaustive limit the search turns greedy, whose cost grows
 * with members² × checkpoints × problems: 6 keeps a 5 000-problem, 64-checkpoint search under a second.
 */
export const ENSEMBLE_SEARCH_MAX_MEMBERS = 6;

/** The most ensembles a search lists. */
export const ENSEMBLE_SEARCH_MAX_TOP = 50;

/** The largest budget K (samples); beyond any real sweep's n, so it only refuses nonsense. */
export const ENSEMBLE_SEARCH_MAX_BUDGET = 100_000;

/** What a search does when not told: ensembles of up to 3 (as in the research), the top 5 listed. */
export const ENSEMBLE_SEARCH_DEFAULTS = { maxMembers: 3, top: 5 } as const;
