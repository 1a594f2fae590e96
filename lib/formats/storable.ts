import { characterFault, countCharacters } from "../domain/text";
import { MAX_STORED_COUNT, TEXT_LIMITS, type TextField } from "./limits";
import { describeValue } from "./values";

// What PostgreSQL can store, checked by every parser before a value goes on: each function returns
// why a value cannot be stored (a message to report with the file, line or path, and field), or null.

/**
 * Why `text` cannot be stored as `field`: longer than its {@link TEXT_LIMITS} entry, holding a NUL
 * (which PostgreSQL text cannot hold) or another control character (line breaks only where
 * `multiline`), a lone UTF-16 surrogate (not valid Unicode; JSON can write one as `\ud800`) or a
 * Unicode noncharacter (see lib/domain/text.ts).
 */
export function textFault(text: string, field: TextField, { multiline = false } = {}): string | null {
  const limit = TEXT_LIMITS[field];
  // UTF-16 length ≥ characters, so most texts are cleared without counting.
  if (text.length > limit && countCharacters(text, limit) > limit) {
    return `is ${countCharacters(text)} characters long; at most ${limit} are allowed`;
  }
  return characterFault(text, multiline);
}

/** Why a count (already a non-negative integer) cannot be stored: over PostgreSQL's `integer`. */
export function countFault(count: number): string | null {
  return count > MAX_STORED_COUNT
    ? `is ${count}, over ${MAX_STORED_COUNT}, the largest count that can be stored`
    : null;
}

const ISO_DATE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2}):?(\d{2}))?)?$/;

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * Why `text` is not a date the harnesses write and PostgreSQL stores: an ISO date (`2023-08-21`) or
 * timestamp (`2023-08-21T00:00:00`, `…Z`, `…+02:00`) of a day that exists, from year 1 to 9999.
 * (`Date.parse` would roll 2024-02-30 over to March 1st.)
 */
export function dateFault(text: string): string | null {
  const match = ISO_DATE.exec(text);
  if (!match) return `expected an ISO date (YYYY-MM-DD, optionally with a time), got ${describeValue(text)}`;
  const [year, month, day, hour, minute, second, zoneHour, zoneMinute] = match.slice(1).map(Number);
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return `${JSON.stringify(text)} is not a day of the calendar`;
  }
  // Time parts that are absent are NaN, which passes every comparison.
  if (hour > 23 || minute > 59 || second > 59 || zoneHour > 23 || zoneMinute > 59) {
    return `${JSON.stringify(text)} has no valid time of day`;
  }
  return null;
}

/**
 * A problem id as a file gives it: the id when it is a non-empty string that {@link textFault}
 * passes, otherwise why not. Every format's ids go through here.
 */
export function readProblemId(value: unknown): { id: string; fault: null } | { id: null; fault: string } {
  if (typeof value !== "string" || value === "")
    return { id: null, fault: `expected a non-empty string, got ${describeValue(value)}` };
  const fault = textFault(value, "problemId");
  return fault === null ? { id: value, fault } : { id: null, fault };
}
