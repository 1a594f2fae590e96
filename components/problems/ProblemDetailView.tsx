"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import { formatPercent } from "@/components/scaling/format";
import type { ProblemCheckpoint } from "@/lib/api/problemTypes";
import { problemsHref } from "@/lib/client/problemHref";
import { problemDetailQuery } from "@/lib/client/queries";
import { formatAlpha } from "@/lib/domain/alpha";
import { VERDICT_LABELS, VERDICTS } from "@/lib/domain/verdicts";
import styles from "./Problems.module.css";
import { VerdictBars } from "./VerdictBars";

function alphaCell(cp: ProblemCheckpoint) {
  return (
    <th scope="row" className="num">
      {formatAlpha(cp.alpha)}
      {cp.label ? <span className="muted"> {cp.label}</span> : null}
    </th>
  );
}

const ms = (value: number | null) => (value === null ? "—" : `${value.toFixed(1)} ms`);

/**
 * One problem across α: its metadata, its verdict composition at every evaluated α (chart and
 * table), pass@k at every α and the runtimes of its passing samples where the source recorded them.
 */
export function ProblemDetailView({ slug, id }: { slug: string; id: string }) {
  const { data: problem } = useSuspenseQuery(problemDetailQuery(slug, id));
  const { checkpoints } = problem;
  const ks = [...new Set(checkpoints.flatMap((cp) => cp.passAtK.map((point) => point.k)))].sort(
    (a, b) => a - b,
  );
  const timed = checkpoints.some((cp) => cp.runtime !== null || cp.dpsNorm !== null);
  return (
    <div className={styles.grid}>
      <dl className="fact-list" data-testid="problem-facts">
        <div>
          <dt>Difficulty</dt>
          <dd>{problem.difficulty}</dd>
        </div>
        <div>
          <dt>Platform</dt>
          <dd>{problem.platform ?? "—"}</dd>
        </div>
        <div>
          <dt>Contest date</dt>
          <dd>{problem.contestDate ?? "—"}</dd>
        </div>
        <div>
          <dt>Evaluated at</dt>
          <dd>
            {checkpoints.length} α ({checkpoints.map((cp) => formatAlpha(cp.alpha)).join(", ")})
          </dd>
        </div>
      </dl>

      <section className="panel" aria-labelledby="verdicts-title">
        <h2 id="verdicts-title">Verdicts at every α</h2>
        <VerdictBars checkpoints={checkpoints} />
        <div className="table-scroll">
          <table className="data-table data-table--compact" data-testid="problem-verdicts">
            <caption className="visually-hidden">Samples per verdict at each evaluated α</caption>
            <thead>
              <tr>
                <th scope="col" className="num">
                  α
                </th>
                <th scope="col" className="num">
                  Samples
                </th>
                {VERDICTS.map((verdict) => (
                  <th key={verdict} scope="col" className="num">
                    {VERDICT_LABELS[verdict]}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {checkpoints.map((cp) => (
                <tr key={cp.alpha} data-alpha={cp.alpha}>
                  {alphaCell(cp)}
                  <td className="num">{cp.n}</td>
                  {VERDICTS.map((verdict) => (
                    <td key={verdict} className="num" data-verdict={verdict}>
                      {cp.verdicts[verdict]}{" "}
                      <span className="muted">({formatPercent(cp.verdicts[verdict] / cp.n)})</span>
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section className="panel" aria-labelledby="pass-at-k-title">
        <h2 id="pass-at-k-title">pass@k at every α</h2>
        <p className="panel-sub">
          Unbiased estimate from this problem&apos;s n samples (Chen et al. 2021); defined only for k ≤ n.
        </p>
        <div className="table-scroll">
          <table className="data-table data-table--compact" data-testid="problem-pass-at-k">
            <thead>
              <tr>
                <th scope="col" className="num">
                  α
                </th>
                {ks.map((k) => (
                  <th key={k} scope="col" className="num">
                    pass@{k}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {checkpoints.map((cp) => (
                <tr key={cp.alpha} data-alpha={cp.alpha}>
                  {alphaCell(cp)}
                  {ks.map((k) => {
                    const point = cp.passAtK.find((candidate) => candidate.k === k);
                    return (
                      <td key={k} className="num" data-k={k}>
                        {point ? formatPercent(point.value) : "—"}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section className="panel" aria-labelledby="runtimes-title">
        <h2 id="runtimes-title">Runtimes of passing samples</h2>
        {timed ? (
          <div className="table-scroll">
            <table className="data-table data-table--compact" data-testid="problem-runtimes">
              <thead>
                <tr>
                  <th scope="col" className="num">
                    α
                  </th>
                  <th scope="col" className="num">
                    Timed samples
                  </th>
                  <th scope="col" className="num">
                    Mean
                  </th>
                  <th scope="col" className="num">
                    Min
                  </th>
                  <th scope="col" className="num">
                    Max
                  </th>
                  <th scope="col" className="num">
                    EvalPerf DPS (norm.)
                  </th>
                </tr>
              </thead>
              <tbody>
                {checkpoints.map((cp) => (
                  <tr key={cp.alpha} data-alpha={cp.alpha}>
                    {alphaCell(cp)}
                    <td className="num">{cp.runtime?.samples ?? 0}</td>
                    <td className="num">{ms(cp.runtime?.meanMs ?? null)}</td>
                    <td className="num">{ms(cp.runtime?.minMs ?? null)}</td>
                    <td className="num">{ms(cp.runtime?.maxMs ?? null)}</td>
                    <td className="num">{cp.dpsNorm === null ? "—" : cp.dpsNorm.toFixed(1)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p className="muted" data-testid="problem-no-runtimes">
            No runtime was recorded for this problem&apos;s passing samples (the source does not report them,
            e.g. LiveCodeBench&apos;s older grader or a count-only import).
          </p>
        )}
      </section>
      <p>
        <Link href={problemsHref(slug)}>← All problems</Link>
      </p>
    </div>
  );
}
