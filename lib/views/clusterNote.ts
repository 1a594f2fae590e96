import type { ClusterSetting } from "../contracts/types";
import type { ClusterBy } from "../domain/clusterBy";
import { formatCount } from "./format";

const CLUSTER_NOUNS: Record<ClusterBy, string> = {
  contest: "contests",
  "metadata:platform": "platforms",
  "metadata:contestDate": "contest dates",
};

/** What the explorer says under the plot when the version's intervals resample clusters of problems. */
export function clusterNote(cluster: ClusterSetting): string {
  return (
    `Intervals resample the ${formatCount(cluster.clusters)} ${CLUSTER_NOUNS[cluster.by]} whole, not single ` +
    "problems (problems of one contest are correlated; a problem without the value counts as its own)."
  );
}
