"use client";

import { useWindowVirtualizer } from "@tanstack/react-virtual";
import Link from "next/link";
import { memo, type RefObject, useCallback, useLayoutEffect, useRef, useState } from "react";
import { useHydrated } from "@/components/browser/useHydrated";
import { LongText } from "@/components/common/LongText";
import { SpacerRow } from "@/components/common/SpacerRow";
import type { ExperimentPageItem, ExperimentSort } from "@/lib/contracts/experimentListQuery";
import { SETTING_LABELS } from "@/lib/contracts/types";
import { formatAlphaRange, formatCount, formatTimestamp } from "@/lib/views/format";
import { bestSolveRateText } from "@/lib/views/thumbnailText";
import { firstRowsWindow, rowWindow } from "@/lib/views/virtualRows";
import { FrontierThumbnail, THUMBNAIL_HEIGHT } from "./FrontierThumbnail";
import { SyntheticBadge } from "./SyntheticBadge";

/** The usual row's height: its thumbnail (a name clamped to two lines is no taller), padding and border. */
const ROW_HEIGHT = THUMBNAIL_HEIGHT + 15;
/** Rows rendered beyond each edge of the window: Tab moves focus to the next row before it scrolls in. */
const OVERSCAN = 5;
/** The window assumed before the browser has measured it (on the server): about one screen. */
const INITIAL_RECT = { width: 1280, height: 720 };
const COLUMNS = 12;

/** The sorted column and direction, and what clicking a column's header does. */
export interface TableSort {
  sort: ExperimentSort;
  order: "asc" | "desc";
  onSort: (sort: ExperimentSort) => void;
}

interface ExperimentTableProps {
  experiments: readonly ExperimentPageItem[];
  sorting: TableSort;
  /** Slugs ticked for comparison. */
  selected: readonly string[];
  /** A stable function, so that rows whose experiment and tick are unchanged do not render again. */
  onSelect: (slug: string, on: boolean) => void;
  /** While the next page or filter is loading: the rows shown are the previous answer's. */
  busy?: boolean;
}

/** A column header that sorts by its column: a button, and aria-sort on the sorted one. */
function SortHeader({
  column,
  label,
  sorting,
}: {
  column: ExperimentSort;
  label: string;
  sorting: TableSort;
}) {
  const active = sorting.sort === column;
  const next = active && sorting.order === "asc" ? "descending" : "ascending";
  return (
    <th
      scope="col"
      aria-sort={active ? (sorting.order === "asc" ? "ascending" : "descending") : undefined}
      data-sort-column={column}
    >
      <button
        type="button"
        className="sort-button"
        onClick={() => sorting.onSort(column)}
        title={`Sort by ${label.toLowerCase()}, ${next}`}
      >
        {label}
        <span aria-hidden="true" className="sort-indicator">
          {active ? (sorting.order === "asc" ? "▲" : "▼") : "↕"}
        </span>
      </button>
    </th>
  );
}

/**
 * One row's cells. Memoized: while the next search's page loads the table renders again with the
 * same row objects (the previous answer), and that render comes before the request is sent, on
 * every keystroke. The row itself (its position in the list) is the table's.
 */
const ExperimentRow = memo(function ExperimentRow({
  experiment,
  selected,
  onSelect,
}: {
  experiment: ExperimentPageItem;
  selected: boolean;
  onSelect: (slug: string, on: boolean) => void;
}) {
  return (
    <>
      <td>
        <input
          type="checkbox"
          checked={selected}
          onChange={(event) => onSelect(experiment.slug, event.target.checked)}
          aria-label={`Compare ${experiment.name}`}
          data-testid="compare-select"
          value={experiment.slug}
        />
      </td>
      <th scope="row">
        {/* Not prefetched: a search shows new rows at each keystroke, and each visible row's link
            prefetched its experiment's layout (a server render reading the database) in the
            requests of the next keystroke's answer. */}
        <Link
          href={`/experiments/${encodeURIComponent(experiment.slug)}`}
          className="row-link"
          prefetch={false}
        >
          <LongText text={experiment.name} />
        </Link>{" "}
        {experiment.synthetic ? <SyntheticBadge /> : null}
      </th>
      <td>
        <FrontierThumbnail thumbnail={experiment.thumbnail} />
      </td>
      <td className="num nowrap" data-testid="best-solve-rate">
        {experiment.thumbnail === null
          ? "computing…"
          : experiment.thumbnail.best === null
            ? "—"
            : bestSolveRateText(experiment.thumbnail.best)}
      </td>
      <td>
        <LongText text={experiment.benchmark} />
      </td>
      <td>{SETTING_LABELS[experiment.setting]}</td>
      <td>{experiment.modelScale ?? "—"}</td>
      <td>{experiment.modelFamily === null ? "—" : <LongText text={experiment.modelFamily} />}</td>
      <td className="num">{formatAlphaRange(experiment.alphaMin, experiment.alphaMax)}</td>
      <td className="num">{formatCount(experiment.checkpoints)}</td>
      <td className="num">{formatCount(experiment.problems)}</td>
      <td className="nowrap">{formatTimestamp(experiment.updatedAt)}</td>
    </>
  );
});

