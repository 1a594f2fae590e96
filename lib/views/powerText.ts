import type { ComparisonPower } from "../science/power";
import { formatCount } from "./format";

/** A share as points with one decimal, no sign (an effect size, not a change). */
export function formatEffectPoints(share: number): string {
  return (share * 100).toFixed(1);
}

/**
 * The power line's figures in words: the minimum detectable effect with the data at hand, and the
 * samples per problem per side a chosen Δ needs (or why no number of samples would do).
 */
export function powerText(power: ComparisonPower): {
  effect: string | null;
  samples: string;
  /** How the standard error treats the problems: one by one, or by cluster. */
  units: string;
} {
  const units =
    power.clusters === null
      ? `${power.problems} problems`
      : `${power.problems} problems in ${formatCount(power.clusters)} clusters (cluster-robust)`;
  const percent = `${Math.round(power.power * 100)} % power, level ${power.level}`;
  const detect = `${formatEffectPoints(power.detect)} points`;
  if (power.minimumDetectableEffect === null)
    return {
      effect: null,
      samples: `Fewer than two problems at both α: no power to state (${percent}).`,
      units,
    };
  const now = power.samplesNow.toFixed(1);
  let samples: string;
  if (power.samplesPerProblem === null)
    samples = `No number of samples detects ${detect}: the problems' own changes vary too much; more problems are needed.`;
  else {
    const more = Math.max(0, Math.ceil(power.samplesPerProblem - power.samplesNow));
    samples =
      more === 0
        ? `${detect} is detectable with the samples at hand (${formatCount(power.samplesPerProblem)} per problem per α would do).`
        : `Detecting ${detect} takes about ${formatCount(power.samplesPerProblem)} samples per problem per α (${formatCount(more)} more than the ${now} now).`;
  }
  return { effect: `${formatEffectPoints(power.minimumDetectableEffect)} points`, samples, units };
}
