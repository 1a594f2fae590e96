"use client";

import { type FormEvent, useState } from "react";
import { EVALPLUS_TESTS } from "@/lib/formats/evalplusStatus";
import { IMPORT_FORMAT_LABELS, IMPORT_FORMATS } from "@/lib/formats/formats";
import type { ImportIssue } from "@/lib/formats/issues";
import type { ImportReport } from "@/lib/import/report";
import { formatTransfer } from "@/lib/views/transferProgress";
import { EditMetadataForm } from "./EditMetadataForm";
import { type ExperimentChoice, ExperimentFields, NEW_EXPERIMENT } from "./ExperimentFields";
import { FileDrop } from "./FileDrop";
import styles from "./Import.module.css";
import { ImportReportView } from "./ImportReportView";
import { IssueList } from "./IssueList";
import { EMPTY_METADATA, MetadataInputs, type MetadataValues } from "./MetadataInputs";
import { type ImportFields, postImport } from "./postImport";

/** Bytes done of a transfer, and when it started (performance.now()) and was last heard of. */
interface Transfer {
  done: number;
  total: number;
  startedAt: number;
  at: number;
}

function transferText({ done, total, startedAt, at }: Transfer): string {
  return formatTransfer({ bytesDone: done, bytesTotal: total, elapsedMs: at - startedAt });
}

type Phase =
  | { kind: "editing" }
  | { kind: "sending"; dryRun: boolean; upload: Transfer; import: (Transfer & { file: string }) | null }
  | { kind: "previewed"; report: ImportReport }
  | { kind: "imported"; report: ImportReport }
  | { kind: "failed"; message: string; issues: readonly ImportIssue[] };

/** A manifest names the experiment and each file's α itself. */
function hasManifest(files: readonly File[]): boolean {
  return files.some((file) => /\.ya?ml$/i.test(file.name) || /manifest.*\.json$/i.test(file.name));
}

/**
 * The upload page's form: files (dropped or picked), experiment, α, format; a preview (a dry run
 * on the server: format detected, problems, samples, verdict totals, pass@1, notes) before the
 * import is committed; then upload progress and the result, or the located errors.
 */
