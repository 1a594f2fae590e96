"use client";

import { useRef, useState } from "react";
import { CsvDownload, onScreenTable } from "@/components/common/CsvDownload";
import { ENSEMBLE_SEARCH_DEFAULTS } from "@/lib/contracts/ensembleSearchLimits";
import type { EnsembleSearchSummary, ScalingMatrixPayload } from "@/lib/contracts/scalingTypes";
import { formatAlpha } from "@/lib/domain/alpha";
import { formatPercent, formatPoints } from "@/lib/views/format";
import type { UpdateView } from "@/lib/views/urlView";
import type { ScalingViewState } from "../../lib/views/scalingView";
import styles from "./Scaling.module.css";
import { useEnsembleSearch } from "./useEnsembleSearch";

interface SearchPanelProps {
  payload: ScalingMatrixPayload;
  view: ScalingViewState;
  updateView: UpdateView<ScalingViewState>;
}

/** The ensemble sizes offered (the API takes up to ENSEMBLE_SEARCH_MAX_MEMBERS). */
const MEMBER_CHOICES = [2, 3, 4];

/**
 * The winner's gain interval: the selection-adjusted one as the headline (the search picked the
 * winner on the same problems, so its raw interval is optimistic), the raw one beside it.
 */
function WinnerInterval({ result }: { result: EnsembleSearchSummary }) {
  const adjusted = result.adjustedGainCI;
  const raw = result.gainCI;
  if (!adjusted && !raw) return null;
  const level = Math.round(result.bootstrap.level * 100);
  return (
    <div className={styles.adjustedInterval} data-testid="search-adjusted-ci">
      {adjusted && !adjusted.pickedEnsemble ? (
        <p data-testid="search-no-ensemble">
          <strong>
            No ensemble picked: the best set is a single checkpoint, so there is no gain interval.
          </strong>
          <br />
          <span className="muted">{adjusted.explanation}</span>
        </p>
      ) : adjusted ? (
        <p>
          <strong>
            Gain of the winner (#1), selection-adjusted: {formatPoints(adjusted.lower)} …{" "}
            {formatPoints(adjusted.upper)} points ({level}% CI)
          </strong>
          <br />
          <span className="muted">{adjusted.explanation}</span>
        </p>
      ) : (
        <p className="muted">Too few problems for a selection-adjusted interval.</p>
      )}
      {raw ? (
        <p className="muted" data-testid="search-raw-ci">
          Raw {level}% CI of the winner’s gain, as if it had not been picked: {formatPoints(raw[0])} …{" "}
          {formatPoints(raw[1])} points.
        </p>
      ) : null}
    </div>
  );
}

/**
 * "Find best ensemble": searches every equal-split ensemble of up to 2–4 checkpoints at the view's
 * budget and slice in a Web Worker (the same settings and answer as POST …/ensembles/search), shows
 * progress, and lists the top 5, each loadable into the builder (with its selection-adjusted interval:
 * it holds for any set the search ranks).
 */
export function SearchPanel({ payload, view, updateView }: SearchPanelProps) {
  const [maxMembers, setMaxMembers] = useState<number>(ENSEMBLE_SEARCH_DEFAULTS.maxMembers);
  const resultsTable = useRef<HTMLTableElement>(null);
  const { state, start } = useEnsembleSearch();
  const run = () =>
    start({
      payload,
      budget: view.budget,
      maxMembers,
      difficulty: view.difficulty,
      top: ENSEMBLE_SEARCH_DEFAULTS.top,
    });
  return (
    <section className={styles.panel} aria-labelledby="search-title">
      <div className={styles.panelHeader}>
        <h2 id="search-title">Find the best ensemble</h2>
        <span className="muted">
          K = {view.budget}, {view.difficulty === "all" ? "all problems" : `${view.difficulty} problems`}
        </span>
      </div>
      <div className={styles.toolbar}>
        <label className={styles.field}>
          <span className={styles.fieldLabel}>Up to</span>
          <select value={maxMembers} onChange={(event) => setMaxMembers(Number(event.target.value))}>
            {MEMBER_CHOICES.map((m) => (
              <option key={m} value={m}>
                {m} members
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="button button--primary" onClick={run} data-testid="search-button">
          Find best ensemble
        </button>
      </div>
      <div aria-live="polite">
        {state.status === "running" ? (
          <div>
            <progress
              className={styles.progress}
              max={state.total ?? undefined}
              value={state.total ? state.done : undefined}
              aria-label="Search progress"
            />
            <p className="muted">
              Searching{state.total ? `: ${state.done} of ${state.total} sets` : "…"} (the page stays usable
              meanwhile)
            </p>
          </div>
        ) : null}
        {state.status === "error" ? <p className={styles.error}>The search failed: {state.message}</p> : null}
        {state.status === "idle" ? (
          <p className="muted">
            Runs in the background; the result lists the five best ensembles with their gains.
          </p>
        ) : null}
      </div>
      {state.status === "done" ? (
        <div data-testid="search-results">
          <p className="muted">
            {state.result.approximation} {state.result.evaluated} sets evaluated.
            {state.result.bestSingle
              ? ` Best single: α ${formatAlpha(state.result.bestSingle.alpha)}, ${formatPercent(state.result.bestSingle.passAtK)}.`
              : ""}
          </p>
          <WinnerInterval result={state.result} />
          <CsvDownload
            name="search-results"
            label="Download the top ensembles as CSV"
            table={onScreenTable(resultsTable)}
          />
          <table className="data-table data-table--compact" ref={resultsTable}>
            <caption className="visually-hidden">Top ensembles</caption>
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">
                  Members <span className={styles.greek}>α</span> (samples)
                </th>
                <th scope="col" className="num">
                  pass@{state.result.budget}
                </th>
                <th scope="col" className="num">
                  Gain
                </th>
                <th scope="col">
                  <span className="visually-hidden">Load</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {state.result.ensembles.map((ensemble, i) => {
                const text = ensemble.members.map((m) => `${formatAlpha(m.alpha)} (${m.samples})`).join(", ");
                return (
                  <tr key={text}>
                    <td>{i + 1}</td>
                    <td>{text}</td>
                    <td className="num">{formatPercent(ensemble.passAtK)}</td>
                    <td className="num">{ensemble.gain === null ? "—" : formatPoints(ensemble.gain)}</td>
                    <td>
                      <button
                        type="button"
                        className="button button--small"
                        data-testid="load-ensemble"
                        aria-label={`Load ensemble ${i + 1} into the builder`}
                        onClick={() =>
                          updateView(
                            {
                              members: ensemble.members.map((m) => m.alpha),
                              budget: state.result.budget,
                              difficulty: state.result.difficulty,
                              split: "equal",
                              // The builder then shows the search's selection-adjusted interval.
                              searched: state.result.maxMembers,
                            },
                            "push",
                          )
                        }
                      >
                        Load
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
