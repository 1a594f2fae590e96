import { memo } from "react";
import { formatAlpha } from "@/lib/domain/alpha";
import { COLLAPSE_RULE } from "@/lib/science/collapse";

/** The evaluated α collapsed on this slice, ascending, of one experiment (named on the comparison). */
export interface CollapsedGroup {
  name?: string;
  alphas: readonly number[];
}

interface CollapsedNoteProps {
  groups: readonly CollapsedGroup[];
  includeCollapsed: boolean;
  onIncludeCollapsed: (include: boolean) => void;
}

const percent = (value: number) => `${Math.round(value * 100)}%`;

/**
 * Names the collapsed checkpoints of the slice, says why they are marked and lets them compete for
 * the Pareto set (they are left out by default: crashing is not correctness or efficiency).
 */
export const CollapsedNote = memo(function CollapsedNote({
  groups,
  includeCollapsed,
  onIncludeCollapsed,
}: CollapsedNoteProps) {
  const named = groups.filter((group) => group.alphas.length > 0);
  if (named.length === 0) return null;
  const rule = COLLAPSE_RULE;
  return (
    <div className="chart-note collapsed-note" role="note" data-testid="collapsed-note">
      <p>
        <span className="badge badge--collapsed">collapsed</span>{" "}
        {named
          .map(
            (group) =>
              `${group.name ? `${group.name}: ` : ""}α = ${group.alphas.map((alpha) => formatAlpha(alpha)).join(", ")}`,
          )
          .join("; ")}
        : solves less than both endpoints (one-sided paired test over the problems, at the{" "}
        {percent(rule.solvesLessLevel)} level) and crashes (compile, runtime or ungraded errors ≥{" "}
        {percent(rule.crashShareOfFailures)} of failures and ≥ {rule.crashShareRiseOverEndpoints}× the
        endpoints’ share of theirs, or ≥ {rule.crashRiseOverEndpoints}× the endpoints’ share of samples),
        times out ≥ {rule.timeoutRiseOverEndpoints}× as often as the endpoints, or solves ≤{" "}
        {percent(rule.solveRateOfWeakerEndpoint)} of the weaker endpoint’s rate. Few wrong answers and
        time-outs make such a checkpoint look good on these axes without being so.
      </p>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={includeCollapsed}
          onChange={(event) => onIncludeCollapsed(event.target.checked)}
          data-testid="include-collapsed"
        />
        Include collapsed checkpoints in the Pareto set
      </label>
    </div>
  );
});
