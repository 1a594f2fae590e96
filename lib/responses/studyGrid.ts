import type { StudyDetail, StudyExperiment } from "../contracts/studies";
import { SETTINGS } from "../domain/setting";

/** The row label of experiments that name no model scale. */
export const UNKNOWN_SCALE = "unknown scale";

/** A model scale's size for ordering ("7B" → 7e9, "1.5B" → 1.5e9, "350M" → 3.5e8); null when it names none. */
function scaleSize(scale: string): number | null {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([KMBT])?/i.exec(scale);
  if (!match) return null;
  const unit = { K: 1e3, M: 1e6, B: 1e9, T: 1e12 }[(match[2] ?? "").toUpperCase() as "K" | "M" | "B" | "T"];
  return Number(match[1]) * (unit ?? 1);
}

/** Scales smallest first where their sizes can be read, then the others in code-unit order. */
function compareScales(a: string, b: string): number {
  const [sa, sb] = [scaleSize(a), scaleSize(b)];
  if (sa !== null && sb !== null && sa !== sb) return sa - sb;
  if (sa !== null && sb === null) return -1;
  if (sa === null && sb !== null) return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** What the grid needs of an experiment. */
export type StudyMember = Omit<StudyExperiment, "row" | "column">;

/**
 * Lays a study's experiments out as the paper's figure: one column per setting present (in the
 * settings' own order), one row per model scale present (smallest first); experiments without a
 * scale share a row "unknown scale", last. Experiments are listed row by row, each row by column
 * (keeping their given order within a cell).
 */
export function studyGrid(study: {
  slug: string;
  name: string;
  experiments: readonly StudyMember[];
}): StudyDetail {
  const members = study.experiments;
  const columns = SETTINGS.filter((setting) => members.some((e) => e.setting === setting));
  const scales = [...new Set(members.map((e) => e.modelScale).filter((s): s is string => s !== null))].sort(
    compareScales,
  );
  const rows = members.some((e) => e.modelScale === null) ? [...scales, UNKNOWN_SCALE] : scales;
  return {
    slug: study.slug,
    name: study.name,
    rows,
    columns,
    experiments: members
      .map((e) => ({
        ...e,
        row: rows.indexOf(e.modelScale ?? UNKNOWN_SCALE),
        column: columns.indexOf(e.setting),
      }))
      .sort((a, b) => a.row - b.row || a.column - b.column),
  };
}
