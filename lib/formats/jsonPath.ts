const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** Unicode noncharacters (lib/domain/text.ts), as UTF-16: JSON.stringify leaves them raw. */
const NONCHARACTER = /[\ufdd0-\ufdef\ufffe\uffff]|[\ud800-\udbff][\udffe\udfff]/g;

/** A key as a JSON string, its noncharacters escaped as control characters are, so messages show them. */
function quotedKey(key: string): string {
  return JSON.stringify(key).replace(NONCHARACTER, (units) =>
    units
      .split("")
      .map((unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, "0")}`)
      .join(""),
  );
}

/**
 * The JSON path of a child value: `$[3]` for an index, `$.eval` for a plain key,
 * `$.eval["HumanEval/0"]` for a key that is not an identifier.
 */
export function childPath(parent: string, key: string | number): string {
  if (typeof key === "number") return `${parent}[${key}]`;
  return IDENTIFIER.test(key) ? `${parent}.${key}` : `${parent}[${quotedKey(key)}]`;
}
