"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import { problemDetailQuery } from "@/components/queries/queries";
import { formatAlpha } from "@/lib/domain/alpha";
import { VERDICT_LABELS, VERDICTS } from "@/lib/domain/verdicts";
import { formatPercent } from "@/lib/views/format";
import { problemsHref } from "@/lib/views/problemHref";
import { type AlphaColumn, ByAlphaTable } from "./ByAlphaTable";
import styles from "./Problems.module.css";
import { VerdictBars } from "./VerdictBars";

const ms = (value: number | null) => (value === null ? "—" : `${value.toFixed(1)} ms`);

const VERDICT_COLUMNS: AlphaColumn[] = [
  { key: "n", header: "Samples", cell: (cp) => cp.n },
  ...VERDICTS.map(
    (verdict): AlphaColumn => ({
      key: verdict,
      header: VERDICT_LABELS[verdict],
      data: { "data-verdict": verdict },
      cell: (cp) => (
        <>
          {cp.verdicts[verdict]} <span className="muted">({formatPercent(cp.verdicts[verdict] / cp.n)})</span>
        </>
      ),
    }),
  ),
];

const RUNTIME_COLUMNS: AlphaColumn[] = [
  { key: "samples", header: "Timed samples", cell: (cp) => cp.runtime?.samples ?? 0 },
  { key: "mean", header: "Mean", cell: (cp) => ms(cp.runtime?.meanMs ?? null) },
  { key: "min", header: "Min", cell: (cp) => ms(cp.runtime?.minMs ?? null) },
  { key: "max", header: "Max", cell: (cp) => ms(cp.runtime?.maxMs ?? null) },
  {
    key: "dps",
    header: "EvalPerf DPS (norm.)",
    cell: (cp) => (cp.dpsNorm === null ? "—" : cp.dpsNorm.toFixed(1)),
  },
];

/** A column per k, "—" where pass@k is undefined at that α (k > n). */
function passAtKColumns(ks: readonly number[]): AlphaColumn[] {
  return ks.map((k) => ({
    key: String(k),
    header: `pass@${k}`,
    data: { "data-k": k },
    cell: (cp) => {
      const point = cp.passAtK.find((candidate) => candidate.k === k);
      return point ? formatPercent(point.value) : "—";
    },
  }));
}

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
        <ByAlphaTable
          checkpoints={checkpoints}
          columns={VERDICT_COLUMNS}
          caption="Samples per verdict at each evaluated α"
          testId="problem-verdicts"
        />
      </section>

      <section className="panel" aria-labelledby="pass-at-k-title">
        <h2 id="pass-at-k-title">pass@k at every α</h2>
        <p className="panel-sub">
          Unbiased estimate from this problem&apos;s n samples (Chen et al. 2021); defined only for k ≤ n.
        </p>
        <ByAlphaTable
          checkpoints={checkpoints}
          columns={passAtKColumns(ks)}
          caption="pass@k at each evaluated α"
          testId="problem-pass-at-k"
        />
      </section>

      <section className="panel" aria-labelledby="runtimes-title">
        <h2 id="runtimes-title">Runtimes of passing samples</h2>
        {timed ? (
          <ByAlphaTable
            checkpoints={checkpoints}
            columns={RUNTIME_COLUMNS}
            caption="Runtimes of the passing samples at each evaluated α"
            testId="problem-runtimes"
          />
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
