/**
 * How an experiment's bootstrap resamples problems (issue #21 item 8): one by one (null, the
 * default), or by cluster, a drawn cluster bringing all its problems. Problems of one contest are
 * correlated, so resampling them one by one understates the error (Miller 2024, "Adding Error Bars
 * to Evals", §2.2):
 * - "contest": one LiveCodeBench contest, i.e. the problems of one platform on one contest date
 *   (the problem metadata the imports store; LiveCodeBench holds one contest per platform and day);
 * - "metadata:<key>": the problems sharing that metadata value (platform or contest date).
 * A problem without the value is a cluster of its own.
 */
export const CLUSTER_OPTIONS = ["contest", "metadata:platform", "metadata:contestDate"] as const;

export type ClusterBy = (typeof CLUSTER_OPTIONS)[number];

export function isClusterBy(value: unknown): value is ClusterBy {
  return (CLUSTER_OPTIONS as readonly unknown[]).includes(value);
}

/** The problem metadata a cluster key is read from. */
export interface ClusterSource {
  platform?: string | null;
  /** ISO date (YYYY-MM-DD) or timestamp; only the day counts. */
  contestDate?: string | null;
}

/** Each problem's cluster key under `by` (null: a cluster of its own). */
export function clusterKeys(problems: readonly ClusterSource[], by: ClusterBy): (string | null)[] {
  return problems.map((problem) => {
    const day = problem.contestDate ? problem.contestDate.slice(0, 10) : null;
    const platform = problem.platform ?? null;
    if (by === "metadata:platform") return platform;
    if (by === "metadata:contestDate") return day;
    // A contest is one platform's on one day; without a date the problem's contest is unknown.
    return day === null ? null : `${platform ?? ""}\u0000${day}`;
  });
}

/** How many clusters the keys make (each null its own). */
export function clusterCount(keys: readonly (string | null)[]): number {
  const named = new Set<string>();
  let single = 0;
  for (const key of keys) {
    if (key === null) single++;
    else named.add(key);
  }
  return named.size + single;
}

/** How each option reads in a form. */
export const CLUSTER_LABELS: Record<ClusterBy, string> = {
  contest: "By contest (platform and contest date)",
  "metadata:platform": "By platform",
  "metadata:contestDate": "By contest date",
};
