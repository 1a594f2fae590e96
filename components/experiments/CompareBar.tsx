import Link from "next/link";
import { COMPARE_MAX, COMPARE_MIN } from "@/lib/contracts/compareLimits";

interface CompareBarProps {
  /** Slugs ticked in the list, in the order they were ticked (the order they are drawn in). */
  selected: readonly string[];
  onClear: () => void;
}

/** Says how many experiments are ticked and opens their comparison when there are 2–4. */
export function CompareBar({ selected, onClear }: CompareBarProps) {
  const count = selected.length;
  const ready = count >= COMPARE_MIN && count <= COMPARE_MAX;
  const hint =
    count < COMPARE_MIN
      ? `Tick ${COMPARE_MIN}–${COMPARE_MAX} experiments to compare their frontiers.`
      : count > COMPARE_MAX
        ? `${count} ticked: a comparison shows at most ${COMPARE_MAX}.`
        : `${count} experiments ticked.`;
  return (
    <div className="explorer-toolbar" data-testid="compare-bar">
      <p className="muted" role="status">
        {hint}
      </p>
      {ready ? (
        <Link
          className="button button--primary"
          href={`/compare?experiments=${selected.map(encodeURIComponent).join(",")}`}
          data-testid="compare-link"
        >
          Compare
        </Link>
      ) : (
        <button type="button" className="button" disabled data-testid="compare-link">
          Compare
        </button>
      )}
      {count > 0 ? (
        <button type="button" className="button button--small" onClick={onClear}>
          Clear
        </button>
      ) : null}
    </div>
  );
}
