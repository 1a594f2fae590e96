"use client";

import { SLUG_HTML_PATTERN, SLUG_MAX_LENGTH, SLUG_RULE } from "@/lib/domain/slug";
import { ellipsize } from "@/lib/views/format";
import styles from "./Import.module.css";

/** An existing experiment to pick from. */
export interface ExperimentChoice {
  slug: string;
  name: string;
}

export const NEW_EXPERIMENT = "";

interface ExperimentFieldsProps {
  experiments: readonly ExperimentChoice[];
  selected: string;
  onSelect(slug: string): void;
  newSlug: string;
  onNewSlug(slug: string): void;
  newName: string;
  onNewName(name: string): void;
  /** A manifest names its experiment: the slug may then stay empty. */
  fromManifest: boolean;
}

/** Pick an existing experiment, or name a new one (slug and display name). */
export function ExperimentFields(props: ExperimentFieldsProps) {
  const { experiments, selected } = props;
  return (
    <fieldset className={styles.fieldset}>
      <legend>Experiment</legend>
      <label className={styles.field}>
        <span>Import into</span>
        <select value={selected} onChange={(event) => props.onSelect(event.target.value)}>
          <option value={NEW_EXPERIMENT}>A new experiment…</option>
          {experiments.map((experiment) => (
            <option key={experiment.slug} value={experiment.slug}>
              {ellipsize(experiment.name, 80)} ({experiment.slug})
            </option>
          ))}
        </select>
      </label>
      {selected === NEW_EXPERIMENT ? (
        <>
          <label className={styles.field}>
            <span>Slug</span>
            <input
              type="text"
              value={props.newSlug}
              onChange={(event) => props.onNewSlug(event.target.value)}
              placeholder={props.fromManifest ? "the manifest's slug" : "qwen3-8b-coverage"}
              pattern={SLUG_HTML_PATTERN}
              maxLength={SLUG_MAX_LENGTH}
              title={SLUG_RULE}
              required={!props.fromManifest}
            />
          </label>
          <label className={styles.field}>
            <span>Name</span>
            <input
              type="text"
              value={props.newName}
              onChange={(event) => props.onNewName(event.target.value)}
              placeholder="Qwen3-8B coverage sweep"
            />
          </label>
        </>
      ) : null}
    </fieldset>
  );
}
