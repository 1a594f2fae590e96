"use client";

import { type CSSProperties, useEffect, useLayoutEffect, useRef, useState } from "react";
import { useElementWidth } from "@/components/browser/useElementWidth";
import { alphaColor } from "@/lib/charts/alphaColor";
import { labelRows } from "@/lib/charts/labelRows";
import { readableInk } from "@/lib/charts/palette";
import { alphaKind, describeAlpha, formatAlpha } from "@/lib/domain/alpha";
import { splitBudgetByWeights } from "@/lib/science/budget";
import type { HistoryMode, UpdateView } from "@/lib/views/urlView";
import {
  memberSamples,
  type ScalingContext,
  type ScalingViewState,
  splitProblem,
} from "../../lib/views/scalingView";
import styles from "./Scaling.module.css";

interface EnsembleBuilderProps {
  view: ScalingViewState;
  context: ScalingContext;
  updateView: UpdateView<ScalingViewState>;
  /** Evaluated α collapsed on the chosen slice (marked on their chips). */
  collapsed: readonly number[];
}

/** Pixels kept free between two chips of one row. */
const CHIP_GAP = 4;

/**
 * The row of each chip on an axis `width` pixels long: chips that would touch their neighbour (a
 * fine α grid, a narrow panel) are staggered onto further rows. Chip widths are measured, so the
 * rows follow the type size (presentation mode enlarges it).
 */
function useChipRows(positions: readonly number[], width: number) {
  const chips = useRef<(HTMLButtonElement | null)[]>([]);
  const [rows, setRows] = useState<readonly number[]>(() => positions.map(() => 0));
  // After every render: a new α grid, axis width or type size can change the rows.
  useLayoutEffect(() => {
    if (width <= 1) return;
    const labels = positions.map((percent, i) => ({
      center: (percent / 100) * width,
      width: chips.current[i]?.offsetWidth ?? 0,
    }));
    const next = labelRows(labels, CHIP_GAP);
    setRows((old) => (old.length === next.length && old.every((row, i) => row === next[i]) ? old : next));
  });
  return { chips, rows };
}

/** Member chips on a mini α axis: a chip per evaluated α, placed by its value. */
function MemberAxis({ view, context, updateView, collapsed }: EnsembleBuilderProps) {
  const { alphas } = context;
  const min = alphas[0];
  const max = alphas[alphas.length - 1];
  const left = (alpha: number) => (max === min ? 50 : ((alpha - min) / (max - min)) * 100);
  const [axisRef, axisWidth] = useElementWidth<HTMLFieldSetElement>(0);
  const { chips, rows } = useChipRows(alphas.map(left), axisWidth);
  const toggle = (alpha: number) => {
    const members = view.members.includes(alpha)
      ? view.members.filter((a) => a !== alpha)
      : [...view.members, alpha].sort((a, b) => a - b);
    if (members.length === 0) return;
    updateView({ members, budget: Math.max(view.budget, members.length), split: "equal" }, "push");
  };
  const inside = [0, 1].filter((a) => a >= min && a <= max);
  return (
    <fieldset
      ref={axisRef}
      className={styles.axis}
      aria-describedby="member-axis-help"
      style={{ "--chip-rows": Math.max(1, ...rows.map((row) => row + 1)) } as CSSProperties}
    >
      <legend className="visually-hidden">Ensemble members (evaluated α)</legend>
      <div className={styles.axisLine} />
      {inside.length === 2 ? (
        <div
          className={styles.axisSpan}
          style={{ left: `${left(0)}%`, width: `${left(1) - left(0)}%` }}
          title="Interpolation range [0, 1]"
        />
      ) : null}
      {alphas.map((alpha, i) => {
        const selected = view.members.includes(alpha);
        const isCollapsed = collapsed.includes(alpha);
        return (
          <button
            key={alpha}
            ref={(chip) => {
              chips.current[i] = chip;
            }}
            type="button"
            className={isCollapsed ? `${styles.chip} ${styles.chipCollapsed}` : styles.chip}
            title={isCollapsed ? "Collapsed: fails by crashing or solves far less than A and B" : undefined}
            data-collapsed={isCollapsed ? "true" : undefined}
            style={
              {
                left: `${left(alpha)}%`,
                "--chip-row": rows[i] ?? 0,
                background: selected ? alphaColor(alpha, min, max) : undefined,
                color: selected ? readableInk(alphaColor(alpha, min, max)) : undefined,
              } as CSSProperties
            }
            aria-pressed={selected}
            aria-label={`α ${formatAlpha(alpha)}, ${describeAlpha(alpha)}${isCollapsed ? ", collapsed" : ""}`}
            data-testid="member-chip"
            data-alpha={alpha}
            onClick={() => toggle(alpha)}
          >
            {formatAlpha(alpha)}
          </button>
        );
      })}
      {alphas.includes(0) ? (
        <span className={styles.chipCaption} style={{ left: `${left(0)}%` }}>
          A
        </span>
      ) : null}
      {alphas.includes(1) ? (
        <span className={styles.chipCaption} style={{ left: `${left(1)}%` }}>
          B
        </span>
      ) : null}
    </fieldset>
  );
}

