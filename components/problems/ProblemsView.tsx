"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import { useDeferredValue, useEffect, useMemo, useState } from "react";
import { useUrlView } from "@/components/browser/useUrlView";
import { CopyLinkButton } from "@/components/common/CopyLinkButton";
import { ViewNotices } from "@/components/common/ViewNotices";
import { problemCountsQuery } from "@/components/queries/queries";
import type { ProblemCounts } from "@/lib/contracts/problemTypes";
import { formatAlpha } from "@/lib/domain/alpha";
import { DIFFICULTY_SLICES, type DifficultySlice, inSlice } from "@/lib/domain/difficulty";
import { formatCount } from "@/lib/views/format";
import { problemTable } from "@/lib/views/problemRows";
import {
  isDetectablePoints,
  type ProblemsContext,
  problemsViewDefinition,
  SEARCH_MAX_LENGTH,
} from "@/lib/views/problemsView";
import { PowerLine } from "./PowerLine";
import styles from "./Problems.module.css";
import { ProblemsTable } from "./ProblemsTable";

const SLICE_LABELS: Record<DifficultySlice, string> = {
  all: "All",
  easy: "Easy",
  medium: "Medium",
  hard: "Hard",
};

function problemsContext(counts: ProblemCounts): ProblemsContext {
  return {
    alphas: counts.alphas,
    slices: DIFFICULTY_SLICES.filter((slice) => counts.problems.some((p) => inSlice(p.difficulty, slice))),
  };
}

interface ProblemsViewProps {
  slug: string;
  /** The query string the page was opened with, so server and browser render the same view. */
  initialSearch: string;
}

/**
 * Every problem of an experiment with its pass rate across α, ranked by how much it gained or lost
 * between two chosen α; filtered by difficulty and by a search on id and title. All of it is kept in
 * the URL. The table is virtualised: thousands of problems render only the rows in view.
 */
export function ProblemsView({ slug, initialSearch }: ProblemsViewProps) {
  const { data: counts } = useSuspenseQuery(problemCountsQuery(slug));
  const context = useMemo(() => problemsContext(counts), [counts]);
  const { view, updateView, shareUrl, notices, dismissNotices } = useUrlView(
    problemsViewDefinition,
    context,
    initialSearch,
  );
  // Typing keeps its own pace; the table follows as soon as it can.
  const shown = useDeferredValue(view);
  const table = useMemo(() => problemTable(counts, shown), [counts, shown]);
  const sliceCounts = useMemo(
    () =>
      Object.fromEntries(
        DIFFICULTY_SLICES.map((slice) => [
          slice,
          counts.problems.filter((p) => inSlice(p.difficulty, slice)).length,
        ]),
      ) as Record<DifficultySlice, number>,
    [counts],
  );
  const compared = table.rows.length - table.missing;
  // Marks the view interactive once React has hydrated it (tests wait for this).
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);

  return (
    <div className={styles.grid} data-testid="problems-view" data-hydrated={hydrated ? "true" : undefined}>
      <ViewNotices notices={notices} onDismiss={dismissNotices} />
      <div className={styles.toolbar} data-testid="problems-controls">
        {(["from", "to"] as const).map((key) => (
          <label key={key} className={styles.field}>
            {key === "from" ? "From α" : "To α"}
            <select
              value={view[key]}
              data-testid={`problems-${key}`}
              onChange={(event) => updateView({ [key]: Number(event.target.value) }, "push")}
            >
              {counts.alphas.map((alpha) => (
                <option key={alpha} value={alpha}>
                  {formatAlpha(alpha)}
                </option>
              ))}
            </select>
          </label>
        ))}
        <label className={styles.field}>
          Order
          <select
            value={view.order}
            data-testid="problems-order"
            onChange={(event) => updateView({ order: event.target.value === "asc" ? "asc" : "desc" }, "push")}
          >
            <option value="desc">Most gained first</option>
            <option value="asc">Most lost first</option>
          </select>
        </label>
        <label className={styles.field}>
          Rank by
          <select
            value={view.sort}
            data-testid="problems-sort"
            onChange={(event) =>
              updateView({ sort: event.target.value === "shrunk" ? "shrunk" : "delta" }, "push")
            }
          >
            <option value="delta">Δ</option>
            <option value="shrunk">Shrunk Δ (noise-aware)</option>
          </select>
        </label>
        <label className={styles.field}>
          Difficulty
          <select
            value={view.difficulty}
            data-testid="problems-difficulty"
            onChange={(event) => updateView({ difficulty: event.target.value as DifficultySlice }, "push")}
          >
            {DIFFICULTY_SLICES.map((slice) => (
              <option key={slice} value={slice} disabled={!context.slices.includes(slice)}>
                {SLICE_LABELS[slice]} ({formatCount(sliceCounts[slice])})
              </option>
            ))}
          </select>
        </label>
        <label className={styles.field}>
          Search id or title
          <input
            type="search"
            value={view.search}
            maxLength={SEARCH_MAX_LENGTH}
            placeholder="e.g. abc301 or Maximum"
            data-testid="problems-search"
            onChange={(event) => updateView({ search: event.target.value }, "replace")}
          />
        </label>
        <label className={styles.field}>
          Detect Δ (points)
          <input
            type="number"
            min={0.1}
            max={100}
            step={0.5}
            value={view.detect}
            data-testid="problems-detect"
            onChange={(event) => {
              const points = event.target.valueAsNumber;
              if (isDetectablePoints(points)) updateView({ detect: points }, "replace");
            }}
          />
        </label>
        <CopyLinkButton url={shareUrl} />
      </div>
      <p className={styles.summary} data-testid="problems-summary">
        From α = {formatAlpha(shown.from)} to α = {formatAlpha(shown.to)}:{" "}
        <span className={styles.gained}>{formatCount(table.gained)} gained</span>,{" "}
        <span className={styles.lost}>{formatCount(table.lost)} lost</span>, {formatCount(table.unchanged)}{" "}
        unchanged of {formatCount(compared)} problems evaluated at both
        {table.missing > 0 ? ` (${formatCount(table.missing)} more not evaluated at both, listed last)` : ""};{" "}
        <span data-testid="problems-discoveries">
          beyond noise (q &lt; 0.1):{" "}
          <span className={styles.gained}>{formatCount(table.gainedDiscoveries)} gained</span>,{" "}
          <span className={styles.lost}>{formatCount(table.lostDiscoveries)} lost</span>
        </span>
        . Δ is the pass rate at the second α minus the pass rate at the first; q is the Benjamini–Hochberg
        q-value of Fisher&apos;s exact test over the slice&apos;s problems (among the changes with q &lt; 0.1,
        at most 10 % are expected to be noise); the shrunk Δ pulls each change toward 0 as far as the spread
        of all changes says noise would.
      </p>
      <PowerLine power={table.power} />
      <ProblemsTable slug={slug} counts={counts} view={shown} rows={table.rows} />
    </div>
  );
}
