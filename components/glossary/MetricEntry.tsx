import { type MetricDefinition, metricAnchor } from "@/lib/science/metricRegistry";
import { directionText } from "./directionText";

const UNIT_TEXT = { fraction: "A share from 0 to 1, shown as a percentage", ms: "Milliseconds" } as const;

/** One metric's glossary entry, the target of its "?" links. */
export function MetricEntry({ metric }: { metric: MetricDefinition }) {
  const anchor = metricAnchor(metric.id);
  return (
    <article
      className="glossary-entry"
      id={anchor}
      aria-labelledby={`${anchor}-name`}
      data-testid="glossary-entry"
    >
      <h3 id={`${anchor}-name`}>{metric.label}</h3>
      <p>{metric.glossary.measures}</p>
      <dl className="glossary-facts">
        <div>
          <dt>Formula</dt>
          <dd>
            <code>{metric.glossary.formula}</code>
          </dd>
        </div>
        <div>
          <dt>Direction</dt>
          <dd>{directionText(metric)}</dd>
        </div>
        <div>
          <dt>Unit</dt>
          <dd>{UNIT_TEXT[metric.unit]}</dd>
        </div>
        <div>
          <dt>Interval</dt>
          <dd>
            95% percentile bootstrap over problems (<a href="#intervals">how</a>)
          </dd>
        </div>
        <div>
          <dt>API key</dt>
          <dd>
            <code>{metric.id}</code>
          </dd>
        </div>
      </dl>
    </article>
  );
}
