"use client";

import { useRef } from "react";

/** Whether two lists hold the same items (by identity) in the same order. */
export function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i]);
}

/**
 * The list from an earlier render while its items are the same ones: a list rebuilt on every render
 * (e.g. each compared experiment's points, taken from series that carry the α readout) keeps its
 * identity, so what is memoized on it is not redone on every slider move.
 */
export function useStableList<T>(items: readonly T[]): readonly T[] {
  const kept = useRef(items);
  if (!sameItems(kept.current, items)) kept.current = items;
  return kept.current;
}
