import { SyntheticBadge } from "@/components/experiments/SyntheticBadge";
import type { ScalingMatrixPayload } from "@/lib/contracts/scalingTypes";
import { ellipsize } from "@/lib/views/format";
import { ExplorerBackLink } from "./ExplorerBackLink";

/** The scaling page's heading, with the way back to the experiment's explorer. */
export function ScalingHeading({ experiment }: { experiment: ScalingMatrixPayload["experiment"] }) {
  // The way back names the experiment on one line; a long name is cut, in full in the tooltip.
  const backText = ellipsize(experiment.name, 80);
  const backTitle = backText === experiment.name ? undefined : experiment.name;
  return (
    <div className="page-heading">
      <p className="muted wrap-anywhere">
        <ExplorerBackLink slug={experiment.slug} text={backText} title={backTitle} />
      </p>
      <h1>Inference-time scaling {experiment.synthetic ? <SyntheticBadge /> : null}</h1>
      <p className="page-lede">
        pass@k as the sample budget grows, and ensembles of α checkpoints against the best single checkpoint
        at the same total budget K.
      </p>
    </div>
  );
}
