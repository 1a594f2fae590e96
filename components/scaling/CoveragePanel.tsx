"use client";

import Link from "next/link";
import { Fragment, useMemo, useRef } from "react";
import { useElementWidth } from "@/components/browser/useElementWidth";
import { ChartExport } from "@/components/charts/ChartExport";
import { CsvDownload, onScreenTable } from "@/components/common/CsvDownload";
import { LongText } from "@/components/common/LongText";
import { alphaColor } from "@/lib/charts/alphaColor";
import { paletteVar } from "@/lib/charts/palette";
import { upsetIntersections, upsetLayout } from "@/lib/charts/upsetLayout";
import { formatAlpha } from "@/lib/domain/alpha";
import type { SweepMatrix } from "@/lib/domain/sweep";
import { ensembleCoverage, SOLVED_THRESHOLD } from "@/lib/science/ensembleCoverage";
import { bestSingle } from "@/lib/science/ensemblePassAtK";
import { sliceProblemIndices } from "@/lib/science/slices";
import { formatPercent } from "@/lib/views/format";
import { problemHref } from "@/lib/views/problemHref";
import { memberSamples, type ScalingViewState } from "../../lib/views/scalingView";
import styles from "./Scaling.module.css";

const LABEL_WIDTH = 170;
const BAR_HEIGHT = 120;
const ROW_HEIGHT = 22;

/**
 * The coverage picture: which problems of the slice each member (at its own share), the ensemble
 * (at K) and the best single (at K) solve, as an UpSet chart of exact overlaps. Bars of problems the
 * ensemble solves and the best single does not are the evidence that members complement each other.
 */
