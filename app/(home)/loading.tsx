/**
 * Mirrors the experiment list while it loads: heading and a few placeholder rows. It sits in this
 * route group, not at the root, so that no loading boundary wraps the experiment layout, whose 404
 * must be decided before the response starts streaming.
 */
export default function ExperimentsLoading() {
  return (
    <div aria-busy="true" aria-live="polite">
      <div className="page-heading">
        <h1>Experiments</h1>
        <p className="visually-hidden">Loading experiments…</p>
      </div>
      <div className="skeleton-table">
        {[0, 1, 2, 3].map((row) => (
          <div key={row} className="skeleton skeleton--row" />
        ))}
      </div>
    </div>
  );
}