/** Custom per-member sample counts, validated as the user types; only a valid split reaches the view. */
function CustomSplit({ view, updateView }: Omit<EnsembleBuilderProps, "context" | "collapsed">) {
  const samples = memberSamples(view);
  const [draft, setDraft] = useState(() => samples.map(String));
  const key = `${view.members.join(",")}|${samples.join(",")}`;
  // A new member set or budget from outside (chip, slider, back button) resets the draft.
  useEffect(() => {
    setDraft(key.split("|")[1].split(","));
  }, [key]);
  const parsed = draft.map((text) => (text.trim() === "" ? Number.NaN : Number(text)));
  const problem = splitProblem(parsed, view.members.length, view.budget);
  const update = (index: number, text: string) => {
    const next = draft.map((value, i) => (i === index ? text : value));
    setDraft(next);
    const values = next.map((value) => (value.trim() === "" ? Number.NaN : Number(value)));
    if (!splitProblem(values, view.members.length, view.budget)) updateView({ split: values }, "replace");
  };
  return (
    <div>
      <div className={styles.splitRow}>
        {view.members.map((alpha, i) => (
          <label key={alpha} className={styles.field}>
            <span className={styles.fieldLabel}>α {formatAlpha(alpha)}</span>
            <input
              type="number"
              min={1}
              step={1}
              inputMode="numeric"
              value={draft[i] ?? ""}
              aria-invalid={problem !== null}
              aria-describedby="split-error"
              data-testid="split-input"
              onChange={(event) => update(i, event.target.value)}
            />
          </label>
        ))}
      </div>
      <p id="split-error" className={styles.error} role="status">
        {problem ?? ""}
      </p>
    </div>
  );
}

/**
 * The ensemble builder: members picked on a mini α axis, the total budget K (slider and number,
 * 1 sample per member up to the smallest n), and an equal or custom integer split.
 */
export function EnsembleBuilder({ view, context, updateView, collapsed }: EnsembleBuilderProps) {
  const minBudget = view.members.length;
  const setBudget = (value: number, mode: HistoryMode) => {
    if (!Number.isInteger(value) || value < minBudget || value > context.maxBudget) return;
    const split = view.split === "equal" ? "equal" : splitBudgetByWeights(value, view.split);
    updateView(
      { budget: value, split: Array.isArray(split) && split.some((s) => s < 1) ? "equal" : split },
      mode,
    );
  };
  const samples = memberSamples(view);
  return (
    <section className={styles.panel} aria-labelledby="builder-title">
      <div className={styles.panelHeader}>
        <h2 id="builder-title">Ensemble builder</h2>
        <span className="muted" id="member-axis-help">
          Click α values to add or remove members.
          {collapsed.length > 0 ? " Dashed red chips: collapsed checkpoints." : ""}
        </span>
      </div>
      <MemberAxis view={view} context={context} updateView={updateView} collapsed={collapsed} />
      <div className={styles.toolbar}>
        <label className={styles.field}>
          <span className={styles.fieldLabel}>Budget K</span>
          <input
            type="range"
            min={minBudget}
            max={context.maxBudget}
            value={view.budget}
            data-testid="budget-slider"
            onChange={(event) => setBudget(Number(event.target.value), "replace")}
          />
        </label>
        <label className={styles.field}>
          <span className="visually-hidden">Budget K (samples)</span>
          <input
            type="number"
            min={minBudget}
            max={context.maxBudget}
            step={1}
            value={view.budget}
            data-testid="budget-input"
            style={{ width: 84 }}
            onChange={(event) => setBudget(Number(event.target.value), "replace")}
          />
        </label>
        <span className="muted">samples (at most {context.maxBudget}, the smallest n)</span>
      </div>
      <fieldset className={styles.toolbar} style={{ border: 0, padding: 0, margin: 0 }}>
        <legend className={styles.fieldLabel}>Split</legend>
        <label className={styles.field}>
          <input
            type="radio"
            name="split"
            checked={view.split === "equal"}
            onChange={() => updateView({ split: "equal" }, "push")}
          />
          Equal ({samples.join(" / ")})
        </label>
        <label className={styles.field}>
          <input
            type="radio"
            name="split"
            data-testid="split-custom"
            checked={view.split !== "equal"}
            onChange={() => updateView({ split: samples }, "push")}
          />
          Custom
        </label>
      </fieldset>
      {view.split !== "equal" ? <CustomSplit view={view} updateView={updateView} /> : null}
      <p className="muted" style={{ marginTop: 8 }}>
        {view.members
          .map(
            (alpha) =>
              `α ${formatAlpha(alpha)} (${alphaKind(alpha)}${collapsed.includes(alpha) ? ", collapsed" : ""})`,
          )
          .join(" · ")}
      </p>
    </section>
  );
}
