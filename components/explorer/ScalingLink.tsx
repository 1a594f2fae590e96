import Link from "next/link";
import { memo } from "react";
import { CurrentDataNote } from "@/components/explorer/CurrentDataNote";
import { formatAlpha } from "@/lib/domain/alpha";
import type { DifficultySlice } from "@/lib/domain/difficulty";
import { defaultScalingView, serializeScalingView } from "@/lib/views/scalingView";

interface ScalingLinkProps {
  slug: string;
  /** Evaluated α, ascending. */
  alphas: readonly number[];
  slices: readonly DifficultySlice[];
  alpha: number;
  difficulty: DifficultySlice;
}

/**
 * The scaling page's URL for the explorer's view: the same difficulty, and the ensemble the
 * scaling page opens with plus the explorer's α when it is evaluated (an ensemble member needs
 * samples; an estimate has none).
 */
export function scalingHref({ slug, alphas, slices, alpha, difficulty }: ScalingLinkProps): string {
  // Any budget will do here: the scaling page checks the link's budget against its own data.
  const view = defaultScalingView({ alphas, slices, maxBudget: Number.MAX_SAFE_INTEGER });
  const members = alphas.includes(alpha)
    ? [...new Set([...view.members, alpha])].sort((a, b) => a - b)
    : view.members;
  const params = serializeScalingView({ ...view, members, difficulty });
  const query = new URLSearchParams({ members: params.get("members") ?? "", difficulty });
  return `/experiments/${encodeURIComponent(slug)}/scaling?${query}`;
}

/** The way to the scaling page, carrying the explorer's difficulty and α. */
export const ScalingLink = memo(function ScalingLink(props: ScalingLinkProps) {
  const evaluated = props.alphas.includes(props.alpha);
  return (
    <p className="explorer-links">
      <Link href={scalingHref(props)} prefetch={false} data-testid="scaling-link">
        Inference-time scaling: pass@k curves and α-ensembles
        {evaluated ? ` with α = ${formatAlpha(props.alpha)}` : ""} →
      </Link>
      <CurrentDataNote />
      {evaluated ? null : (
        <span className="muted">
          {" "}
          (α = {formatAlpha(props.alpha)} is an estimate, not evaluated: it cannot join an ensemble)
        </span>
      )}
    </p>
  );
});
