import { formatAlpha } from "@/lib/domain/alpha";

/** Replaces the slider when only one α was evaluated: there is no path to move along yet. */
export function SingleCheckpointNote({ alpha }: { alpha: number }) {
  return (
    <div className="single-checkpoint" data-testid="single-checkpoint">
      <strong>Only one checkpoint (α = {formatAlpha(alpha)}) is evaluated.</strong>
      <p className="muted">
        Import results for more α values (for example the other endpoint and a few interpolations) to see the
        path, the frontier and estimates between them.
      </p>
    </div>
  );
}
