"use client";

import { useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { payloadToMatrix } from "@/lib/api/payloadMatrix";
import type { EnsembleRequest, ScalingMatrixPayload } from "@/lib/api/scalingTypes";
import { DIFFICULTY_SLICES, inSlice } from "@/lib/domain/difficulty";
import { minSamples } from "@/lib/science/passAtK";
import { CoveragePanel } from "./CoveragePanel";
import { EnsembleBuilder } from "./EnsembleBuilder";
import { EnsembleResults } from "./EnsembleResults";
import { PassAtKPanel } from "./PassAtKPanel";
import styles from "./Scaling.module.css";
import { SearchPanel } from "./SearchPanel";
import { ensembleEvaluationQuery } from "./scalingQueries";
import { memberSamples, type ScalingContext, serializeScalingView } from "./scalingView";
import { useScalingView } from "./useScalingView";

/** What a view is checked against, from the experiment's counts. */
function scalingContext(payload: ScalingMatrixPayload): ScalingContext {
  return {
    alphas: payload.checkpoints.map((cp) => cp.alpha),
    maxBudget: Math.max(1, Math.min(...payload.checkpoints.map((cp) => minSamples(cp.n)))),
    slices: DIFFICULTY_SLICES.filter((slice) => payload.problems.some((p) => inSlice(p.difficulty, slice))),
  };
}

/**
 * The inference-time scaling view of one experiment: pass@k curves, the ensemble builder with its
 * comparison against the best single checkpoint, the ensemble search and the coverage picture, all
 * driven by one URL-backed view (members, budget, split, difficulty, bands).
 */
export function ScalingView({
  payload,
  initialSearch,
}: {
  payload: ScalingMatrixPayload;
  initialSearch: string;
}) {
  const slug = payload.experiment.slug;
  const context = useMemo(() => scalingContext(payload), [payload]);
  const matrix = useMemo(() => payloadToMatrix(payload), [payload]);
  const { view, setView, notices, dismissNotices } = useScalingView(context, initialSearch);
  const samples = memberSamples(view);
  const request: EnsembleRequest = {
    members: view.members.map((alpha, i) => ({ alpha, samples: samples[i] })),
    difficulty: view.difficulty,
    budget: view.budget,
  };
  // Shares the results panel's cached answer: the best single's α also picks a default curve.
  const evaluation = useQuery(ensembleEvaluationQuery(slug, request));
  const [copied, setCopied] = useState(false);
  const shareUrl =
    typeof window === "undefined"
      ? ""
      : `${window.location.origin}${window.location.pathname}?${serializeScalingView(view).toString()}`;
  const copy = async () => {
    await navigator.clipboard.writeText(shareUrl);
    setCopied(true);
    setTimeout(() => setCopied(false), 2000);
  };

  return (
    <>
      {notices.length > 0 ? (
        <div className={styles.notice} role="status">
          {notices.map((notice) => (
            <p key={notice}>{notice}</p>
          ))}
          <button type="button" className="button button--small" onClick={dismissNotices}>
            Dismiss
          </button>
        </div>
      ) : null}
      <div className={styles.toolbar}>
        <label className={styles.field}>
          <span className={styles.fieldLabel}>Problems</span>
          <select
            value={view.difficulty}
            data-testid="difficulty-select"
            onChange={(event) =>
              setView(
                { ...view, difficulty: event.target.value as (typeof DIFFICULTY_SLICES)[number] },
                "push",
              )
            }
          >
            {context.slices.map((slice) => (
              <option key={slice} value={slice}>
                {slice === "all" ? "All difficulties" : slice}
              </option>
            ))}
          </select>
        </label>
        <div className={styles.share}>
          <label className="visually-hidden" htmlFor="share-link">
            Link to this ensemble
          </label>
          <input id="share-link" type="text" readOnly value={shareUrl} data-testid="share-link" />
          <button type="button" className="button" onClick={copy} data-testid="copy-link">
            {copied ? "Copied" : "Copy link"}
          </button>
        </div>
      </div>
      <div className={styles.grid}>
        <div>
          <PassAtKPanel
            slug={slug}
            view={view}
            setView={setView}
            bestSingleAlpha={evaluation.data?.bestSingle.alpha ?? null}
          />
          <CoveragePanel matrix={matrix} view={view} />
        </div>
        <div>
          <EnsembleBuilder view={view} context={context} setView={setView} />
          <EnsembleResults slug={slug} request={request} />
          <SearchPanel payload={payload} view={view} setView={setView} />
        </div>
      </div>
    </>
  );
}
