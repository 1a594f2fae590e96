import { formatAlpha } from "@/lib/domain/alpha";
import { COLLAPSE_RULE } from "@/lib/science/collapse";

interface CollapsedNoteProps {
  /** Evaluated α collapsed on this slice, ascending. */
  alphas: readonly number[];
  includeCollapsed: boolean;
  onIncludeCollapsed: (include: boolean) => void;
}

const percent = (value: number) => `${Math.round(value * 100)}%`;

/**
 * Names the collapsed checkpoints of the slice, says why they are marked and lets them compete for
 * the Pareto set (they are left out by default: crashing is not correctness or efficiency).
 */
export function CollapsedNote({ alphas, includeCollapsed, onIncludeCollapsed }: CollapsedNoteProps) {
  if (alphas.length === 0) return null;
  const rule = COLLAPSE_RULE;
  return (
    <div className="chart-note collapsed-note" role="note" data-testid="collapsed-note">
      <p>
        <span className="badge badge--collapsed">collapsed</span> α ={" "}
        {alphas.map((alpha) => formatAlpha(alpha)).join(", ")}: solves less than both endpoints and crashes
        (compile, runtime or ungraded errors ≥ {percent(rule.crashShareOfFailures)} of failures, or ≥{" "}
        {rule.crashRiseOverEndpoints}× the endpoints’ share) or solves ≤{" "}
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
}
