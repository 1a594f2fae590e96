/**
 * A dynamic segment of a page as the user wrote it. Next hands page params over still
 * percent-encoded (route handlers get them decoded), so a problem id such as "HumanEval/0" arrives
 * as "HumanEval%2F0". Null for a malformed escape.
 */
export function decodedPageParam(raw: string): string | null {
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
}
