// The one rule for which characters a stored text may hold, shared by every import format
// (lib/formats/storable.ts) and every API text field (lib/contracts): control characters, unpaired UTF-16
// surrogates and Unicode noncharacters are refused. Noncharacters (U+FDD0–U+FDEF and the last two
// code points of every plane, U+FFFE, U+FFFF … U+10FFFF) are not text: XML forbids U+FFFE/U+FFFF,
// so an SVG export holding one does not parse, and YAML readers refuse them.

const isHighSurrogate = (unit: number) => unit >= 0xd800 && unit <= 0xdbff;
const isLowSurrogate = (unit: number) => unit >= 0xdc00 && unit <= 0xdfff;

/** Whether `point` is one of the 66 Unicode noncharacters. */
export function isNoncharacter(point: number): boolean {
  return (point >= 0xfdd0 && point <= 0xfdef) || (point & 0xfffe) === 0xfffe;
}

/** A character `text` may not hold, where it is, and what kind it is. */
export interface CharacterFault {
  /** The index of its first UTF-16 unit. */
  index: number;
  /** Its code point (a lone surrogate's own unit). */
  point: number;
  kind: "nul" | "control" | "surrogate" | "noncharacter";
}

/**
 * The first character of `text` that cannot be stored as text, or null: a C0 or C1 control
 * character (tab and line breaks allowed when `multiline`), a surrogate that is not half of a pair,
 * or a noncharacter.
 */
export function firstCharacterFault(text: string, multiline = false): CharacterFault | null {
  for (let index = 0; index < text.length; index++) {
    const unit = text.charCodeAt(index);
    if (unit < 0x20) {
      if (multiline && (unit === 0x09 || unit === 0x0a || unit === 0x0d)) continue;
      return { index, point: unit, kind: unit === 0 ? "nul" : "control" };
    }
    if (unit >= 0x7f && unit <= 0x9f) return { index, point: unit, kind: "control" };
    if (isHighSurrogate(unit) && isLowSurrogate(text.charCodeAt(index + 1))) {
      const point = text.codePointAt(index) ?? unit;
      if (isNoncharacter(point)) return { index, point, kind: "noncharacter" };
      index++;
    } else if (isHighSurrogate(unit) || isLowSurrogate(unit))
      return { index, point: unit, kind: "surrogate" };
    else if (isNoncharacter(unit)) return { index, point: unit, kind: "noncharacter" };
  }
  return null;
}

/** The number of characters (code points) of `text`, counting no further than `stop`. */
export function countCharacters(text: string, stop = Number.POSITIVE_INFINITY): number {
  let count = 0;
  for (let i = 0; i < text.length && count <= stop; i++, count++) {
    if (isHighSurrogate(text.charCodeAt(i)) && isLowSurrogate(text.charCodeAt(i + 1))) i++;
  }
  return count;
}

/** `U+FFFE`, `U+1FFFF`. */
export function formatCodePoint(point: number): string {
  return `U+${point.toString(16).toUpperCase().padStart(4, "0")}`;
}

/** Why `text` holds a character it may not, in words ("contains the noncharacter U+FFFE at character 3"), or null. */
export function characterFault(text: string, multiline = false): string | null {
  const fault = firstCharacterFault(text, multiline);
  if (fault === null) return null;
  const at = `at character ${countCharacters(text.slice(0, fault.index)) + 1}`;
  const point = formatCodePoint(fault.point);
  switch (fault.kind) {
    case "nul":
      return `contains a NUL character (${at}), which cannot be stored`;
    case "surrogate":
      return `is not valid Unicode: a lone surrogate ${point} ${at}`;
    case "noncharacter":
      return `contains the Unicode noncharacter ${point} ${at}`;
    case "control":
      return `contains the control character ${point} ${at}`;
  }
}
