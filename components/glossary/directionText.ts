import type { MetricDefinition } from "@/lib/science/metricRegistry";

/** "Higher is better" or "Lower is better", as the glossary and the tooltips say it. */
export function directionText(metric: MetricDefinition): string {
  return metric.direction === "higher" ? "Higher is better" : "Lower is better";
}
