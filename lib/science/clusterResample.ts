import { randomIndex } from "./random";

/**
 * One cluster-bootstrap resample of problems (Miller 2024, "Adding Error Bars to Evals", §2.2:
 * problems of one contest are correlated, so resampling them one by one understates the error):
 * as many clusters as there are, drawn with replacement, each bringing all its problems. `clusters`
 * gives each problem's cluster key (a LiveCodeBench contest, a metadata value); null makes the
 * problem its own cluster, so all-null labels give the ordinary problem bootstrap. Returns problem
 * indices into `clusters` (the resample's size varies with the clusters drawn).
 */
export function clusterResampleIndices(clusters: readonly (string | null)[], rng: () => number): Int32Array {
  const groups = clusterGroups(clusters);
  const drawn: number[] = [];
  for (let draw = 0; draw < groups.length; draw++) drawn.push(...groups[randomIndex(rng, groups.length)]);
  return Int32Array.from(drawn);
}

/** The problems of each cluster, clusters in first-seen order; a null key is a cluster of its own. */
export function clusterGroups(clusters: readonly (string | null)[]): number[][] {
  const byKey = new Map<string, number[]>();
  const groups: number[][] = [];
  clusters.forEach((key, problem) => {
    if (key === null) {
      groups.push([problem]);
      return;
    }
    const group = byKey.get(key);
    if (group) group.push(problem);
    else {
      const created = [problem];
      byKey.set(key, created);
      groups.push(created);
    }
  });
  return groups;
}
