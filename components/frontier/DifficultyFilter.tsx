import { memo } from "react";
import { DIFFICULTY_SLICES, type DifficultySlice } from "@/lib/domain/difficulty";
import { formatCount } from "@/lib/views/format";

const SLICE_LABELS: Record<DifficultySlice, string> = {
  all: "All",
  easy: "Easy",
  medium: "Medium",
  hard: "Hard",
};

interface DifficultyFilterProps {
  /** Problems per slice (an experiment's frontier slices, or what every compared experiment has). */
  slices: Record<DifficultySlice, { problems: number }>;
  value: DifficultySlice;
  onChange: (slice: DifficultySlice) => void;
}

/** All / easy / medium / hard as one radio group; a slice with no problems is disabled. */
export const DifficultyFilter = memo(function DifficultyFilter({
  slices,
  value,
  onChange,
}: DifficultyFilterProps) {
  return (
    <fieldset className="segmented" data-testid="difficulty-filter">
      <legend className="segmented-legend">Problems</legend>
      {DIFFICULTY_SLICES.map((slice) => {
        const problems = slices[slice].problems;
        return (
          <label key={slice} className={`segmented-option${problems === 0 ? " is-disabled" : ""}`}>
            <input
              type="radio"
              name="difficulty"
              value={slice}
              checked={value === slice}
              disabled={problems === 0}
              onChange={() => onChange(slice)}
            />
            <span>
              {SLICE_LABELS[slice]} <span className="segmented-count">{formatCount(problems)}</span>
            </span>
          </label>
        );
      })}
    </fieldset>
  );
});
