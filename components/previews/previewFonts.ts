import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { SatoriOptions } from "satori";
import { LIGHT_COLORS } from "@/lib/charts/palette";

type Font = SatoriOptions["fonts"][number];

/**
 * The fonts a preview image may need beyond DejaVu Sans, all installed from npm (@fontsource, SIL
 * OFL): Noto Sans (Latin, Greek, Cyrillic, Vietnamese, Devanagari), Noto Sans SC (Han, kana), Thai,
 * Arabic, and the monochrome Noto Emoji. Each package is split into subsets by Unicode range (its
 * unicode.json); a subset is read from disk the first time a name needs one of its characters. WOFF,
 * not WOFF2: the renderer reads TTF, OTF and WOFF. Found from the working directory, as the compute
 * threads are.
 */
const PACKAGES = ["noto-sans", "noto-sans-sc", "noto-sans-thai", "noto-sans-arabic", "noto-emoji"] as const;

interface Subset {
  file: string;
  emoji: boolean;
  ranges: readonly (readonly [number, number])[];
}

/** Parses a unicode.json range list (`U+0400-045F,U+2116`). */
export function parseUnicodeRanges(list: string): [number, number][] {
  return list.split(",").map((part) => {
    const [start, end = start] = part.trim().replace(/^U\+/i, "").split("-");
    return [Number.parseInt(start, 16), Number.parseInt(end, 16)];
  });
}

let subsets: Subset[] | null = null;

function shippedSubsets(): Subset[] {
  subsets ??= PACKAGES.flatMap((name) => {
    const dir = join(process.cwd(), "node_modules/@fontsource", name);
    const ranges = JSON.parse(readFileSync(join(dir, "unicode.json"), "utf8")) as Record<string, string>;
    return Object.entries(ranges).map(([key, list]) => ({
      file: join(dir, "files", `${name}-${key.replace(/^\[(\d+)\]$/, "$1")}-400-normal.woff`),
      emoji: name === "noto-emoji",
      ranges: parseUnicodeRanges(list),
    }));
  });
  return subsets;
}

const loaded = new Map<string, Promise<Font>>();

function loadSubset(file: string): Promise<Font> {
  let font = loaded.get(file);
  if (!font) {
    font = readFile(file).then((data) => ({ name: file, data, weight: 400, style: "normal" }));
    loaded.set(file, font);
  }
  return font;
}

/** Joiners and variation selectors: every emoji subset lists them, and none draws them. */
const INVISIBLE = /\u200c|\u200d|\ufe0e|\ufe0f/gu;

/**
 * The shipped subsets that draw the characters of `text`, one per character at most: emoji from the
 * emoji font only, other text from the others (a text subset's declared range may span emoji
 * blocks it has no glyphs for).
 */
export function subsetsFor(text: string, emoji: boolean): string[] {
  const files = new Set<string>();
  for (const character of text.replace(INVISIBLE, "")) {
    const code = character.codePointAt(0) ?? 0;
    const subset = shippedSubsets().find(
      (s) => s.emoji === emoji && s.ranges.some(([start, end]) => start <= code && code <= end),
    );
    if (subset) files.add(subset.file);
  }
  return [...files];
}

/**
 * What the renderer draws for an emoji no shipped font has: an outlined box, so the reader sees a
 * character is there (the "tofu" a browser shows) rather than a silent gap.
 */
export const MISSING_EMOJI = `data:image/svg+xml;base64,${Buffer.from(
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect x="1" y="1" width="8" height="8" fill="none" stroke="${LIGHT_COLORS["text-muted"]}" stroke-width="1"/></svg>`,
).toString("base64")}`;

/**
 * The renderer's hook for glyphs the main font lacks (satori's loadAdditionalAsset). Satori's
 * default and next/og's ask Google Fonts and a CDN, sending the text itself; this one only reads the
 * shipped subsets, so a preview never touches the network. A character none of them has is drawn as
 * the font's missing-glyph box (or MISSING_EMOJI), visibly.
 */
export async function loadShippedAsset(code: string, text: string): Promise<string | Font[]> {
  const fonts = await Promise.all(subsetsFor(text, code === "emoji").map(loadSubset));
  return code === "emoji" && fonts.length === 0 ? MISSING_EMOJI : fonts;
}