export function ImportForm({ experiments }: { experiments: readonly ExperimentChoice[] }) {
  const [files, setFiles] = useState<File[]>([]);
  const [selected, setSelected] = useState(NEW_EXPERIMENT);
  const [newSlug, setNewSlug] = useState("");
  const [newName, setNewName] = useState("");
  const [alpha, setAlpha] = useState("");
  // Where the file's checkpoint goes: at an α on the A–B line, or beside it as a trained checkpoint.
  const [placement, setPlacement] = useState<"alpha" | "trained">("alpha");
  const [trainedLabel, setTrainedLabel] = useState("");
  const [coverage, setCoverage] = useState("");
  const [format, setFormat] = useState("");
  const [tests, setTests] = useState("");
  const [metadata, setMetadata] = useState<MetadataValues>(EMPTY_METADATA);
  const [replace, setReplace] = useState(false);
  const [confirmIdentical, setConfirmIdentical] = useState(false);
  const [token, setToken] = useState("");
  const [phase, setPhase] = useState<Phase>({ kind: "editing" });
  const manifest = hasManifest(files);
  const busy = phase.kind === "sending";

  /** Any change invalidates a preview: the user must see what will actually be imported. */
  const edit =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      set(value);
      setPhase({ kind: "editing" });
    };

  // A manifest and an existing experiment bring their own metadata.
  const creating = selected === NEW_EXPERIMENT && !manifest;
  const fields = (dryRun: boolean): ImportFields => ({
    experiment: selected === NEW_EXPERIMENT ? newSlug : selected,
    name: selected === NEW_EXPERIMENT ? newName : "",
    ...(creating ? metadata : EMPTY_METADATA),
    alpha: manifest || placement === "trained" ? "" : alpha,
    trained: manifest || placement === "alpha" ? "" : trainedLabel,
    coverage: manifest || placement === "alpha" ? "" : coverage,
    format: manifest ? "" : format,
    tests,
    replace,
    confirmIdentical,
    dryRun,
  });

  const send = async (dryRun: boolean) => {
    const startedAt = performance.now();
    const total = files.reduce((sum, file) => sum + file.size, 0);
    let upload: Transfer = { done: 0, total, startedAt, at: startedAt };
    let importing: (Transfer & { file: string }) | null = null;
    const show = () => setPhase({ kind: "sending", dryRun, upload, import: importing });
    show();
    const outcome = await postImport(files, fields(dryRun), token, {
      onUpload(loaded, size) {
        upload = { ...upload, done: loaded, total: size, at: performance.now() };
        show();
      },
      onImport({ file, read, total: fileSize }) {
        const at = performance.now();
        upload = { ...upload, done: upload.total };
        importing =
          importing?.file === file
            ? { ...importing, done: read, at }
            : { file, done: read, total: fileSize, startedAt: at, at };
        show();
      },
    });
    if (!outcome.ok) setPhase({ kind: "failed", message: outcome.message, issues: outcome.issues });
    else setPhase({ kind: dryRun ? "previewed" : "imported", report: outcome.report });
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (files.length > 0) void send(true);
  };

  return (
    <>
      <form className={styles.form} onSubmit={onSubmit} aria-busy={busy}>
        <FileDrop files={files} onFiles={edit(setFiles)} disabled={busy} />
        {manifest ? (
          <p className={styles.manifestNote}>
            A manifest names the experiment and the α of each file; leave the experiment as it is to use the
            manifest&apos;s slug.
          </p>
        ) : null}
        <div className={styles.fieldsRow}>
          <ExperimentFields
            experiments={experiments}
            selected={selected}
            onSelect={edit(setSelected)}
            newSlug={newSlug}
            onNewSlug={edit(setNewSlug)}
            newName={newName}
            onNewName={edit(setNewName)}
            fromManifest={manifest}
          />
          {creating ? (
            <fieldset className={styles.fieldset}>
              <legend>New experiment&apos;s metadata</legend>
              <MetadataInputs
                values={metadata}
                onChange={(change) => edit(setMetadata)({ ...metadata, ...change })}
                benchmarkHint="from the file's format (e.g. livecodebench)"
                settingDefault
              />
            </fieldset>
          ) : null}
          {manifest ? null : (
            <fieldset className={styles.fieldset}>
              <legend>Checkpoint</legend>
              <div className={styles.placement} role="radiogroup" aria-label="Checkpoint kind">
                <label className={styles.check}>
                  <input
                    type="radio"
                    name="placement"
                    checked={placement === "alpha"}
                    onChange={() => edit(setPlacement)("alpha")}
                  />
                  On the α line
                </label>
                <label className={styles.check}>
                  <input
                    type="radio"
                    name="placement"
                    checked={placement === "trained"}
                    onChange={() => edit(setPlacement)("trained")}
                  />
                  Trained checkpoint
                </label>
              </div>
              {placement === "alpha" ? (
                <>
                  <label className={styles.field}>
                    <span>α</span>
                    <input
                      type="text"
                      inputMode="decimal"
                      value={alpha}
                      onChange={(event) => edit(setAlpha)(event.target.value)}
                      placeholder="e.g. 0.5 or −0.25"
                      aria-describedby="alpha-hint"
                    />
                  </label>
                  <p id="alpha-hint" className="muted">
                    θ(α) = (1−α)·θ<sub>A</sub> + α·θ<sub>B</sub>; leave empty when the file names its α.
                  </p>
                </>
              ) : (
                <>
                  <label className={styles.field}>
                    <span>Label</span>
                    <input
                      type="text"
                      value={trainedLabel}
                      onChange={(event) => edit(setTrainedLabel)(event.target.value)}
                      placeholder="e.g. coverage 50%"
                      aria-describedby="trained-hint"
                    />
                  </label>
                  <label className={styles.field}>
                    <span>Coverage (optional)</span>
                    <input
                      type="text"
                      inputMode="decimal"
                      value={coverage}
                      onChange={(event) => edit(setCoverage)(event.target.value)}
                      placeholder="e.g. 50"
                    />
                  </label>
                  <p id="trained-hint" className="muted">
                    A separate training run (e.g. at an intermediate coverage level), drawn beside the α path
                    as a reference point; the label is unique in the experiment.
                  </p>
                </>
              )}
              <label className={styles.field}>
                <span>Format</span>
                <select value={format} onChange={(event) => edit(setFormat)(event.target.value)}>
                  <option value="">Detect automatically</option>
                  {IMPORT_FORMATS.map((name) => (
                    <option key={name} value={name}>
                      {IMPORT_FORMAT_LABELS[name]}
                    </option>
                  ))}
                </select>
              </label>
            </fieldset>
          )}
          <fieldset className={styles.fieldset}>
            <legend>Options</legend>
            <label className={styles.field}>
              <span>EvalPlus tests</span>
              <select value={tests} onChange={(event) => edit(setTests)(event.target.value)}>
                <option value="">plus (base and plus must pass)</option>
                {EVALPLUS_TESTS.filter((name) => name !== "plus").map((name) => (
                  <option key={name} value={name}>
                    {name} only
                  </option>
                ))}
              </select>
            </label>
            <label className={styles.check}>
              <input
                type="checkbox"
                checked={replace}
                onChange={(event) => edit(setReplace)(event.target.checked)}
              />
              Replace stored results that differ
            </label>
            <label className={styles.check}>
              <input
                type="checkbox"
                checked={confirmIdentical}
                onChange={(event) => edit(setConfirmIdentical)(event.target.checked)}
              />
              Import even if identical to another α
            </label>
            <label className={styles.field}>
              <span>Write token (if the server requires one)</span>
              <input
                type="password"
                value={token}
                onChange={(event) => setToken(event.target.value)}
                autoComplete="off"
              />
            </label>
          </fieldset>
        </div>
        <div className={styles.actions}>
          <button type="submit" className="button button--primary" disabled={busy || files.length === 0}>
            Preview import
          </button>
          {phase.kind === "previewed" && phase.report.status === "imported" ? (
            <button type="button" className="button button--primary" onClick={() => void send(false)}>
              Import {phase.report.totals.rows.toLocaleString("en-US")} results
            </button>
          ) : null}
        </div>
        {phase.kind === "sending" ? (
          <div className={styles.progress} role="status">
            {phase.import ? (
              <>
                <progress value={phase.import.done} max={phase.import.total} aria-label="Import progress" />
                <span>
                  {phase.dryRun ? "Validating" : "Importing"} {phase.import.file}:{" "}
                  {transferText(phase.import)}
                </span>
              </>
            ) : phase.upload.done < phase.upload.total ? (
              <>
                <progress value={phase.upload.done} max={phase.upload.total} aria-label="Upload progress" />
                <span>Uploading… {transferText(phase.upload)}</span>
              </>
            ) : (
              <span>{phase.dryRun ? "Validating…" : "Importing…"}</span>
            )}
          </div>
        ) : null}
        {phase.kind === "failed" ? <IssueList message={phase.message} issues={phase.issues} /> : null}
        {phase.kind === "previewed" || phase.kind === "imported" ? (
          <ImportReportView report={phase.report} />
        ) : null}
      </form>
      {selected !== NEW_EXPERIMENT ? <EditMetadataForm key={selected} slug={selected} token={token} /> : null}
    </>
  );
}
