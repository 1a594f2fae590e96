"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { type FormEvent, useState } from "react";
import { experimentDetailQuery } from "@/components/queries/queries";
import type { ExperimentHeader } from "@/lib/contracts/types";
import { VISIBILITIES, type Visibility } from "@/lib/contracts/users";
import { CLUSTER_LABELS, CLUSTER_OPTIONS } from "@/lib/domain/clusterBy";
import type { ExperimentMetadataPatch } from "@/lib/formats/experimentMetadata";
import styles from "./Import.module.css";
import { MetadataInputs, type MetadataValues } from "./MetadataInputs";

interface EditMetadataFormProps {
  slug: string;
  /** The write token typed in the import form, if the server requires one. */
  token: string;
}

function valuesOf(header: ExperimentHeader): MetadataValues {
  const { a, b } = header.endpoints;
  return {
    benchmark: header.benchmark,
    setting: header.setting,
    modelScale: header.modelScale ?? "",
    study: "",
    studyName: "",
    endpointALabel: a.label,
    endpointAModel: a.model ?? "",
    endpointBLabel: b.label,
    endpointBModel: b.model ?? "",
  };
}

/** The fields that changed, as PATCH /api/experiments/<slug> takes them (an emptied model is removed). */
function patchOf(before: MetadataValues, after: MetadataValues): ExperimentMetadataPatch {
  const changed = (key: keyof MetadataValues) => before[key].trim() !== after[key].trim();
  const model = (text: string) => (text.trim() === "" ? null : text.trim());
  const endpoint = (side: "A" | "B") => {
    const [label, ref] = [`endpoint${side}Label`, `endpoint${side}Model`] as const;
    if (!changed(label) && !changed(ref)) return undefined;
    return {
      ...(changed(label) ? { label: after[label].trim() } : {}),
      ...(changed(ref) ? { model: model(after[ref]) } : {}),
    };
  };
  const patch: Record<string, unknown> = {};
  if (changed("benchmark")) patch.benchmark = after.benchmark.trim();
  if (changed("setting")) patch.setting = after.setting;
  if (changed("modelScale")) patch.modelScale = model(after.modelScale);
  if (after.study.trim() !== "") {
    patch.study = after.study.trim();
    if (after.studyName.trim() !== "") patch.studyName = after.studyName.trim();
  }
  const [a, b] = [endpoint("A"), endpoint("B")];
  if (a || b) patch.endpoints = { ...(a ? { a } : {}), ...(b ? { b } : {}) };
  return patch as ExperimentMetadataPatch;
}

type Outcome = { ok: true } | { ok: false; message: string } | null;

/**
 * Edits an existing experiment's benchmark, setting, endpoint labels and models and how its bootstrap
 * resamples problems (PATCH, write-
 * guarded like imports). A new benchmark moves the results onto its problems; the server refuses
 * (409) when a problem's difficulty contradicts.
 */
export function EditMetadataForm({ slug, token }: EditMetadataFormProps) {
  const queryClient = useQueryClient();
  const { data } = useQuery(experimentDetailQuery(slug));
  const [values, setValues] = useState<MetadataValues | null>(null);
  // The cluster option as chosen ("" for off); null while untouched.
  const [cluster, setCluster] = useState<string | null>(null);
  // Who may read it once sign-in is on; "" keeps the current visibility.
  const [visibility, setVisibility] = useState<Visibility | "">("");
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [saving, setSaving] = useState(false);
  if (!data) return null;
  const stored = valuesOf(data);
  const shown = values ?? stored;
  const storedCluster = data.clusterBy ?? "";
  const shownCluster = cluster ?? storedCluster;
  const patch: ExperimentMetadataPatch = {
    ...patchOf(stored, shown),
    ...(shownCluster === storedCluster
      ? {}
      : { clusterBy: CLUSTER_OPTIONS.find((option) => option === shownCluster) ?? null }),
    ...(visibility === "" ? {} : { visibility }),
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    const response = await fetch(`/api/experiments/${encodeURIComponent(slug)}`, {
      method: "PATCH",
      headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(patch),
    }).catch(() => null);
    setSaving(false);
    if (response?.ok) {
      setValues(null);
      setCluster(null);
      setVisibility("");
      setOutcome({ ok: true });
      await queryClient.invalidateQueries({ queryKey: ["experiments", slug] });
      return;
    }
    const body = (await response?.json().catch(() => null)) as { error?: { message?: string } } | null;
    setOutcome({ ok: false, message: body?.error?.message ?? "The server could not be reached." });
  };

  return (
    <form className={styles.form} onSubmit={save} aria-labelledby="edit-metadata-title">
      <fieldset className={styles.fieldset}>
        <legend id="edit-metadata-title">Metadata of {data.name}</legend>
        <MetadataInputs
          values={shown}
          onChange={(change) => {
            setValues({ ...shown, ...change });
            setOutcome(null);
          }}
          benchmarkHint={stored.benchmark}
          settingDefault={false}
        />
        <label className={styles.field}>
          Resample problems (bootstrap intervals)
          <select
            value={shownCluster}
            data-testid="metadata-cluster"
            onChange={(event) => {
              setCluster(event.target.value);
              setOutcome(null);
            }}
          >
            <option value="">One by one (default)</option>
            {CLUSTER_OPTIONS.map((option) => (
              <option key={option} value={option}>
                {CLUSTER_LABELS[option]}
              </option>
            ))}
          </select>
          <span className={styles.hint}>
            Problems of one contest are correlated: resampling whole contests gives honest, wider intervals. A
            change recomputes every interval.
          </span>
        </label>
        <label className={styles.field}>
          Who may read it (with sign-in on)
          <select
            value={visibility}
            data-testid="metadata-visibility"
            onChange={(event) => {
              setVisibility(VISIBILITIES.find((option) => option === event.target.value) ?? "");
              setOutcome(null);
            }}
          >
            <option value="">Keep as it is</option>
            <option value="team">Team: every signed-in user</option>
            <option value="private">Private: its owner and whom it is shared with</option>
            <option value="public">Public: anyone, without signing in</option>
          </select>
          <span className={styles.hint}>
            Its owner or an admin decides. Without sign-in (ALPHASCOPE_AUTH unset) everyone reads everything.
          </span>
        </label>
        <div className={styles.actions}>
          <button
            type="submit"
            className="button"
            disabled={saving || Object.keys(patch).length === 0}
            data-testid="save-metadata"
          >
            Save metadata
          </button>
        </div>
        {outcome?.ok ? (
          <p role="status" data-testid="metadata-saved">
            Saved. <Link href={`/experiments/${encodeURIComponent(slug)}`}>Open the experiment</Link>
          </p>
        ) : null}
        {outcome && !outcome.ok ? (
          <p className={styles.errors} role="alert" data-testid="metadata-error">
            {outcome.message}
          </p>
        ) : null}
      </fieldset>
    </form>
  );
}
