import type { Claim, ClaimId } from "../science/claims";

/** How a claim's estimate reads: a change in points, an area, or a number of problems. */
type ClaimUnit = "points" | "area" | "count" | "distance";

const UNITS: Record<ClaimId, ClaimUnit> = {
  "tradeoff-time-limit": "points",
  "tradeoff-wrong-answer": "points",
  "flat-solve-rate": "points",
  "extrapolation-extends": "area",
  "complementary-problems": "count",
  "ensemble-gain": "points",
  retraces: "distance",
};

/** A verdict in words, as a card or a badge says it. */
export const VERDICT_TEXT: Record<Claim["verdict"], string> = {
  supported: "Supported",
  contradicted: "Contradicted",
  inconclusive: "Inconclusive",
};

/** A claim's short name, for a badge on a small panel (its card and the glossary give the full title). */
export const CLAIM_SHORT_NAMES: Record<ClaimId, string> = {
  "tradeoff-time-limit": "Time limit ↓",
  "tradeoff-wrong-answer": "Wrong answer ↑",
  "flat-solve-rate": "Flat solve rate",
  "extrapolation-extends": "Extends frontier",
  "complementary-problems": "Complementary",
  "ensemble-gain": "Ensemble gain",
  retraces: "Retraces",
};

/** A claim's estimate with its interval, as one line ("+1.2 pts, 95% interval [−0.3, +2.6 pts]"). */
export function claimSummary(claim: Claim): string {
  const [lower, upper] = claim.ci;
  return `${formatClaimValue(claim.id, claim.estimate)}, ${Math.round(claim.level * 100)}% interval [${formatClaimValue(claim.id, lower)}, ${formatClaimValue(claim.id, upper)}]`;
}

/** A claim's number as its card prints it (a fraction as signed percentage points, "−" for minus). */
export function formatClaimValue(id: ClaimId, value: number): string {
  switch (UNITS[id]) {
    case "points": {
      const text = (Math.abs(value) * 100).toFixed(1);
      return `${value < 0 && text !== "0.0" ? "−" : value > 0 && text !== "0.0" ? "+" : ""}${text} pts`;
    }
    case "area":
      return value.toPrecision(3);
    case "count":
      return String(Math.round(value));
    case "distance":
      return value.toFixed(3);
  }
}

/** What each claim says and how it is tested, for the glossary (docs/science.md has the references). */
export const CLAIM_GLOSSARY: readonly { id: ClaimId; term: string; text: string }[] = [
  {
    id: "tradeoff-time-limit",
    term: "More coverage lowers time-limit failures (tradeoff-time-limit)",
    text: "The time-limit share at B (α = 1, high coverage) minus at A (α = 0), with its paired 95 % bootstrap interval over problems. Supported when the interval is below 0, contradicted when above 0.",
  },
  {
    id: "tradeoff-wrong-answer",
    term: "More coverage raises wrong answers (tradeoff-wrong-answer)",
    text: "The wrong-answer share at B minus at A, paired 95 % interval. Supported when the interval is above 0, contradicted when below 0.",
  },
  {
    id: "flat-solve-rate",
    term: "The solve rate barely moves (flat-solve-rate)",
    text: "The solve rate at B minus at A, tested for equivalence within a margin (2 points unless asked otherwise): supported when the 90 % interval lies inside ±margin (two one-sided tests at 5 %), contradicted when the 95 % interval lies entirely outside it. A wide interval is inconclusive, never evidence of no change.",
  },
  {
    id: "extrapolation-extends",
    term: "Extrapolation extends the frontier (extrapolation-extends)",
    text: "The area dominated by every non-collapsed evaluated α minus that dominated by those in [0, 1] (hypervolume, on the plotted axes; reference point: each axis's worst value, 0 for a higher-is-better share, 1 for a lower-is-better one, 1.1 × the slowest for a runtime). Supported when its 95 % interval is above 0 and some extrapolated α lies beyond every α in [0, 1] on one axis by paired tests (Bonferroni-corrected).",
  },
  {
    id: "complementary-problems",
    term: "Some problems are solved only by extrapolated α (complementary-problems)",
    text: "How many problems of the slice pass at least once at some non-collapsed α outside [0, 1] and never at any evaluated α in [0, 1]. Supported when at least one of them passes significantly more often outside than inside (Fisher's exact test per problem, Benjamini–Hochberg q < 0.05 over the slice).",
  },
  {
    id: "ensemble-gain",
    term: "An α-ensemble beats the best single checkpoint (ensemble-gain)",
    text: "The searched best ensemble's pass@K gain over the best single checkpoint at K = 250, or the largest standard K the samples allow, with the selection-adjusted 95 % interval (simultaneous over every set the search could pick, so it holds for the one it shows). Supported when that interval is above 0.",
  },
  {
    id: "retraces",
    term: "Interpolation retraces the trained checkpoints (retraces)",
    text: "Only with trained checkpoints (separate runs, e.g. at intermediate coverage). For each, the α on the interpolation path (the monotone estimate over the evaluated α in [0, 1], on the plotted axes) nearest to it, the distance in the axes' units, its offset from the path with intervals from the same paired bootstrap (path and checkpoints resampled together), and whether the path passes through its 95 % interval box. The estimate is the largest of the distances. The tolerance is 10 % of the A–B distance on the plotted axes: supported when every checkpoint's 90 % offset interval lies inside it (an equivalence test, so wide intervals never support it); contradicted when one's Bonferroni-adjusted 95 % interval lies entirely outside it; inconclusive otherwise.",
  },
];

/** The anchor of a claim's card on the explorer. */
export function claimCardAnchor(id: ClaimId): string {
  return `claim-card-${id}`;
}

/** The glossary anchor of a claim. */
export function claimAnchor(id: ClaimId): string {
  return `claim-${id}`;
}
