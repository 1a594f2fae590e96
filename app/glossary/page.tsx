import type { Metadata } from "next";
import { MetricEntry } from "@/components/glossary/MetricEntry";
import {
  COMPARISON_GLOSSARY,
  getMetric,
  METRIC_GROUPS,
  METRIC_INTERVAL,
  METRIC_NOTATION,
} from "@/lib/science/metricRegistry";
import { CLAIM_GLOSSARY, claimAnchor } from "@/lib/views/claimText";

export const metadata: Metadata = { title: "Glossary" };

/** Every metric's name, definition, direction and interval, generated from the metric registry. */
export default function GlossaryPage() {
  return (
    <>
      <div className="page-heading">
        <h1>Glossary</h1>
        <p className="page-lede">
          What every metric measures, how it is computed, which way is better and where its interval comes
          from. Every chart and table links here.
        </p>
      </div>
      <section className="panel glossary" aria-labelledby="notation-title">
        <h2 id="notation-title">Notation</h2>
        <p>{METRIC_NOTATION}</p>
        <h2 id="intervals">How intervals are computed</h2>
        <p>{METRIC_INTERVAL}</p>
        <h2 id="comparisons">Comparisons and their uncertainty</h2>
        <dl>
          {COMPARISON_GLOSSARY.map(({ term, text }) => (
            <div key={term}>
              <dt>{term}</dt>
              <dd>{text}</dd>
            </div>
          ))}
        </dl>
        <h2 id="problem-changes">Per-problem changes</h2>
        <p>
          On the problems page each problem&apos;s Δ (pass rate at the second α minus the first) carries p,
          the two-sided Fisher&apos;s exact test of the two α&apos;s pass/fail counts, and q, its
          Benjamini–Hochberg q-value over the slice&apos;s problems: among changes with q &lt; 0.1 at most 10
          % are expected to be noise. The shrunk Δ pulls each change toward 0 by beta-binomial empirical
          Bayes, as far as the spread of all changes says noise would; rank by it to see changes that survive
          noise first.
        </p>
      </section>
      <section className="panel glossary" aria-labelledby="claims">
        <h2 id="claims">Claims tested on the data</h2>
        <p>
          The explorer tests the research&apos;s claims on the slice shown (A = α 0, B = α 1), each with its
          estimate, an interval from the version&apos;s seeded paired bootstrap over problems, and a verdict:
          supported, contradicted or inconclusive. A claim whose data is missing is left out. Whether the α
          path retraces trained intermediate-coverage checkpoints is not tested: alphascope does not hold
          trained checkpoints yet.
        </p>
        <dl>
          {CLAIM_GLOSSARY.map(({ id, term, text }) => (
            <div key={id} id={claimAnchor(id)}>
              <dt>{term}</dt>
              <dd>{text}</dd>
            </div>
          ))}
        </dl>
      </section>
      {METRIC_GROUPS.map((group) => (
        <section key={group.anchor} className="panel glossary" aria-labelledby={group.anchor}>
          <h2 id={group.anchor}>{group.title}</h2>
          {group.ids.map((id) => (
            <MetricEntry key={id} metric={getMetric(id)} />
          ))}
        </section>
      ))}
    </>
  );
}
