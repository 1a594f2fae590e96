import { childPath } from "./jsonPath";

/** A key given twice in one JSON object, of which JSON.parse silently keeps the last value. */
export interface DuplicateKey {
  key: string;
  /** JSON path of the second occurrence, e.g. `$[3].alpha`. */
  path: string;
  /** Offsets of the second and the first occurrence (their opening quotes). */
  offset: number;
  firstOffset: number;
}

/**
 * The first duplicate key of a valid JSON text, given what JSON.parse made of it; null when every
 * object's keys are distinct. JSON.parse keeps one property per distinct key, so the text has a
 * duplicate exactly when it holds more members (colons outside strings) than the parsed objects
 * have properties: that count is the fast check every document and line goes through, and only a
 * text that fails it is walked again to say where.
 */
export function findDuplicateKey(text: string, value: unknown): DuplicateKey | null {
  return memberCount(text) === propertyCount(value) ? null : locateDuplicateKey(text);
}

/** The offset just after the string token that opens at `start` (valid JSON). */
function stringEnd(text: string, start: number): number {
  let quote = text.indexOf('"', start + 1);
  while (quote !== -1 && isEscaped(text, quote)) quote = text.indexOf('"', quote + 1);
  return quote === -1 ? text.length : quote + 1;
}

function isEscaped(text: string, quote: number): boolean {
  let backslashes = 0;
  while (text.charCodeAt(quote - 1 - backslashes) === 0x5c) backslashes++;
  return backslashes % 2 === 1;
}

/** Colons outside strings: one per object member. (A char loop: 4× faster than a regex on short lines.) */
function memberCount(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit === 0x3a) count++;
    else if (unit === 0x22) i = stringEnd(text, i) - 1;
  }
  return count;
}

/** Properties of every object in a parsed value (iterative: nesting depth cannot overflow the stack). */
function propertyCount(root: unknown): number {
  let count = 0;
  const pending: unknown[] = [root];
  while (pending.length > 0) {
    const value = pending.pop();
    if (typeof value !== "object" || value === null) continue;
    const children = Array.isArray(value) ? value : Object.values(value);
    if (!Array.isArray(value)) count += children.length;
    for (const child of children) if (typeof child === "object" && child !== null) pending.push(child);
  }
  return count;
}

function isFollowedByColon(text: string, offset: number): boolean {
  let i = offset;
  while (text[i] === " " || text[i] === "\n" || text[i] === "\r" || text[i] === "\t") i++;
  return text[i] === ":";
}

interface Container {
  path: string;
  /** Keys seen so far with their offsets; null for an array. */
  keys: Map<string, number> | null;
  /** The current key (objects) or index (arrays): where the next nested container sits. */
  key: string;
  index: number;
}

/** Walks a valid JSON text for the first key given twice in one object. */
function locateDuplicateKey(text: string): DuplicateKey | null {
  const stack: Container[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    const top = stack[stack.length - 1];
    if (c === '"') {
      const end = stringEnd(text, i);
      if (top?.keys && isFollowedByColon(text, end)) {
        const key = JSON.parse(text.slice(i, end)) as string;
        const first = top.keys.get(key);
        if (first !== undefined)
          return { key, path: childPath(top.path, key), offset: i, firstOffset: first };
        top.keys.set(key, i);
        top.key = key;
      }
      i = end - 1;
    } else if (c === "{" || c === "[") {
      const path = top === undefined ? "$" : childPath(top.path, top.keys ? top.key : top.index);
      stack.push({ path, keys: c === "{" ? new Map() : null, key: "", index: 0 });
    } else if (c === "}" || c === "]") {
      stack.pop();
    } else if (c === "," && top && !top.keys) {
      top.index++;
    }
  }
  return null;
}
