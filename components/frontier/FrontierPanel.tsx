import type { ReactNode } from "react";
import type { MetricDefinition } from "@/lib/science/metricRegistry";
import { AxisControls } from "./AxisControls";
import type { AxesChange, FrontierPlotView } from "./useFrontierView";

interface FrontierPanelProps {
  /** Id of the panel's heading, which names the section. */
  id: string;
  title: string;
  metrics: readonly MetricDefinition[];
  view: FrontierPlotView;
  onAxes: (change: AxesChange) => void;
  /** The plot. */
  children: ReactNode;
}

/** The panel of a frontier plot: its heading, the axis controls, and the plot. */
export function FrontierPanel({ id, title, metrics, view, onAxes, children }: FrontierPanelProps) {
  return (
    <section className="panel explorer-plot" aria-labelledby={id}>
      <div className="panel-head">
        <h2 id={id}>{title}</h2>
        <AxisControls
          metrics={metrics}
          x={view.x}
          y={view.y}
          xLog={view.xLog}
          yLog={view.yLog}
          ci={view.ci}
          onChange={onAxes}
        />
      </div>
      {children}
    </section>
  );
}
