import { formatAlpha } from "./alpha";
import { type CheckpointKey, compareCheckpointKeys } from "./checkpointKey";

/**
 * What a version changed from the one before it: the checkpoints it added, replaced (by another
 * checkpoint) or removed, as the α of the α checkpoints and, under `trained`, the labels of the
 * trained ones (beside the α line).
 */
export interface CheckpointChanges {
  added: number[];
  replaced: number[];
  removed: number[];
  trained: { added: string[]; replaced: string[]; removed: string[] };
}

/** A live checkpoint: its id and its key (α, or trained label). */
export interface KeyedCheckpoint {
  id: number;
  key: CheckpointKey;
}

const CHANGE_KINDS = ["added", "replaced", "removed"] as const;
type ChangeKind = (typeof CHANGE_KINDS)[number];

/**
 * What changed between two live sets: keys only after (added), only before (removed), and keys
 * whose checkpoint is another one (replaced); each list in key order.
 */
export function checkpointChanges(
  before: readonly KeyedCheckpoint[],
  after: readonly KeyedCheckpoint[],
): CheckpointChanges {
  const idBefore = new Map(before.map((checkpoint) => [checkpoint.key, checkpoint.id]));
  const keysAfter = new Set(after.map((checkpoint) => checkpoint.key));
  const keys: Record<ChangeKind, CheckpointKey[]> = {
    added: after.filter((c) => !idBefore.has(c.key)).map((c) => c.key),
    replaced: after.filter((c) => idBefore.has(c.key) && idBefore.get(c.key) !== c.id).map((c) => c.key),
    removed: before.filter((c) => !keysAfter.has(c.key)).map((c) => c.key),
  };
  const changes: CheckpointChanges = {
    added: [],
    replaced: [],
    removed: [],
    trained: { added: [], replaced: [], removed: [] },
  };
  for (const kind of CHANGE_KINDS) {
    for (const key of [...keys[kind]].sort(compareCheckpointKeys)) {
      if (typeof key === "number") changes[kind].push(key);
      else changes.trained[kind].push(key);
    }
  }
  return changes;
}

/** True when nothing was added, replaced or removed. */
export function noCheckpointChange(changes: CheckpointChanges): boolean {
  return CHANGE_KINDS.every((kind) => changes[kind].length + changes.trained[kind].length === 0);
}

/**
 * One kind of change as text, α first then trained labels: `α 0.5, 1; trained "coverage 50%"`;
 * "" when there is none of that kind.
 */
export function describeChanged(changes: CheckpointChanges, kind: ChangeKind): string {
  const alphas = changes[kind].length > 0 ? `α ${changes[kind].map(formatAlpha).join(", ")}` : "";
  const trained = changes.trained[kind];
  const labels =
    trained.length > 0 ? `trained ${trained.map((label) => JSON.stringify(label)).join(", ")}` : "";
  return [alphas, labels].filter((part) => part !== "").join("; ");
}
