import { memo } from "react";
import type { MetricDefinition } from "@/lib/science/metricRegistry";
import { MetricHelp } from "../glossary/MetricName";

interface AxisPickerProps {
  axis: "x" | "y";
  metrics: readonly MetricDefinition[];
  value: string;
  log: boolean;
  onMetric: (id: string) => void;
  onLog: (log: boolean) => void;
}

function AxisPicker({ axis, metrics, value, log, onMetric, onLog }: AxisPickerProps) {
  const current = metrics.find((metric) => metric.id === value);
  return (
    <div className="axis-picker">
      <label>
        <span className="control-label">{axis === "x" ? "x axis" : "y axis"}</span>
        <select
          value={value}
          onChange={(event) => onMetric(event.target.value)}
          data-testid={`${axis}-metric`}
        >
          {metrics.map((metric) => (
            <option key={metric.id} value={metric.id}>
              {metric.label}
            </option>
          ))}
        </select>
      </label>
      {current ? <MetricHelp metric={current} /> : null}
      <label className={`checkbox${current?.allowsLog ? "" : " is-disabled"}`}>
        <input
          type="checkbox"
          checked={log}
          disabled={!current?.allowsLog}
          onChange={(event) => onLog(event.target.checked)}
          data-testid={`${axis}-log`}
        />
        log
      </label>
    </div>
  );
}

interface AxisControlsProps {
  metrics: readonly MetricDefinition[];
  x: string;
  y: string;
  xLog: boolean;
  yLog: boolean;
  ci: boolean;
  onChange: (change: { x?: string; y?: string; xLog?: boolean; yLog?: boolean; ci?: boolean }) => void;
}

/** Metric and scale of each axis, and whether intervals are drawn. */
export const AxisControls = memo(function AxisControls({
  metrics,
  x,
  y,
  xLog,
  yLog,
  ci,
  onChange,
}: AxisControlsProps) {
  return (
    <div className="axis-controls">
      <AxisPicker
        axis="x"
        metrics={metrics}
        value={x}
        log={xLog}
        onMetric={(id) => onChange({ x: id, xLog: false })}
        onLog={(log) => onChange({ xLog: log })}
      />
      <AxisPicker
        axis="y"
        metrics={metrics}
        value={y}
        log={yLog}
        onMetric={(id) => onChange({ y: id, yLog: false })}
        onLog={(log) => onChange({ yLog: log })}
      />
      <label className="checkbox">
        <input
          type="checkbox"
          checked={ci}
          onChange={(event) => onChange({ ci: event.target.checked })}
          data-testid="ci-toggle"
        />
        95% intervals
      </label>
    </div>
  );
});
