"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { memo } from "react";
import { type ApiSource, claimsQuery } from "@/components/queries/queries";
import type { DifficultySlice } from "@/lib/domain/difficulty";
import {
  CLAIM_SHORT_NAMES,
  claimAnchor,
  claimCardAnchor,
  claimSummary,
  VERDICT_TEXT,
} from "@/lib/views/claimText";
import styles from "./Study.module.css";

interface ClaimBadgesProps {
  /** The experiment's live claims, or the ones a snapshot pinned. */
  source: ApiSource;
  difficulty: DifficultySlice;
  /** The grid's axes: extrapolation-extends is tested on them. */
  axes: { x: string; y: string };
  /**
   * The page whose cards give each claim's detail (the experiment's explorer at this slice and these
   * axes); null on a snapshot, whose pinned numbers the live cards no longer show: the badges then
   * link to the glossary.
   */
  cardsHref: string | null;
}

/**
 * One experiment's claim verdicts as small badges: the claim's short name and verdict in words,
 * its estimate and interval in the tooltip, each linked to its card (or its definition). The
 * numbers are the claims route's (GET …/claims, live or pinned), never computed here.
 */
export const ClaimBadges = memo(function ClaimBadges({
  source,
  difficulty,
  axes,
  cardsHref,
}: ClaimBadgesProps) {
  const { data, error, isPending } = useQuery(claimsQuery(source, difficulty, axes));
  if (isPending)
    return (
      <p className={`muted ${styles.claimsNote}`} role="status" data-testid="claim-badges-computing">
        Testing the claims…
      </p>
    );
  if (error)
    return (
      <p className={`muted ${styles.claimsNote}`} data-testid="claim-badges-error">
        Claims unavailable: {error.message}
      </p>
    );
  if (data.claims.length === 0)
    return <p className={`muted ${styles.claimsNote}`}>No claim can be tested on this slice.</p>;
  return (
    <ul className={styles.badges} aria-label="Claims tested on this data" data-testid="claim-badges">
      {data.claims.map((claim) => (
        <li key={claim.id}>
          <Link
            href={
              cardsHref === null
                ? `/glossary#${claimAnchor(claim.id)}`
                : `${cardsHref}#${claimCardAnchor(claim.id)}`
            }
            className={`badge badge--verdict badge--${claim.verdict}`}
            title={`${claim.title}: ${claimSummary(claim)}`}
            data-claim={claim.id}
            data-verdict={claim.verdict}
          >
            {CLAIM_SHORT_NAMES[claim.id]}: {VERDICT_TEXT[claim.verdict].toLowerCase()}
          </Link>
        </li>
      ))}
    </ul>
  );
});