/**
 * Where the rows start in the document (the virtualizer's scrollMargin), measured after mount and
 * again whenever the page's size changes: a notice or the compare bar above the table moves it.
 */
function useDocumentTop(ref: RefObject<HTMLElement | null>): number {
  const [top, setTop] = useState(0);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => setTop(element.getBoundingClientRect().top + window.scrollY);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(document.body);
    return () => observer.disconnect();
  }, [ref]);
  return top;
}

/**
 * One page of experiments with the facts a researcher scans for: a thumbnail of the frontier and
 * its best solve rate, benchmark, setting, model scale and family, α range and size; each sortable
 * column's header sorts, a checkbox per row picks experiments to compare.
 *
 * Only the rows in (and near) the window are rendered (TanStack Virtual, over the page's scroll):
 * spacer rows stand in for the others, so a new page of 50 rows costs the dozen in view. The server,
 * and the browser while it hydrates, render the first screen of rows whatever the scroll position
 * (the same HTML on both sides); the window takes over from the render after.
 */
export function ExperimentTable({
  experiments,
  sorting,
  selected,
  onSelect,
  busy = false,
}: ExperimentTableProps) {
  const bodyRef = useRef<HTMLTableSectionElement>(null);
  const scrollMargin = useDocumentTop(bodyRef);
  const hydrated = useHydrated();
  // Keyed by slug, so a measured height stays with its experiment when a new page reorders the rows.
  const itemKey = useCallback((index: number) => experiments[index].slug, [experiments]);
  const virtualizer = useWindowVirtualizer({
    count: experiments.length,
    estimateSize: () => ROW_HEIGHT,
    getItemKey: itemKey,
    overscan: OVERSCAN,
    scrollMargin,
    initialRect: INITIAL_RECT,
    enabled: hydrated,
  });
  const { indexes, above, below } = hydrated
    ? rowWindow(virtualizer.getVirtualItems(), virtualizer.getTotalSize(), scrollMargin)
    : firstRowsWindow(experiments.length, INITIAL_RECT.height, ROW_HEIGHT, OVERSCAN);

  return (
    <div className="table-scroll">
      <table
        className="data-table data-table--list"
        data-testid="experiment-table"
        aria-busy={busy || undefined}
        aria-rowcount={experiments.length + 1}
      >
        <caption className="visually-hidden">
          Experiments; the sortable columns sort when their header is pressed.
        </caption>
        <thead>
          <tr aria-rowindex={1}>
            <th scope="col">
              <span className="visually-hidden">Compare</span>
            </th>
            <SortHeader column="name" label="Name" sorting={sorting} />
            <th scope="col">Frontier</th>
            <th scope="col" className="num">
              Best solve rate
            </th>
            <SortHeader column="benchmark" label="Benchmark" sorting={sorting} />
            <SortHeader column="setting" label="Setting" sorting={sorting} />
            <SortHeader column="scale" label="Scale" sorting={sorting} />
            <SortHeader column="family" label="Family" sorting={sorting} />
            <th scope="col" className="num">
              α range
            </th>
            <th scope="col" className="num">
              Checkpoints
            </th>
            <th scope="col" className="num">
              Problems
            </th>
            <SortHeader column="updated" label="Updated" sorting={sorting} />
          </tr>
        </thead>
        <tbody ref={bodyRef}>
          {above > 0 ? <SpacerRow columns={COLUMNS} height={above} /> : null}
          {indexes.map((index) => {
            const experiment = experiments[index];
            return (
              <tr
                key={experiment.slug}
                ref={virtualizer.measureElement}
                data-index={index}
                aria-rowindex={index + 2}
                data-testid="experiment-row"
                data-slug={experiment.slug}
              >
                <ExperimentRow
                  experiment={experiment}
                  selected={selected.includes(experiment.slug)}
                  onSelect={onSelect}
                />
              </tr>
            );
          })}
          {below > 0 ? <SpacerRow columns={COLUMNS} height={below} /> : null}
        </tbody>
      </table>
    </div>
  );
}
