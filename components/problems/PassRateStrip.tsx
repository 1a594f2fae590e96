import { memo } from "react";
import { passRateStrip } from "@/lib/charts/passRateStrip";
import { formatAlpha } from "@/lib/domain/alpha";
import styles from "./Problems.module.css";

interface PassRateStripProps {
  alphas: readonly number[];
  n: readonly number[];
  pass: readonly number[];
  /** Indices of the two α compared, outlined. */
  marked: readonly number[];
  width: number;
  height: number;
}

/**
 * A problem's pass rate at every evaluated α as one row of cells, darker where more samples pass;
 * an α that did not evaluate the problem is left as an empty outline. The compared α are outlined.
 */
export const PassRateStrip = memo(function PassRateStrip({
  alphas,
  n,
  pass,
  marked,
  width,
  height,
}: PassRateStripProps) {
  const cells = passRateStrip(n, pass, width);
  const summary = cells
    .map((cell, i) =>
      cell.rate === null
        ? `α ${formatAlpha(alphas[i])}: —`
        : `α ${formatAlpha(alphas[i])}: ${pass[i]}/${n[i]}`,
    )
    .join(", ");
  return (
    <svg
      width={width}
      height={height}
      className={styles.strip}
      role="img"
      aria-label={`Passes per α: ${summary}`}
    >
      <title>{summary}</title>
      {cells.map((cell, i) => (
        <rect
          key={alphas[i]}
          x={cell.x}
          y={1}
          width={cell.width}
          height={height - 2}
          className={cell.rate === null ? styles.stripMissing : styles.stripCell}
          fillOpacity={cell.rate === null ? undefined : 0.08 + 0.92 * cell.rate}
        />
      ))}
      {marked.map((i) =>
        cells[i] ? (
          <rect
            key={`mark-${i}`}
            x={cells[i].x}
            y={0.5}
            width={cells[i].width}
            height={height - 1}
            className={styles.stripMark}
          />
        ) : null,
      )}
    </svg>
  );
});
