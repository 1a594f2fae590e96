import { formatAlpha } from "./alpha";

/**
 * A trained checkpoint an import writes into: a separate run beside the α line, known by its label
 * (unique per experiment), with the coverage level it was trained at when known.
 */
export interface TrainedTarget {
  label: string;
  coverage: number | null;
}

/**
 * Which checkpoint of an experiment an import's rows go to: an α on the A–B line (a number) or a
 * trained checkpoint, by its label (a string). A plain value, so that it keys maps.
 */
export type CheckpointKey = number | string;

/** How messages name the checkpoint: `α = 0.5` or `trained "coverage 50%"`. */
export function checkpointName(key: CheckpointKey): string {
  return typeof key === "number" ? `α = ${formatAlpha(key)}` : `trained ${JSON.stringify(key)}`;
}

/** α checkpoints by α, then trained ones by label. */
export function compareCheckpointKeys(a: CheckpointKey, b: CheckpointKey): number {
  if (typeof a === "number" && typeof b === "number") return a - b;
  if (typeof a === "number") return -1;
  if (typeof b === "number") return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The key of a reported checkpoint: its α, or its trained label when it has no α. */
export function reportedKey(checkpoint: { alpha: number | null; trained: string | null }): CheckpointKey {
  return checkpoint.alpha ?? checkpoint.trained ?? "";
}

/** A table cell naming the checkpoint: the α alone (`0.5`), or `trained "coverage 50%"`. */
export function checkpointCell(key: CheckpointKey): string {
  return typeof key === "number" ? formatAlpha(key) : checkpointName(key);
}
