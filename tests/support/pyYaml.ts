import { isScalar, parseDocument, visit } from "yaml";

// A YAML reader that reads a file as PyYAML's `safe_load` (YAML 1.1) does, for the parts that differ
// from the `yaml` package's YAML 1.1 mode:
// - the reader refuses a stream holding a character outside PyYAML's printable set (U+FFFE, U+FFFF,
//   C0/C1 controls other than tab and line breaks, …);
// - U+0085, U+2028 and U+2029 are line breaks anywhere in the stream (the package's 1.1 mode reads
//   them as ordinary characters), so they are turned into "\n" before parsing;
// - plain scalars resolve with PyYAML's own resolver patterns (resolver.py): `y`/`n` stay strings,
//   `1e-7` (no decimal point) is a string, `12:30:00` a base-60 integer, `2001-12-14` a date.

/** reader.py's printable set (its NON_PRINTABLE pattern is the complement). */
function isPrintable(point: number): boolean {
  if (point === 0x09 || point === 0x0a || point === 0x0d || point === 0x85) return true;
  return (
    (point >= 0x20 && point <= 0x7e) ||
    (point >= 0xa0 && point <= 0xd7ff) ||
    (point >= 0xe000 && point <= 0xfffd) ||
    point >= 0x10000
  );
}

const BOOL = /^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/;
const FLOAT =
  /^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;
const INT =
  /^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$/;
const NULL = /^(?:~|null|Null|NULL|)$/;
const TIMESTAMP =
  /^(?:[0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?)$/;

/** Base 60: `12:30:00` → 45000 (constructor.py's construct_yaml_int/float). */
function sexagesimal(text: string, parse: (part: string) => number): number {
  const sign = text.startsWith("-") ? -1 : 1;
  const parts = text.replace(/^[-+]/, "").split(":");
  return sign * parts.reduce((value, part) => value * 60 + parse(part), 0);
}

function integer(text: string): number {
  const digits = text.replace(/_/g, "");
  const sign = digits.startsWith("-") ? -1 : 1;
  const body = digits.replace(/^[-+]/, "");
  if (body === "0") return 0;
  if (body.startsWith("0b")) return sign * Number.parseInt(body.slice(2), 2);
  if (body.startsWith("0x")) return sign * Number.parseInt(body.slice(2), 16);
  if (body.startsWith("0")) return sign * Number.parseInt(body.slice(1), 8);
  if (body.includes(":")) return sign * sexagesimal(body, Number);
  return sign * Number(body);
}

function float(text: string): number {
  const digits = text.replace(/_/g, "").toLowerCase();
  if (digits.endsWith(".inf"))
    return digits.startsWith("-") ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  if (digits === ".nan") return Number.NaN;
  if (digits.includes(":")) return sexagesimal(digits, Number);
  return Number(digits);
}

/** What PyYAML's implicit resolvers make of a plain scalar. */
export function resolvePlain(text: string): unknown {
  if (BOOL.test(text)) return /^(?:yes|true|on)$/i.test(text);
  if (FLOAT.test(text)) return float(text);
  if (INT.test(text)) return integer(text);
  if (NULL.test(text)) return null;
  if (TIMESTAMP.test(text))
    return new Date(`${text.replace(/[ \t]+/, "T")}${text.length === 10 ? "T00:00:00Z" : ""}`);
  return text;
}

/** Reads `text` as PyYAML's `yaml.safe_load` would, or throws where PyYAML would refuse it. */
export function pyYamlSafeLoad(text: string): unknown {
  for (const character of text) {
    const point = character.codePointAt(0) ?? 0;
    if (!isPrintable(point)) {
      const hex = point.toString(16).toUpperCase().padStart(4, "0");
      throw new Error(`unacceptable character #x${hex}: special characters are not allowed`);
    }
  }
  const doc = parseDocument(text.replace(/\r\n?|[\u0085\u2028\u2029]/g, "\n"), { version: "1.1" });
  if (doc.errors.length > 0) throw doc.errors[0];
  visit(doc, {
    Scalar(_key, node) {
      if (isScalar(node) && node.type === "PLAIN" && !node.tag && typeof node.source === "string")
        node.value = resolvePlain(node.source);
    },
  });
  return doc.toJS();
}
