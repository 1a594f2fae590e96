import type { ComparisonPower } from "@/lib/contracts/problemTypes";
import { powerText } from "@/lib/views/powerText";
import styles from "./Problems.module.css";

/**
 * The comparison's power beside the problems' changes: the smallest change in mean pass rate the
 * data at hand detect (80 % power, level 0.05), and the samples a chosen Δ would need.
 */
export function PowerLine({ power }: { power: ComparisonPower }) {
  const { effect, samples, units } = powerText(power);
  return (
    <p className={styles.summary} data-testid="problems-power">
      {effect === null ? null : (
        <>
          Minimum detectable effect ({Math.round(power.power * 100)} % power, level {power.level}) over{" "}
          {units} at {power.samplesNow.toFixed(1)} samples per problem per α:{" "}
          <strong data-testid="problems-mde">{effect}</strong> of mean pass rate.{" "}
        </>
      )}
      <span data-testid="problems-samples-needed">{samples}</span>
    </p>
  );
}