export function CoveragePanel({
  slug,
  matrix,
  view,
}: {
  slug: string;
  matrix: SweepMatrix;
  view: ScalingViewState;
}) {
  const [ref, width] = useElementWidth<HTMLDivElement>(520);
  const overlapsTable = useRef<HTMLTableElement>(null);
  const model = useMemo(() => {
    const problems = sliceProblemIndices(matrix, view.difficulty);
    const samples = memberSamples(view);
    const members = view.members.map((alpha, i) => ({
      checkpoint: matrix.checkpoints.findIndex((cp) => cp.alpha === alpha),
      k: samples[i],
    }));
    const single = bestSingle(matrix, view.budget, problems);
    if (!single || members.some((m) => m.checkpoint < 0)) return null;
    const coverage = ensembleCoverage(matrix, members, single.checkpoint, problems);
    const columns = [...coverage.members, coverage.ensemble, coverage.single];
    const labels = [
      ...view.members.map((alpha, i) => `α ${formatAlpha(alpha)} at k = ${samples[i]}`),
      `Ensemble at K = ${view.budget}`,
      `Best single α ${formatAlpha(single.alpha)} at K`,
    ];
    const memberships = Array.from(problems, (_, row) =>
      columns.map((column) => column[row] >= SOLVED_THRESHOLD),
    );
    return { problems, labels, memberships, intersections: upsetIntersections(memberships), single };
  }, [matrix, view]);

  if (!model) {
    return (
      <section className={styles.panel} aria-labelledby="coverage-title">
        <h2 id="coverage-title">Coverage</h2>
        <p className="muted">No single checkpoint can be compared at this budget.</p>
      </section>
    );
  }
  const alphas = matrix.checkpoints.map((cp) => cp.alpha);
  const [min, max] = [alphas[0], alphas[alphas.length - 1]];
  const sets = model.labels.length;
  const ensembleSet = sets - 2;
  const singleSet = sets - 1;
  const colorOf = (set: number) =>
    set < view.members.length
      ? alphaColor(view.members[set], min, max)
      : set === ensembleSet
        ? paletteVar("text")
        : paletteVar("text-muted");
  const layout = upsetLayout({
    intersections: model.intersections,
    sets,
    width,
    labelWidth: LABEL_WIDTH,
    barHeight: BAR_HEIGHT,
    rowHeight: ROW_HEIGHT,
  });
  const height = layout.gridTop + sets * ROW_HEIGHT + 8;
  const isEvidence = (pattern: boolean[]) => pattern[ensembleSet] && !pattern[singleSet];
  const unsolved = model.memberships.filter((row) => !row.some(Boolean)).length;
  const idOf = (row: number) => matrix.problems[model.problems[row]].externalId;
  const titleOf = (row: number) => {
    const problem = matrix.problems[model.problems[row]];
    return problem.title ?? problem.externalId;
  };

  return (
    <section className={styles.panel} aria-labelledby="coverage-title">
      <div className={styles.panelHeader}>
        <h2 id="coverage-title">Who solves which problems</h2>
        <span className="muted">solved: pass ≥ {formatPercent(SOLVED_THRESHOLD)}</span>
        <ChartExport
          chart={() => ref.current?.querySelector("svg") ?? null}
          title="Who solves which problems (UpSet)"
          name="coverage"
        />
      </div>
      <div ref={ref}>
        <svg
          width={width}
          height={height}
          role="img"
          aria-label="UpSet chart of solved-problem overlaps"
          className={styles.chart}
        >
          {layout.bars.map((bar, i) => (
            <g key={`bar-${model.intersections[i].pattern.join("")}`}>
              <rect
                x={bar.x}
                y={bar.y}
                width={bar.width}
                height={bar.height}
                fill={isEvidence(model.intersections[i].pattern) ? "var(--positive)" : "var(--border-strong)"}
              >
                <title>{`${bar.count} problems`}</title>
              </rect>
              <text
                x={bar.x + bar.width / 2}
                y={bar.y - 3}
                textAnchor="middle"
                fontSize={10}
                fill="var(--text)"
              >
                {bar.count}
              </text>
            </g>
          ))}
          {layout.setRows.map((cy, set) => (
            <text
              key={model.labels[set]}
              x={LABEL_WIDTH - 8}
              y={cy}
              dy="0.32em"
              textAnchor="end"
              fontSize={11}
              fill="var(--text)"
            >
              {model.labels[set]}
            </text>
          ))}
          {layout.connectors.map((c, i) =>
            c ? (
              <line
                key={`c-${model.intersections[i].pattern.join("")}`}
                x1={c.x}
                x2={c.x}
                y1={c.y1}
                y2={c.y2}
                stroke="var(--text-muted)"
                strokeWidth={2}
              />
            ) : null,
          )}
          {layout.dots.map((dot) => (
            <circle
              key={`${dot.column}-${dot.set}`}
              cx={dot.cx}
              cy={dot.cy}
              r={5}
              fill={dot.filled ? colorOf(dot.set) : "var(--surface-sunken)"}
              stroke={dot.filled ? "none" : "var(--border)"}
            />
          ))}
        </svg>
      </div>
      <p className="muted">
        Green bars: problems the ensemble solves and the best single does not. {unsolved} of{" "}
        {model.problems.length} problems are solved by none of them.
      </p>
      <details className={styles.details}>
        <summary>Show the overlaps as a table</summary>
        <CsvDownload
          name="coverage"
          label="Download the overlaps table as CSV"
          table={onScreenTable(overlapsTable)}
        />
        <table className="data-table data-table--compact" ref={overlapsTable}>
          <caption className="visually-hidden">Problems per exact combination of solvers</caption>
          <thead>
            <tr>
              <th scope="col">Solved by exactly</th>
              <th scope="col" className="num">
                Problems
              </th>
              <th scope="col">Examples</th>
            </tr>
          </thead>
          <tbody>
            {model.intersections.map((intersection) => (
              <tr key={intersection.pattern.join("")}>
                <td>{model.labels.filter((_, set) => intersection.pattern[set]).join(" + ")}</td>
                <td className="num">{intersection.rows.length}</td>
                <td>
                  {intersection.rows.slice(0, 3).map((row, i) => (
                    <Fragment key={row}>
                      {i > 0 ? "; " : null}
                      <Link href={problemHref(slug, idOf(row))} prefetch={false} title={idOf(row)}>
                        <LongText text={titleOf(row)} lines={1} />
                      </Link>
                    </Fragment>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}
