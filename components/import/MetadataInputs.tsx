"use client";

import { SETTING_LABELS, SETTINGS } from "@/lib/domain/setting";
import { SLUG_MAX_LENGTH } from "@/lib/domain/slug";
import { TEXT_LIMITS } from "@/lib/formats/limits";
import styles from "./Import.module.css";

/** What the plot and the experiment list say about an experiment beyond its name, as form text. */
export interface MetadataValues {
  benchmark: string;
  setting: string;
  modelScale: string;
  /** The study to join (its slug) and the study's name; empty: no change. */
  study: string;
  studyName: string;
  endpointALabel: string;
  endpointAModel: string;
  endpointBLabel: string;
  endpointBModel: string;
}

export const EMPTY_METADATA: MetadataValues = {
  benchmark: "",
  setting: "",
  modelScale: "",
  study: "",
  studyName: "",
  endpointALabel: "",
  endpointAModel: "",
  endpointBLabel: "",
  endpointBModel: "",
};

interface MetadataInputsProps {
  values: MetadataValues;
  onChange: (change: Partial<MetadataValues>) => void;
  /** Placeholder of the benchmark (what an empty one becomes). */
  benchmarkHint: string;
  /** The setting select offers "default" (pure reasoning) when creating. */
  settingDefault: boolean;
}

/**
 * Benchmark, setting, model scale, the study to join, and each endpoint's label and model reference
 * (the plot reads "A · label").
 */
export function MetadataInputs({ values, onChange, benchmarkHint, settingDefault }: MetadataInputsProps) {
  const input = (key: keyof MetadataValues, label: string, limit: number, placeholder: string) => (
    <label className={styles.field}>
      <span>{label}</span>
      <input
        type="text"
        value={values[key]}
        onChange={(event) => onChange({ [key]: event.target.value })}
        maxLength={limit}
        placeholder={placeholder}
      />
    </label>
  );
  return (
    <>
      {input("benchmark", "Benchmark", TEXT_LIMITS.benchmark, benchmarkHint)}
      <label className={styles.field}>
        <span>Setting</span>
        <select value={values.setting} onChange={(event) => onChange({ setting: event.target.value })}>
          {settingDefault ? <option value="">Pure reasoning (default)</option> : null}
          {SETTINGS.map((setting) => (
            <option key={setting} value={setting}>
              {SETTING_LABELS[setting]}
            </option>
          ))}
        </select>
      </label>
      {input("modelScale", "Model scale", TEXT_LIMITS.modelScale, "e.g. 7B (optional)")}
      {input("study", "Study", SLUG_MAX_LENGTH, "slug of a group, e.g. coverage-grid")}
      {input("studyName", "Study name", TEXT_LIMITS.name, "names a new study (optional)")}
      {input("endpointALabel", "A label (α = 0)", TEXT_LIMITS.label, "e.g. low coverage")}
      {input("endpointAModel", "A model", TEXT_LIMITS.model, "hub id or path (optional)")}
      {input("endpointBLabel", "B label (α = 1)", TEXT_LIMITS.label, "e.g. high coverage")}
      {input("endpointBModel", "B model", TEXT_LIMITS.model, "hub id or path (optional)")}
    </>
  );
}
