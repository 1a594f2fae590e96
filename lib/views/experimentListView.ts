import {
  type ExperimentListQuery,
  type ExperimentSort,
  experimentListQuerySchema,
} from "../contracts/experimentListQuery";
import { formatCount } from "./format";
import type { ParsedUrlView, UrlViewDefinition } from "./urlView";

/** Rows per page of the home page's list: small enough that the first HTML stays light at any scale. */
export const EXPERIMENT_PAGE_SIZE = 50;

/** The home page's list as its URL keeps it: the API's query without the page size. */
export type ExperimentListView = Omit<ExperimentListQuery, "limit">;

/** Keys in the order the URL writes them (one view, one link). */
const KEYS = [
  "q",
  "benchmark",
  "setting",
  "scale",
  "family",
  "study",
  "synthetic",
  "sort",
  "order",
  "cursor",
] as const;

const shape = experimentListQuerySchema.shape;

/** Reads each parameter alone with the API's schema: an invalid one is dropped with a notice. */
export const experimentListView: UrlViewDefinition<ExperimentListView, null> = {
  parse(params): ParsedUrlView<ExperimentListView> {
    const view: ExperimentListView = { sort: "updated" };
    const notices: string[] = [];
    for (const key of KEYS) {
      const text = params.get(key);
      if (text === null || text === "") continue;
      const parsed = shape[key].safeParse(text);
      if (parsed.success) Object.assign(view, { [key]: parsed.data });
      else
        notices.push(
          `Ignored ${key}=${JSON.stringify(text)}: ${parsed.error.issues[0]?.message ?? "invalid"}.`,
        );
    }
    return { view, notices };
  },
  serialize(view) {
    const params = new URLSearchParams();
    for (const key of KEYS) {
      const value = view[key];
      if (value === undefined || value === "" || (key === "sort" && value === "updated")) continue;
      params.set(key, String(value));
    }
    return params;
  },
};

/** The API query of a view's page. */
export function experimentPageSearch(view: ExperimentListView): string {
  const params = experimentListView.serialize(view);
  params.set("limit", String(EXPERIMENT_PAGE_SIZE));
  return params.toString();
}

/** The view after clicking a column's header: that column ascending, or the other way when already sorted by it. */
export function sortedBy(
  view: ExperimentListView,
  sort: ExperimentSort,
  current: "asc" | "desc",
): ExperimentListView {
  const order = view.sort === sort ? (current === "asc" ? "desc" : "asc") : undefined;
  return { ...view, sort, order, cursor: undefined };
}

/** Which rows a page shows, as "51–100 of 10,000" ("0 of 0" when none match). */
export function pageRangeText(page: { offset: number; total: number; items: readonly unknown[] }): string {
  if (page.items.length === 0) return `0 of ${formatCount(page.total)}`;
  return `${formatCount(page.offset + 1)}–${formatCount(page.offset + page.items.length)} of ${formatCount(page.total)}`;
}

const FILTER_KEYS = ["q", "benchmark", "setting", "scale", "family", "study", "synthetic"] as const;

/** Whether a view narrows the list (a search or a filter): an empty answer then means "no match", not "no data". */
export function isFiltered(view: ExperimentListView): boolean {
  return FILTER_KEYS.some((key) => view[key] !== undefined);
}

/** The change that clears the search and every filter (keeping the sort) and starts paging over. */
export function clearedFilters(): Partial<ExperimentListView> {
  return Object.fromEntries([...FILTER_KEYS, "cursor"].map((key) => [key, undefined]));
}
