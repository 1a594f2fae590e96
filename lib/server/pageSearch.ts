/** A page's `searchParams` as Next hands them to a server component. */
export type PageSearchParams = Record<string, string | string[] | undefined>;

/**
 * The query string of a page request (first value of a repeated key), for a client view to parse
 * with the same code it uses on navigation.
 */
export function pageQueryString(searchParams: PageSearchParams): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(searchParams)) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined) params.set(key, first);
  }
  return params.toString();
}

/** The request header in which the proxy hands pages the path (and query) they were asked for. */
export const PAGE_PATH_HEADER = "x-alphascope-path";
