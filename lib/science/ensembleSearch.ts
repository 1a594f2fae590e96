import type { SweepMatrix } from "../domain/sweep";
import { splitBudgetEqual } from "./budget";
import {
  type BestSingle,
  bestSingle,
  type EnsembleMember,
  noPassColumn,
  smallestSampleCount,
} from "./ensemblePassAtK";

export interface EnsembleSearchOptions {
  matrix: SweepMatrix;
  /** Total sample budget K, split equally over the members. */
  budget: number;
  /** Largest number of members m. */
  maxMembers: number;
  /** Problem indices (e.g. one difficulty slice). */
  problems: ArrayLike<number>;
  /** How many ensembles to return (default 10). */
  top?: number;
  /** Called now and then with the number of sets evaluated and the number planned. */
  onProgress?: (done: number, total: number) => void;
}

export interface RankedEnsemble {
  /** Members in checkpoint (α) order with their share of the budget. */
  members: EnsembleMember[];
  passAtK: number;
  /** passAtK minus the best single checkpoint's pass@K; null when no single checkpoint has n ≥ K. */
  gain: number | null;
}

export interface EnsembleSearchResult {
  method: "exact" | "greedy";
  /** What was searched, in words: what the result is guaranteed to be (or not). */
  approximation: string;
  budget: number;
  bestSingle: BestSingle | null;
  /** Number of candidate sets whose pass@K was computed. */
  evaluated: number;
  /** Best first; single checkpoints compete too, so the first entry never loses to the best single. */
  ensembles: RankedEnsemble[];
}

// Exhaustive search costs (number of sets) × (number of problems) multiply-adds; above this it
// would no longer finish within about half a second on one core, so the search turns greedy.
const EXACT_WORK_LIMIT = 1.2e8;
const PROGRESS_EVERY = 2048;

function binomial(n: number, k: number): number {
  let result = 1;
  for (let i = 1; i <= k; i++) result = (result * (n - k + i)) / i;
  return Math.round(result);
}

/**
 * How many sets the search of up to `maxMembers` of `checkpoints` checkpoints at budget K can pick:
 * every set of 1 … min(maxMembers, K, checkpoints) of them. The exhaustive search scores them all;
 * the greedy one scores a path through them that depends on the data, so any of them can be its pick.
 */
export function searchFamilySize(checkpoints: number, maxMembers: number, budget: number): number {
  let sets = 0;
  for (let size = 1; size <= Math.min(maxMembers, budget, checkpoints); size++)
    sets += binomial(checkpoints, size);
  return sets;
}

/** No-pass columns computed once per (checkpoint, k); null when the checkpoint has too few samples. */
function createColumnCache(matrix: SweepMatrix, problems: ArrayLike<number>) {
  const smallest = matrix.checkpoints.map((cp) => smallestSampleCount(cp.n, problems));
  const columns = new Map<number, (Float64Array | null)[]>();
  return (checkpoint: number, k: number): Float64Array | null => {
    let byCheckpoint = columns.get(k);
    if (!byCheckpoint) {
      byCheckpoint = matrix.checkpoints.map((_, index) =>
        smallest[index] >= k ? noPassColumn(matrix, index, k, problems) : null,
      );
      columns.set(k, byCheckpoint);
    }
    return byCheckpoint[checkpoint];
  };
}

/** Keeps the `size` best sets seen, best first; earlier sets win ties. */
function createTopList(size: number) {
  const entries: { checkpoints: number[]; passAtK: number }[] = [];
  return {
    entries,
    offer(passAtK: number, checkpoints: () => number[]): void {
      if (entries.length === size && passAtK <= entries[size - 1].passAtK) return;
      let at = entries.length;
      while (at > 0 && entries[at - 1].passAtK < passAtK) at--;
      entries.splice(at, 0, { checkpoints: checkpoints(), passAtK });
      if (entries.length > size) entries.pop();
    },
  };
}

/** Mean over problems of 1 − partial·column (partial omitted for a single member). */
function meanPass(partial: Float64Array | null, column: Float64Array): number {
  let sum = 0;
  if (partial) for (let i = 0; i < column.length; i++) sum += 1 - partial[i] * column[i];
  else for (let i = 0; i < column.length; i++) sum += 1 - column[i];
  return sum / column.length;
}

/**
 * Finds the sets of up to `maxMembers` checkpoints with the highest ensemble pass@K on `problems`,
 * the budget K split equally (remainder to the lower α). Exhaustive when the number of sets times
 * the number of problems is small enough, greedy forward selection otherwise (stated in the
 * result). Single checkpoints (at the full K) are candidates too.
 */
