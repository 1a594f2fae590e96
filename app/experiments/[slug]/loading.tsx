/** Mirrors the explorer's layout while the frontier data loads: header, plot, slider and scores. */
export default function ExperimentLoading() {
  return (
    <div className="explorer" aria-busy="true">
      <p className="visually-hidden" role="status">
        Loading the experiment…
      </p>
      <div className="skeleton skeleton--title" />
      <div className="skeleton skeleton--line" />
      <div className="explorer-main explorer-main--loading">
        <div className="skeleton skeleton--chart" />
        <div className="skeleton skeleton--panel" />
      </div>
    </div>
  );
}
