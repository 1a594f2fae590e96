import { countCharacters, formatCodePoint } from "./text";

// What a checkpoint's or an endpoint's model reference may be, checked wherever one enters (a
// manifest, POST /api/imports, PATCH /api/experiments/<slug>): it ends up in mergekit recipes, which
// PyYAML reads as YAML 1.1, where U+0085, U+2028 and U+2029 break lines. The recipe writer quotes
// and escapes every string as well (lib/responses/mergekitRecipe.ts); this rule keeps such references
// out of the database in the first place. Control characters, lone surrogates and noncharacters are
// the stored-text rule's (lib/domain/text.ts), checked before this one.

/** A Hugging Face repository id, `name` or `org/name`, optionally pinned with `@revision`. */
const HUB_ID = /^[A-Za-z0-9][\w.-]*(?:\/[A-Za-z0-9][\w.-]*)?(?:@[\w.-][\w./-]*)?$/;

/** A path: absolute, relative (`./`, `../`, `~`) or with a directory separator somewhere. */
const PATH = /^(?:[.~]|.*[/\\])/s;

/** Format characters (zero-width, bidirectional controls) and line and paragraph separators. */
const INVISIBLE = /[\p{Cf}\p{Zl}\p{Zp}]/u;

/** The rule in words, for messages and docs. */
export const MODEL_REFERENCE_RULE =
  "a Hugging Face id (org/name, optionally @revision) or a path, without format or line-separator characters";

/**
 * Why `text` (trimmed, already passed by the stored-text rule) is not a model reference, or null.
 */
export function modelReferenceFault(text: string): string | null {
  const match = INVISIBLE.exec(text);
  if (match) {
    const point = match[0].codePointAt(0) ?? 0;
    const kind = /\p{Zl}/u.test(match[0])
      ? "line separator"
      : /\p{Zp}/u.test(match[0])
        ? "paragraph separator"
        : "format character";
    const at = countCharacters(text.slice(0, match.index)) + 1;
    return `contains the ${kind} ${formatCodePoint(point)} at character ${at}; a model reference must be ${MODEL_REFERENCE_RULE}`;
  }
  if (HUB_ID.test(text) || PATH.test(text)) return null;
  return `must be ${MODEL_REFERENCE_RULE}`;
}
