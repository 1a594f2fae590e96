/** The path of the problems view of an experiment. */
export function problemsHref(slug: string): string {
  return `/experiments/${encodeURIComponent(slug)}/problems`;
}

/** The path of one problem's page (the id may hold any character, "/" included). */
export function problemHref(slug: string, id: string): string {
  return `${problemsHref(slug)}/${encodeURIComponent(id)}`;
}
