"use client";

import { useQuery } from "@tanstack/react-query";
import { useMemo, useRef, useState } from "react";
import { CsvDownload, onScreenTable } from "@/components/common/CsvDownload";
import { StatusPanel } from "@/components/common/StatusPanel";
import { GlossaryLink } from "@/components/glossary/GlossaryLink";
import { useApiSource } from "@/components/queries/apiSource";
import { passAtKCurvesQuery } from "@/components/queries/queries";
import { alphaColor } from "@/lib/charts/alphaColor";
import { paletteVar } from "@/lib/charts/palette";
import type { PassAtKCurve } from "@/lib/contracts/scalingTypes";
import { formatAlpha } from "@/lib/domain/alpha";
import { PASS_AT_K_ANCHOR } from "@/lib/science/metricRegistry";
import { formatPercent } from "@/lib/views/format";
import type { UpdateView } from "@/lib/views/urlView";
import { memberListText, type ScalingViewState } from "../../lib/views/scalingView";
import { PassAtKChart, type StyledCurve } from "./PassAtKChart";
import styles from "./Scaling.module.css";

interface PassAtKPanelProps {
  slug: string;
  view: ScalingViewState;
  updateView: UpdateView<ScalingViewState>;
  /** α of the best single at the budget, once the evaluation is known. */
  bestSingleAlpha: number | null;
  /** Presentation mode: the chart alone, in large type, filling the panel. */
  present: boolean;
}

const ENSEMBLE_COLOR = paletteVar("text");

function curveLabel(curve: PassAtKCurve, best: number | null): string {
  if (curve.type === "ensemble") return "Ensemble";
  const alpha = curve.alpha ?? Number.NaN;
  const name = alpha === 0 ? " (A)" : alpha === 1 ? " (B)" : "";
  return `α ${formatAlpha(alpha)}${name}${alpha === best ? " best single" : ""}`;
}

/**
 * The pass@k panel: curves of A, B, the best single at the budget and the current ensemble by
 * default, any other evaluated α on demand, bootstrap bands on a toggle, and the same numbers as
 * a table for readers who cannot use the chart.
 */
export function PassAtKPanel({ slug, view, updateView, bestSingleAlpha, present }: PassAtKPanelProps) {
  const query = useQuery(
    passAtKCurvesQuery(useApiSource(slug), view.difficulty, view.bands, memberListText(view)),
  );
  const [extra, setExtra] = useState<number[]>([]);
  const curvesTable = useRef<HTMLTableElement>(null);
  const data = query.data;
  const curves = useMemo<StyledCurve[]>(() => {
    if (!data) return [];
    const alphas = data.curves.flatMap((c) => (c.alpha === null ? [] : [c.alpha]));
    const [min, max] = [Math.min(...alphas), Math.max(...alphas)];
    const shown = new Set([0, 1, ...(bestSingleAlpha === null ? [] : [bestSingleAlpha]), ...extra]);
    return data.curves
      .filter((curve) => curve.type === "ensemble" || shown.has(curve.alpha ?? Number.NaN))
      .map((curve) => ({
        id: curve.type === "ensemble" ? "ensemble" : `alpha-${curve.alpha}`,
        label: curveLabel(curve, bestSingleAlpha),
        color: curve.alpha === null ? ENSEMBLE_COLOR : alphaColor(curve.alpha, min, max),
        emphasis: curve.type === "ensemble",
        curve,
      }));
  }, [data, bestSingleAlpha, extra]);
  const checkpointAlphas = data?.curves.flatMap((c) => (c.alpha === null ? [] : [c.alpha])) ?? [];
  const ks = [...new Set(curves.flatMap(({ curve }) => curve.points.map((p) => p.k)))].sort((a, b) => a - b);

  return (
    <section className={styles.panel} aria-labelledby="curves-title" aria-busy={query.isFetching}>
      <div className={styles.panelHeader}>
        <h2 id="curves-title">pass@k curves</h2>
        <GlossaryLink anchor={PASS_AT_K_ANCHOR} what="pass@k" />
        <button
          type="button"
          className="button button--small"
          aria-pressed={view.bands}
          data-testid="bands-toggle"
          onClick={() => updateView({ bands: !view.bands }, "push")}
        >
          95% bootstrap bands
        </button>
      </div>
      {query.isPending ? (
        <div className="skeleton skeleton--chart" style={{ height: 380 }}>
          <span className="visually-hidden">Loading pass@k curves…</span>
        </div>
      ) : query.isError ? (
        <StatusPanel tone="error" title="The pass@k curves could not be loaded">
          <p>{query.error.message}</p>
        </StatusPanel>
      ) : ks.length < 2 ? (
        <StatusPanel tone="empty" title="pass@k needs more than one sample per problem">
          <p data-testid="curves-single-sample">
            These results have one sample per problem, so pass@k is defined only for k = 1
            {curves[0]?.curve.points[0] ? ` (${formatPercent(curves[0].curve.points[0].passAtK)})` : ""}.
            Import runs with several samples per problem to see how pass@k grows with the budget.
          </p>
        </StatusPanel>
      ) : (
        <>
          <PassAtKChart curves={curves} bands={view.bands} present={present} />
          {present ? null : (
            <>
              <details className={styles.details}>
                <summary>More checkpoints</summary>
                <div className={styles.splitRow}>
                  {checkpointAlphas.map((alpha) => (
                    <label key={alpha} className={styles.field}>
                      <input
                        type="checkbox"
                        checked={
                          extra.includes(alpha) || alpha === 0 || alpha === 1 || alpha === bestSingleAlpha
                        }
                        disabled={alpha === 0 || alpha === 1 || alpha === bestSingleAlpha}
                        onChange={(event) =>
                          setExtra(
                            event.target.checked ? [...extra, alpha] : extra.filter((a) => a !== alpha),
                          )
                        }
                      />
                      α {formatAlpha(alpha)}
                    </label>
                  ))}
                </div>
              </details>
              <details className={styles.details}>
                <summary>Show the curves as a table</summary>
                <CsvDownload
                  name="pass-at-k"
                  label="Download the pass@k table as CSV"
                  table={onScreenTable(curvesTable)}
                />
                <div className="table-scroll" style={{ maxHeight: 360, overflowY: "auto" }}>
                  <table
                    className="data-table data-table--compact"
                    data-testid="curves-table"
                    ref={curvesTable}
                  >
                    <caption className="visually-hidden">pass@k by k for each curve</caption>
                    <thead>
                      <tr>
                        <th scope="col" className="num">
                          k
                        </th>
                        {curves.map(({ id, label }) => (
                          <th key={id} scope="col" className="num">
                            <span className={styles.greek}>{label}</span>
                          </th>
                        ))}
                      </tr>
                    </thead>
                    <tbody>
                      {ks.map((k) => (
                        <tr key={k}>
                          <th scope="row" className="num">
                            {k}
                          </th>
                          {curves.map(({ id, curve }) => {
                            const p = curve.points.find((point) => point.k === k);
                            return (
                              <td key={id} className="num">
                                {p ? formatPercent(p.passAtK) : "—"}
                                {p && p.lower !== undefined && p.upper !== undefined
                                  ? ` (${formatPercent(p.lower)}–${formatPercent(p.upper)})`
                                  : ""}
                              </td>
                            );
                          })}
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </details>
              <p className="muted" style={{ marginTop: 8 }}>
                k runs to the largest k ≤ n of each curve; pass@k beyond n is undefined and not drawn. The
                ensemble curve keeps the builder's proportions at every total k.
              </p>
            </>
          )}
        </>
      )}
    </section>
  );
}
