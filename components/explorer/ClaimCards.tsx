"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { memo } from "react";
import { type ApiSource, claimsQuery } from "@/components/queries/queries";
import type { DifficultySlice } from "@/lib/domain/difficulty";
import type { Claim } from "@/lib/science/claims";
import { claimAnchor, claimCardAnchor, formatClaimValue, VERDICT_TEXT } from "@/lib/views/claimText";

interface ClaimCardsProps {
  /** The experiment's live routes, or the snapshot that pinned its claims. */
  source: ApiSource;
  difficulty: DifficultySlice;
  /** The plotted axes: extrapolation-extends is tested on them. */
  axes: { x: string; y: string };
}

function ClaimCard({ claim }: { claim: Claim }) {
  const [lower, upper] = claim.ci;
  return (
    <li className="claim-card" id={claimCardAnchor(claim.id)} data-claim={claim.id}>
      <h3>
        <Link href={`/glossary#${claimAnchor(claim.id)}`}>{claim.title}</Link>
      </h3>
      <p className="claim-estimate">
        <span data-testid="claim-estimate">{formatClaimValue(claim.id, claim.estimate)}</span>{" "}
        <span className="muted">
          {Math.round(claim.level * 100)}% interval{" "}
          <span data-testid="claim-interval">
            [{formatClaimValue(claim.id, lower)}, {formatClaimValue(claim.id, upper)}]
          </span>
        </span>
      </p>
      <p>
        <span className={`badge badge--verdict badge--${claim.verdict}`} data-testid="claim-verdict">
          {VERDICT_TEXT[claim.verdict]}
        </span>
      </p>
      <p className="claim-rule">{claim.rule}</p>
      <details>
        <summary>Details</summary>
        <p>{claim.detail}</p>
      </details>
    </li>
  );
}

/**
 * One card per claim of the research tested on the slice shown (GET …/claims): the estimate with its
 * interval, the verdict in words and the rule that gave it. Claims whose data is missing are absent.
 * The explorer, its snapshots and presenting mode all show these. Memoized: nothing it shows moves with α.
 */
export const ClaimCards = memo(function ClaimCards({ source, difficulty, axes }: ClaimCardsProps) {
  const { data, error, isPending } = useQuery(claimsQuery(source, difficulty, axes));
  return (
    // Not printed: the printed view is one landscape page of the chart and the scores.
    <section className="panel claims no-print" aria-labelledby="claims-title" data-testid="claims">
      <h2 id="claims-title">
        Claims tested on this data <Link href="/glossary#claims">(what they mean)</Link>
      </h2>
      {isPending ? (
        <p className="muted" role="status">
          Testing the claims (the worker computes them after an import)…
        </p>
      ) : error ? (
        <p role="alert">The claims could not be loaded: {error.message}</p>
      ) : data.claims.length === 0 ? (
        <p className="muted">
          No claim can be tested on this slice: it needs α = 0 and α = 1, or α outside [0, 1].
        </p>
      ) : (
        <ul className="claim-cards">
          {data.claims.map((claim) => (
            <ClaimCard key={claim.id} claim={claim} />
          ))}
        </ul>
      )}
    </section>
  );
});
