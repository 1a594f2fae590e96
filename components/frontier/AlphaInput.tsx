"use client";

import { type FormEvent, useId, useState } from "react";
import { formatAlpha } from "@/lib/domain/alpha";

interface AlphaInputProps {
  alpha: number;
  alphaMin: number;
  alphaMax: number;
  onCommit: (alpha: number) => void;
}

/** Type an exact α; applied on Enter or when leaving the field, refused with a message outside the range. */
export function AlphaInput({ alpha, alphaMin, alphaMax, onCommit }: AlphaInputProps) {
  const [draft, setDraft] = useState<string | null>(null);
  const errorId = useId();
  const value = Number((draft ?? String(alpha)).replace("−", "-"));
  const invalid =
    draft !== null &&
    (draft.trim() === "" || !Number.isFinite(value) || value < alphaMin || value > alphaMax);

  const commit = (event?: FormEvent) => {
    event?.preventDefault();
    if (draft === null || invalid) return;
    setDraft(null);
    if (value !== alpha) onCommit(Number(value.toFixed(4)));
  };

  return (
    <form className="alpha-input" onSubmit={commit}>
      <label>
        <span className="alpha-input-label">α</span>
        <input
          type="number"
          inputMode="decimal"
          step="0.01"
          min={alphaMin}
          max={alphaMax}
          value={draft ?? String(alpha)}
          onChange={(event) => setDraft(event.target.value)}
          onBlur={() => commit()}
          aria-invalid={invalid}
          aria-describedby={invalid ? errorId : undefined}
          data-testid="alpha-input"
        />
      </label>
      {invalid ? (
        <span id={errorId} className="field-error" role="alert">
          α must be between {formatAlpha(alphaMin)} and {formatAlpha(alphaMax)}
        </span>
      ) : null}
    </form>
  );
}
