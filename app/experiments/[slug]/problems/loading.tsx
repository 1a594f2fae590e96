/** Mirrors the problems view while it loads: heading, controls and the table. */
export default function ProblemsLoading() {
  return (
    <div aria-busy="true" aria-live="polite">
      <div className="page-heading">
        <h1>Problems</h1>
        <p className="visually-hidden">Loading the problems…</p>
      </div>
      <div className="skeleton skeleton--line" />
      <div className="skeleton skeleton--panel" />
    </div>
  );
}
