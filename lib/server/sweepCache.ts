import type { ExperimentHeader } from "../api/types";
import type { Db } from "../db/client";
import { getExperimentHeader, loadSweepMatrix } from "../db/queries/sweep";
import type { SweepMatrix } from "../domain/sweep";

export interface LoadedSweep {
  header: ExperimentHeader;
  matrix: SweepMatrix;
}

interface Entry {
  version: string;
  sweep: Promise<LoadedSweep | null>;
  derived: Map<string, unknown>;
}

const MAX_ENTRIES = 8;
const entries = new Map<string, Entry>();

/**
 * Loads an experiment's result matrix, reusing the last load while the experiment is unchanged (its
 * `updatedAt` moves on every import). Every view computes from the same matrix, so a page load and the
 * API calls it makes read the results table once.
 */
export async function getSweep(db: Db, slug: string): Promise<{ sweep: LoadedSweep; entry: Entry } | null> {
  const header = await getExperimentHeader(db, slug);
  if (!header) {
    entries.delete(slug);
    return null;
  }
  const version = header.updatedAt;
  let entry = entries.get(slug);
  if (!entry || entry.version !== version) {
    entry = { version, sweep: loadSweepMatrix(db, slug), derived: new Map() };
    entries.delete(slug);
    entries.set(slug, entry);
    while (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
  }
  const current = entry;
  const sweep = await current.sweep.catch((error: unknown) => {
    if (entries.get(slug) === current) entries.delete(slug);
    throw error;
  });
  if (!sweep) return null;
  return { sweep, entry: current };
}

/** A value computed from a loaded sweep, kept as long as the sweep itself (e.g. bootstrap intervals). */
export async function derive<T>(
  db: Db,
  slug: string,
  key: string,
  compute: (sweep: LoadedSweep) => T,
): Promise<T | null> {
  const loaded = await getSweep(db, slug);
  if (!loaded) return null;
  const { sweep, entry } = loaded;
  if (!entry.derived.has(key)) entry.derived.set(key, compute(sweep));
  return entry.derived.get(key) as T;
}
