/** The longest experiment slug: slugs appear in URLs, page titles and file names. */
export const SLUG_MAX_LENGTH = 100;

/**
 * An experiment slug: lowercase letters, digits and dashes, starting with a letter or digit, at
 * most {@link SLUG_MAX_LENGTH} characters. The one rule for manifests, the CLI, the API and the pages.
 */
export const SLUG_PATTERN = new RegExp(`^[a-z0-9][a-z0-9-]{0,${SLUG_MAX_LENGTH - 1}}$`);

/** The rule in words, for messages: "must be …". */
export const SLUG_RULE = `lowercase letters, digits and dashes (at most ${SLUG_MAX_LENGTH} characters)`;

export function isSlug(text: string): boolean {
  return SLUG_PATTERN.test(text);
}
