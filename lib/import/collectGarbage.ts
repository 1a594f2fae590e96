import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

/** Documents smaller than this leave too little garbage to be worth a full collection. */
const MIN_BYTES = 64 * 1024 * 1024;

let collector: (() => void) | null = null;

/**
 * Runs a full garbage collection at the two moments a large JSON document leaves most garbage: once
 * its pruned pieces are joined (before the parse builds its tree), and once it has been parsed and
 * its rows handed on (its text and tree, about 100 MB for a paper-scale LiveCodeBench file). That
 * garbage sits in V8's old generation, which V8 collects only once it has grown to several times what
 * is alive: a 41-file sweep peaked at 770 MB without this (scripts/bench-import.ts --paper-scale). Node offers no collector call without `--expose-gc`, so
 * the flag is set for one new context, whose `gc` is taken; the application's own global is untouched.
 */
export function collectAfterDocument(bytes: number): void {
  if (bytes < MIN_BYTES) return;
  if (collector === null) {
    setFlagsFromString("--expose-gc");
    collector = runInNewContext("gc") as () => void;
  }
  collector();
}
