"use client";

import { useVirtualizer } from "@tanstack/react-virtual";
import Link from "next/link";
import { useRef } from "react";
import { SpacerRow } from "@/components/common/SpacerRow";
import type { ProblemCounts } from "@/lib/contracts/problemTypes";
import { formatAlpha } from "@/lib/domain/alpha";
import { DISCOVERY_Q } from "@/lib/science/problemChanges";
import { formatPercent, formatPoints } from "@/lib/views/format";
import { problemHref } from "@/lib/views/problemHref";
import type { ProblemTableRow } from "@/lib/views/problemRows";
import type { ProblemsView } from "@/lib/views/problemsView";
import { PassRateStrip } from "./PassRateStrip";
import styles from "./Problems.module.css";

const ROW_HEIGHT = 34;
const STRIP_WIDTH = 164;
const COLUMNS = 10;
/** What the server renders before the browser has measured the window (about one screen of rows). */
const INITIAL_RECT = { width: 1000, height: 720 };

/** A p- or q-value: three significant digits, "<0.001" below. */
function formatProbability(value: number): string {
  return value < 0.001 ? "<0.001" : value.toPrecision(2);
}

function countAt(n: number, pass: number): string {
  return n === 0 ? "—" : `${pass}/${n} (${formatPercent(pass / n)})`;
}

interface ProblemsTableProps {
  slug: string;
  counts: ProblemCounts;
  view: ProblemsView;
  rows: readonly ProblemTableRow[];
}

/**
 * The problems as a table whose rows are rendered only while they are in the scrolling window
 * (TanStack Virtual): spacer rows above and below stand in for the rest, so 5 000 problems scroll
 * like 30. Row heights are fixed, so nothing needs measuring.
 */
export function ProblemsTable({ slug, counts, view, rows }: ProblemsTableProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    initialRect: INITIAL_RECT,
  });
  const from = counts.alphas.indexOf(view.from);
  const to = counts.alphas.indexOf(view.to);
  const items = virtualizer.getVirtualItems();
  const top = items[0]?.start ?? 0;
  const bottom = virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0);

  if (rows.length === 0)
    return (
      <p className={`muted ${styles.empty}`} data-testid="problems-empty">
        No problem matches this search and difficulty.
      </p>
    );
  return (
    <div ref={scrollRef} className={styles.scroll} data-testid="problems-scroll">
      <table className={styles.table} aria-rowcount={rows.length + 1} data-testid="problems-table">
        <caption className="visually-hidden">
          Problems ranked by the change in pass rate from α = {formatAlpha(view.from)} to α ={" "}
          {formatAlpha(view.to)}
        </caption>
        <colgroup>
          <col style={{ width: "9rem" }} />
          <col />
          <col style={{ width: "5.5rem" }} />
          <col style={{ width: "6.5rem" }} />
          <col style={{ width: `${STRIP_WIDTH + 16}px` }} />
          <col style={{ width: "10.5rem" }} />
          <col style={{ width: "10.5rem" }} />
          <col style={{ width: "5rem" }} />
          <col style={{ width: "6rem" }} />
          <col style={{ width: "5rem" }} />
        </colgroup>
        <thead>
          <tr aria-rowindex={1}>
            <th scope="col">Problem</th>
            <th scope="col">Title</th>
            <th scope="col">Difficulty</th>
            <th scope="col">Platform</th>
            <th scope="col">Pass rate across α</th>
            <th scope="col" className="num">
              α = {formatAlpha(view.from)}
            </th>
            <th scope="col" className="num">
              α = {formatAlpha(view.to)}
            </th>
            <th scope="col" className="num">
              Δ (pts)
            </th>
            <th scope="col" className="num" title="Δ shrunk toward 0 by empirical Bayes: noise shrinks most">
              Shrunk Δ
            </th>
            <th
              scope="col"
              className="num"
              title="Benjamini–Hochberg q-value of Fisher's exact test over the slice's problems (p-value on hover)"
            >
              q
            </th>
          </tr>
        </thead>
        <tbody>
          {top > 0 ? <SpacerRow columns={COLUMNS} height={top} /> : null}
          {items.map((item) => {
            const { problem: index, change } = rows[item.index];
            const delta = change?.delta ?? null;
            const problem = counts.problems[index];
            return (
              <tr
                key={problem.id}
                aria-rowindex={item.index + 2}
                data-testid="problem-row"
                data-problem={problem.id}
              >
                <td>
                  <Link href={problemHref(slug, problem.id)} prefetch={false} title={problem.id}>
                    {problem.id}
                  </Link>
                </td>
                <td title={problem.title ?? undefined}>{problem.title ?? "—"}</td>
                <td>{problem.difficulty}</td>
                <td>{problem.platform ?? "—"}</td>
                <td>
                  <PassRateStrip
                    alphas={counts.alphas}
                    n={problem.n}
                    pass={problem.pass}
                    marked={[from, to]}
                    width={STRIP_WIDTH}
                    height={18}
                  />
                </td>
                <td className={styles.num}>{countAt(problem.n[from], problem.pass[from])}</td>
                <td className={styles.num}>{countAt(problem.n[to], problem.pass[to])}</td>
                <td
                  className={`${styles.num} ${delta === null || delta === 0 ? "" : delta > 0 ? styles.gained : styles.lost}`}
                  data-testid="problem-delta"
                >
                  {delta === null ? "—" : formatPoints(delta)}
                </td>
                <td className={styles.num} data-testid="problem-shrunk">
                  {change === null ? "—" : formatPoints(change.shrunk)}
                </td>
                <td
                  className={`${styles.num} ${change !== null && change.q < DISCOVERY_Q ? styles.discovery : ""}`}
                  data-testid="problem-q"
                  title={change === null ? undefined : `p = ${formatProbability(change.p)}`}
                >
                  {change === null ? "—" : formatProbability(change.q)}
                </td>
              </tr>
            );
          })}
          {bottom > 0 ? <SpacerRow columns={COLUMNS} height={bottom} /> : null}
        </tbody>
      </table>
    </div>
  );
}