export function searchEnsembles(options: EnsembleSearchOptions): EnsembleSearchResult {
  const { matrix, budget, maxMembers, problems, top = 10, onProgress } = options;
  if (!Number.isInteger(budget) || budget < 1)
    throw new RangeError(`budget must be a positive integer, got ${budget}`);
  if (!Number.isInteger(maxMembers) || maxMembers < 1) {
    throw new RangeError(`maxMembers must be a positive integer, got ${maxMembers}`);
  }
  if (!Number.isInteger(top) || top < 1) throw new RangeError(`top must be a positive integer, got ${top}`);
  if (problems.length === 0) throw new RangeError("ensemble search needs at least one problem");

  const checkpoints = matrix.checkpoints.length;
  const largest = Math.min(maxMembers, budget, checkpoints);
  const planned = searchFamilySize(checkpoints, maxMembers, budget);
  const exact = planned * problems.length <= EXACT_WORK_LIMIT;
  const column = createColumnCache(matrix, problems);
  const best = createTopList(top);
  let evaluated = 0;
  const record = (passAtK: number, members: () => number[]) => {
    best.offer(passAtK, members);
    evaluated++;
    if (onProgress && evaluated % PROGRESS_EVERY === 0) onProgress(evaluated, planned);
  };

  if (exact) searchExhaustively(largest, checkpoints, budget, column, record, problems.length);
  else searchGreedily(largest, checkpoints, budget, column, record);
  onProgress?.(evaluated, evaluated);

  const single = bestSingle(matrix, budget, problems);
  const range = largest === 1 ? "1" : `1–${largest}`;
  const approximation = exact
    ? `Exhaustive: every set of ${range} of the ${checkpoints} checkpoints, budget ${budget} split equally ` +
      `(remainder to the lower α); other splits are not searched.`
    : `Greedy forward selection: starting from the best single checkpoint, each step adds the checkpoint ` +
      `that most raises pass@${budget} under an equal split. Not guaranteed optimal: an exhaustive search ` +
      `would need ${planned} sets × ${problems.length} problems.`;
  return {
    method: exact ? "exact" : "greedy",
    approximation,
    budget,
    bestSingle: single,
    evaluated,
    ensembles: best.entries.map(({ checkpoints: chosen, passAtK }) => {
      const split = splitBudgetEqual(budget, chosen.length);
      return {
        members: chosen.map((checkpoint, i) => ({ checkpoint, k: split[i] })),
        passAtK,
        gain: single ? passAtK - single.passAtK : null,
      };
    }),
  };
}

type ColumnLookup = (checkpoint: number, k: number) => Float64Array | null;
type Recorder = (passAtK: number, members: () => number[]) => void;

/** Every ascending index set of each size; partial no-pass products are reused down the recursion. */
function searchExhaustively(
  largest: number,
  checkpoints: number,
  budget: number,
  column: ColumnLookup,
  record: Recorder,
  problemCount: number,
): void {
  const chosen: number[] = [];
  const buffers = Array.from({ length: largest }, () => new Float64Array(problemCount));
  for (let size = 1; size <= largest; size++) {
    const split = splitBudgetEqual(budget, size);
    const visit = (depth: number, start: number, partial: Float64Array | null): void => {
      for (let index = start; index <= checkpoints - (size - depth); index++) {
        const values = column(index, split[depth]);
        if (!values) continue;
        chosen[depth] = index;
        if (depth === size - 1) {
          record(meanPass(partial, values), () => chosen.slice(0, size));
          continue;
        }
        let next = values;
        if (partial) {
          next = buffers[depth];
          for (let i = 0; i < values.length; i++) next[i] = partial[i] * values[i];
        }
        visit(depth + 1, index + 1, next);
      }
    };
    visit(0, 0, null);
  }
}

/** Grows one set a member at a time, keeping the addition that raises pass@K most. */
function searchGreedily(
  largest: number,
  checkpoints: number,
  budget: number,
  column: ColumnLookup,
  record: Recorder,
): void {
  let current: number[] = [];
  for (let size = 1; size <= largest; size++) {
    const split = splitBudgetEqual(budget, size);
    let bestSet: number[] | null = null;
    let bestValue = Number.NEGATIVE_INFINITY;
    for (let candidate = 0; candidate < checkpoints; candidate++) {
      if (current.includes(candidate)) continue;
      const set = [...current, candidate].sort((a, b) => a - b);
      const columns = memberColumns(set, split, column);
      if (!columns) continue;
      const value = evaluateColumns(columns);
      record(value, () => set);
      if (value > bestValue) {
        bestValue = value;
        bestSet = set;
      }
    }
    if (!bestSet) return;
    current = bestSet;
  }
}

/** The no-pass column of each member at its k; null when one member has too few samples. */
function memberColumns(set: number[], split: number[], column: ColumnLookup): Float64Array[] | null {
  const columns: Float64Array[] = [];
  for (let i = 0; i < set.length; i++) {
    const values = column(set[i], split[i]);
    if (!values) return null;
    columns.push(values);
  }
  return columns;
}

/** Ensemble pass@K from member no-pass columns, multiplied in member order. */
function evaluateColumns(columns: Float64Array[]): number {
  if (columns.length === 1) return meanPass(null, columns[0]);
  const partial = Float64Array.from(columns[0]);
  for (let m = 1; m < columns.length - 1; m++) {
    for (let i = 0; i < partial.length; i++) partial[i] *= columns[m][i];
  }
  return meanPass(partial, columns[columns.length - 1]);
}
