"use client";

import { useQuery } from "@tanstack/react-query";
import { useRef } from "react";
import { CsvDownload, onScreenTable } from "@/components/common/CsvDownload";
import { StatusPanel } from "@/components/common/StatusPanel";
import { useApiSource } from "@/components/queries/apiSource";
import { ensembleEvaluationQuery } from "@/components/queries/queries";
import type { EnsembleEvaluation, EnsembleRequest } from "@/lib/contracts/scalingTypes";
import { formatAlpha } from "@/lib/domain/alpha";
import type { AdjustedGainCI } from "@/lib/science/ensembleSearchSummary";
import { PASS_AT_K_ANCHOR } from "@/lib/science/metricRegistry";
import { formatPercent, formatPoints } from "@/lib/views/format";
import { GlossaryLink } from "../glossary/GlossaryLink";
import styles from "./Scaling.module.css";

interface EnsembleResultsProps {
  slug: string;
  request: EnsembleRequest;
  /** Whether the ensemble was loaded from the search's results (then the raw interval is optimistic). */
  searched: boolean;
  /** The search's selection-adjusted interval for it; null when hand-made or when there is none. */
  adjusted: AdjustedGainCI | null;
}

/**
 * The ensemble against the best single checkpoint at the same budget, as the API computes it (so
 * the page, the API and the CLI agree to the digit): pass@K of both, the gain with its bootstrap
 * interval, and the problems each solves that the other does not. For an ensemble loaded from the
 * search, the headline interval and the gain's colour are the selection-adjusted ones.
 */
export function EnsembleResults({ slug, request, searched, adjusted }: EnsembleResultsProps) {
  const query = useQuery(ensembleEvaluationQuery(useApiSource(slug), request));
  return (
    <section className={styles.panel} aria-labelledby="results-title" aria-busy={query.isFetching}>
      <div className={styles.panelHeader}>
        <h2 id="results-title">Ensemble vs best single at pass@{request.budget}</h2>
        <GlossaryLink anchor={PASS_AT_K_ANCHOR} what="pass@k" />
        {query.isFetching && query.data ? <span className="muted">Updating…</span> : null}
      </div>
      {query.isPending ? (
        <div className="skeleton" style={{ height: 132 }}>
          <span className="visually-hidden">Computing the ensemble…</span>
        </div>
      ) : query.isError ? (
        <StatusPanel tone="error" title="The ensemble could not be evaluated">
          <p>{query.error.message}</p>
        </StatusPanel>
      ) : (
        <Result data={query.data} searched={searched} adjusted={adjusted} />
      )}
    </section>
  );
}

type Tone = "positive" | "negative" | "none";

/** Better / worse only when the interval excludes 0. */
function toneOf([lo, hi]: readonly [number, number]): Tone {
  return lo > 0 ? "positive" : hi < 0 ? "negative" : "none";
}

const TONE_CLASS: Record<Tone, string | undefined> = {
  positive: styles.positive,
  negative: styles.negative,
  none: undefined,
};

function Result({
  data,
  searched,
  adjusted,
}: { data: EnsembleEvaluation } & Pick<EnsembleResultsProps, "searched" | "adjusted">) {
  const membersTable = useRef<HTMLTableElement>(null);
  const [lo, hi] = data.gainCI;
  const level = Math.round(data.bootstrap.level * 100);
  const shown = adjusted?.pickedEnsemble ? adjusted : null;
  // A searched pick is never coloured from its raw interval: the search chose it on these problems.
  const tone = shown ? toneOf([shown.lower, shown.upper]) : searched ? "none" : toneOf(data.gainCI);
  const threshold = formatPercent(data.solvedThreshold);
  return (
    <div data-testid="ensemble-results">
      <dl className={styles.stats}>
        <div className={styles.stat}>
          <dt>Ensemble pass@{data.budget}</dt>
          <dd data-testid="ensemble-pass">{formatPercent(data.passAtK)}</dd>
        </div>
        <div className={styles.stat}>
          <dt>Best single (α {formatAlpha(data.bestSingle.alpha)})</dt>
          <dd data-testid="best-single-pass">{formatPercent(data.bestSingle.passAtK)}</dd>
        </div>
        <div className={styles.stat}>
          <dt>Gain (points)</dt>
          <dd className={TONE_CLASS[tone]} data-tone={tone} data-testid="ensemble-gain">
            {formatPoints(data.gain)}
          </dd>
          {shown ? (
            <dd className={styles.statNote} data-testid="ensemble-adjusted-ci">
              Selection-adjusted {level}% CI {formatPoints(shown.lower)} … {formatPoints(shown.upper)}
            </dd>
          ) : null}
          <dd className={styles.statNote} data-testid="ensemble-gain-ci">
            {searched ? "Raw " : ""}
            {level}% CI {formatPoints(lo)} … {formatPoints(hi)}
          </dd>
        </div>
      </dl>
      {searched ? (
        <p className={styles.adjustedInterval} data-testid="ensemble-searched-note">
          {shown
            ? `Picked by the search: the selection-adjusted interval holds although the search chose this ensemble on these problems; the raw one ignores that and is optimistic. ${shown.explanation}`
            : adjusted
              ? adjusted.explanation
              : "Picked by the search, but this slice allows no selection-adjusted interval; the raw one ignores the selection and is optimistic."}
        </p>
      ) : null}
      <p>
        On {data.problems} {data.difficulty === "all" ? "" : `${data.difficulty} `}problems the ensemble
        solves <strong data-testid="solved-only-ensemble">{data.solvedOnlyByEnsemble}</strong> that the best
        single does not, and the best single solves{" "}
        <strong data-testid="solved-only-single">{data.solvedOnlyByBestSingle}</strong> that the ensemble does
        not (solved: pass@{data.budget} ≥ {threshold}).
      </p>
      <p className="muted">
        Interval: paired bootstrap over problems ({data.bootstrap.resamples} resamples, seed{" "}
        {data.bootstrap.seed}).
        {(shown ? shown.lower <= 0 && shown.upper >= 0 : lo <= 0 && hi >= 0)
          ? ` ${shown ? "The selection-adjusted interval" : "It"} includes 0: this slice cannot tell the ensemble and the best single apart.`
          : ""}
      </p>
      <CsvDownload
        name="ensemble-members"
        label="Download the members table as CSV"
        table={onScreenTable(membersTable)}
      />
      <div className="table-overflow">
        <table className="data-table data-table--compact" ref={membersTable}>
          <caption className="visually-hidden">Members alone at their share of the budget</caption>
          <thead>
            <tr>
              <th scope="col">
                Member <span className={styles.greek}>α</span>
              </th>
              <th scope="col">Kind</th>
              <th scope="col" className="num">
                Samples
              </th>
              <th scope="col" className="num">
                pass@k alone
              </th>
            </tr>
          </thead>
          <tbody>
            {data.members.map((member) => (
              <tr key={member.alpha}>
                <th scope="row">{formatAlpha(member.alpha)}</th>
                <td>{member.kind}</td>
                <td className="num">{member.samples}</td>
                <td className="num">{formatPercent(member.passAtK)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
