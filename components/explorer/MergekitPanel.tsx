"use client";

import { memo, useState } from "react";
import { downloadBlob } from "@/components/browser/download";
import styles from "@/components/charts/Export.module.css";
import type { FrontierData } from "@/lib/contracts/types";
import { formatAlpha } from "@/lib/domain/alpha";
import type { DifficultySlice } from "@/lib/domain/difficulty";
import { MERGEKIT_COMMAND, mergekitRecipe, modelPlaceholder } from "@/lib/responses/mergekitRecipe";
import { recipeInput } from "@/lib/views/recipeInput";

interface MergekitPanelProps {
  data: FrontierData;
  alpha: number;
  difficulty: DifficultySlice;
}

/** Copies a text; says whether it worked (the clipboard refuses on a page not served over HTTPS). */
function CopyButton({ text, label, testId }: { text: string; label: string; testId: string }) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setState("copied");
    } catch {
      setState("failed");
    }
  };
  return (
    <>
      <button
        type="button"
        className="button button--small"
        onClick={copy}
        aria-label={label}
        data-testid={testId}
      >
        Copy
      </button>
      {state === "idle" ? null : (
        <span role="status" className="muted">
          {state === "copied" ? "Copied" : "Copy failed — select the text"}
        </span>
      )}
    </>
  );
}

/** The recipe at α, built only while the panel is open (so a drag does not rebuild it every frame). */
function Recipe({ data, alpha, difficulty }: MergekitPanelProps) {
  const recipe = mergekitRecipe(recipeInput(data, alpha, difficulty));
  const { a, b } = data.experiment.endpoints;
  const missing = [a.model ? null : "A", b.model ? null : "B"].filter(
    (name): name is "A" | "B" => name !== null,
  );
  return (
    <>
      {missing.length > 0 ? (
        <p className={styles.warning} data-testid="mergekit-missing">
          {missing.map((name) => `${name} (${name === "A" ? a.label : b.label})`).join(" and ")}{" "}
          {missing.length > 1 ? "have" : "has"} no stored model reference: replace{" "}
          {missing.map((name) => (
            <code key={name}>{modelPlaceholder(name)} </code>
          ))}
          with its path or Hugging Face id before running the recipe.
        </p>
      ) : null}
      <pre className={styles.recipe} data-testid="mergekit-yaml">
        {recipe}
      </pre>
      <div className={styles.controls}>
        <CopyButton text={recipe} label="Copy the recipe" testId="mergekit-copy" />
        <button
          type="button"
          className="button button--small"
          onClick={() => downloadBlob(new Blob([recipe], { type: "text/yaml;charset=utf-8" }), "config.yml")}
          data-testid="mergekit-download"
        >
          Download config.yml
        </button>
      </div>
      <p className={styles.command}>
        Then run <code data-testid="mergekit-command">{MERGEKIT_COMMAND}</code>
        <CopyButton text={MERGEKIT_COMMAND} label="Copy the command" testId="mergekit-copy-command" />
      </p>
    </>
  );
}

/**
 * "Make this model": the mergekit config (linear merge, weights 1 − α and α) that builds the
 * checkpoint at the α on screen from the endpoint models, with copy, download and the command.
 * The same YAML as GET /api/experiments/<slug>/mergekit?alpha=… (one builder for both).
 */
export const MergekitPanel = memo(function MergekitPanel(props: MergekitPanelProps) {
  const [open, setOpen] = useState(false);
  return (
    <details
      className="panel"
      onToggle={(event) => setOpen(event.currentTarget.open)}
      data-testid="mergekit-panel"
    >
      <summary>
        <strong>Make this model</strong>{" "}
        <span className="muted">mergekit recipe for α = {formatAlpha(props.alpha)}</span>
      </summary>
      {open ? <Recipe {...props} /> : null}
    </details>
  );
});
