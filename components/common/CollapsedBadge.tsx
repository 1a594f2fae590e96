import { formatAlpha } from "@/lib/domain/alpha";
import type { AlphaReadout } from "@/lib/views/alphaScores";

/**
 * Says that the scores at α are a collapsed checkpoint's, or estimated next to one (an estimate
 * leans on its neighbours); nothing otherwise. Used by the explorer's score panel and the
 * comparison's score columns.
 */
export function CollapsedBadge({
  readout,
  collapsedAlphas,
}: {
  readout: Pick<AlphaReadout, "alpha" | "measured" | "neighbours">;
  /** Evaluated α collapsed on the slice shown. */
  collapsedAlphas: readonly number[];
}) {
  const { alpha, measured, neighbours } = readout;
  const collapsed = (measured ? [alpha] : (neighbours ?? [])).filter((a) => collapsedAlphas.includes(a));
  if (collapsed.length === 0) return null;
  return (
    <span
      className="badge badge--collapsed"
      data-testid="score-collapsed"
      title="Fails by crashing or solves far less than both endpoints: see the note under the frontier"
    >
      {measured ? "collapsed" : `next to collapsed α = ${formatAlpha(collapsed[0])}`}
    </span>
  );
}
