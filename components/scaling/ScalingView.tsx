"use client";

import { useQuery, useSuspenseQuery } from "@tanstack/react-query";
import { useCallback, useMemo } from "react";
import { usePresentation } from "@/components/browser/usePresentation";
import { useShortcuts } from "@/components/browser/useShortcuts";
import { useUrlView } from "@/components/browser/useUrlView";
import { ExportSourceProvider } from "@/components/charts/ExportContext";
import { CopyLinkButton } from "@/components/common/CopyLinkButton";
import { PresentationButton } from "@/components/common/PresentationButton";
import { ViewNotices } from "@/components/common/ViewNotices";
import { useApiSource } from "@/components/queries/apiSource";
import { ensembleEvaluationQuery, scalingMatrixQuery } from "@/components/queries/queries";
import { SharingControls } from "@/components/sharing/SharingControls";
import type { EnsembleRequest, ScalingMatrixPayload } from "@/lib/contracts/scalingTypes";
import { DIFFICULTY_SLICES, type DifficultySlice, inSlice } from "@/lib/domain/difficulty";
import { payloadToMatrix } from "@/lib/responses/payloadMatrix";
import { minSamples } from "@/lib/science/passAtK";
import { nextSlice } from "@/lib/views/difficultyParam";
import { scalingDocumentTitle, TITLE_SUFFIX } from "@/lib/views/previewText";
import type { UpdateView } from "@/lib/views/urlView";
import {
  editedByHand,
  memberSamples,
  type ScalingContext,
  type ScalingViewState,
  scalingViewDefinition,
  searchedGainInterval,
} from "../../lib/views/scalingView";
import { CoveragePanel } from "./CoveragePanel";
import { EnsembleBuilder } from "./EnsembleBuilder";
import { EnsembleResults } from "./EnsembleResults";
import { PassAtKPanel } from "./PassAtKPanel";
import styles from "./Scaling.module.css";
import { SearchPanel } from "./SearchPanel";

/** What a view is checked against, from the experiment's counts. */
function scalingContext(payload: ScalingMatrixPayload): ScalingContext {
  return {
    alphas: payload.checkpoints.map((cp) => cp.alpha),
    maxBudget: Math.max(1, Math.min(...payload.checkpoints.map((cp) => minSamples(cp.n)))),
    slices: DIFFICULTY_SLICES.filter((slice) => payload.problems.some((p) => inSlice(p.difficulty, slice))),
  };
}

interface ScalingViewProps {
  slug: string;
  /** The query string the page was opened with, so server and browser render the same view. */
  initialSearch: string;
  /** When the experiment's data last changed (ISO), for the footnote of exported charts. */
  updatedAt: string | null;
}

/**
 * The inference-time scaling view of one experiment, fed by the matrix the server prefetched into
 * the query cache: pass@k curves, the ensemble builder with its comparison against the best single
 * checkpoint, the ensemble search and the coverage picture, all driven by one URL-backed view
 * (members, budget, split, difficulty, bands).
 */
export function ScalingView({ slug, initialSearch, updatedAt }: ScalingViewProps) {
  const source = useApiSource(slug);
  const { data: payload } = useSuspenseQuery(scalingMatrixQuery(source));
  const context = useMemo(() => scalingContext(payload), [payload]);
  const matrix = useMemo(() => payloadToMatrix(payload), [payload]);
  const { view, updateView, shareUrl, notices, dismissNotices } = useUrlView(
    scalingViewDefinition,
    context,
    initialSearch,
  );
  const collapsed = useMemo(
    () => payload.checkpoints.filter((cp) => cp.collapsedIn.includes(view.difficulty)).map((cp) => cp.alpha),
    [payload, view.difficulty],
  );
  // The builder and the slice select edit the ensemble by hand: it is no longer the search's pick.
  const editByHand: UpdateView<ScalingViewState> = useCallback(
    (change, mode) => updateView(editedByHand(change), mode),
    [updateView],
  );
  const searchedInterval = useMemo(() => searchedGainInterval(matrix, view), [matrix, view]);
  const samples = memberSamples(view);
  const request: EnsembleRequest = {
    members: view.members.map((alpha, i) => ({ alpha, samples: samples[i] })),
    difficulty: view.difficulty,
    budget: view.budget,
  };
  const exportSource = useMemo(
    () => ({
      slug,
      experiment: payload.experiment.name,
      version: payload.version,
      updatedAt,
      difficulty: view.difficulty,
    }),
    [slug, payload, updatedAt, view.difficulty],
  );
  // Shares the results panel's cached answer: the best single's α also picks a default curve.
  const evaluation = useQuery(ensembleEvaluationQuery(source, request));
  const setPresent = useCallback((present: boolean) => updateView({ present }, "push"), [updateView]);
  const presentation = usePresentation(view.present, setPresent);
  const { difficulty } = view;
  useShortcuts(
    useMemo(
      () => [
        {
          key: "d",
          group: "View",
          description: "Show the next difficulty (all, easy, medium, hard)",
          run: () => editByHand({ difficulty: nextSlice(difficulty, context.slices) }, "push"),
        },
      ],
      [difficulty, context, editByHand],
    ),
  );

  return (
    <ExportSourceProvider source={exportSource}>
      <div className={view.present ? `${styles.page} presentation` : styles.page}>
        <title>{`${scalingDocumentTitle(payload.experiment.name, view.members)}${TITLE_SUFFIX}`}</title>
        <ViewNotices notices={notices} onDismiss={dismissNotices} />
        <div className={`${styles.toolbar} no-print`}>
          <label className={styles.field}>
            <span className={styles.fieldLabel}>Problems</span>
            <select
              value={view.difficulty}
              data-testid="difficulty-select"
              onChange={(event) => editByHand({ difficulty: event.target.value as DifficultySlice }, "push")}
            >
              {context.slices.map((slice) => (
                <option key={slice} value={slice}>
                  {slice === "all" ? "All difficulties" : slice}
                </option>
              ))}
            </select>
          </label>
          <div className="toolbar-actions">
            <PresentationButton
              present={view.present}
              onEnter={presentation.enter}
              onLeave={presentation.leave}
            />
            <CopyLinkButton url={shareUrl} label="Link to this ensemble" />
            <SharingControls slug={slug} page="scaling" shareUrl={shareUrl} initialSearch={initialSearch} />
          </div>
        </div>
        <div className={styles.grid}>
          <div className={styles.main}>
            <PassAtKPanel
              slug={slug}
              view={view}
              updateView={updateView}
              bestSingleAlpha={evaluation.data?.bestSingle.alpha ?? null}
              present={view.present}
            />
            {view.present ? null : (
              <div className="no-print">
                <CoveragePanel slug={slug} matrix={matrix} view={view} />
              </div>
            )}
          </div>
          <div className={styles.side}>
            <div className="no-print">
              <EnsembleBuilder view={view} context={context} updateView={editByHand} collapsed={collapsed} />
            </div>
            <EnsembleResults
              slug={slug}
              request={request}
              searched={view.searched !== null}
              adjusted={searchedInterval}
            />
            {view.present ? null : (
              <div className="no-print">
                <SearchPanel payload={payload} view={view} updateView={updateView} />
              </div>
            )}
          </div>
        </div>
      </div>
    </ExportSourceProvider>
  );
}
