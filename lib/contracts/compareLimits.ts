/**
 * A comparison overlays at least two experiments and at most four (more stop being readable). Kept apart from the zod schemas so the browser's home
 * list can read them without bundling zod (whose eval probe the pages' CSP reports).
 */
export const COMPARE_MIN = 2;
export const COMPARE_MAX = 4;
