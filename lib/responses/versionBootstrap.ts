import type { VersionBootstrap } from "../contracts/types";
import { clusterCount } from "../domain/clusterBy";
import type { SweepMatrix } from "../domain/sweep";
import { type BootstrapOptions, DEFAULT_BOOTSTRAP } from "../science/bootstrap";

/**
 * The record of a version's bootstrap as every response with intervals echoes it: the settings
 * and, when the experiment resamples by cluster, its option and how many clusters there are.
 */
export function versionBootstrap(
  matrix: SweepMatrix,
  options: BootstrapOptions = DEFAULT_BOOTSTRAP,
): VersionBootstrap {
  const { resamples, seed, level } = options;
  const { clusters } = matrix;
  return {
    resamples,
    seed,
    level,
    cluster: clusters ? { by: clusters.by, clusters: clusterCount(clusters.keys) } : null,
  };
}
