import type { ImportStreamLine } from "@/lib/contracts/importProgress";
import { IMPORT_PROGRESS_MEDIA_TYPE } from "@/lib/contracts/mediaTypes";
import type { ImportIssue } from "@/lib/formats/issues";
import type { ImportReport } from "@/lib/import/report";
import type { MetadataValues } from "./MetadataInputs";

/**
 * The form fields POST /api/imports reads (see lib/server/imports/apiRequest.ts); empty text is
 * not sent (the server's default applies).
 */
export interface ImportFields extends MetadataValues {
  experiment: string;
  name: string;
  alpha: string;
  /** A trained checkpoint's label (instead of `alpha`) and its coverage level. */
  trained: string;
  coverage: string;
  format: string;
  tests: string;
  replace: boolean;
  confirmIdentical: boolean;
  dryRun: boolean;
}

type ImportOutcome =
  | { ok: true; report: ImportReport }
  | { ok: false; status: number; message: string; issues: ImportIssue[] };

function failure(status: number, body: unknown): ImportOutcome {
  const error = (body as { error?: { message?: unknown; details?: { issues?: unknown } } } | null)?.error;
  const message = typeof error?.message === "string" ? error.message : `The server answered ${status}.`;
  const issues = Array.isArray(error?.details?.issues) ? (error.details.issues as ImportIssue[]) : [];
  return { ok: false, status, message, issues };
}

/** Bytes sent of the upload, then bytes read of each file by the server's import. */
export interface ImportProgressListeners {
  onUpload(loaded: number, total: number): void;
  onImport(progress: ImportFileProgress): void;
}

export type ImportFileProgress = Extract<ImportStreamLine, { progress: unknown }>["progress"];

/** The complete lines of a growing text from `from` on, and where the next unfinished one starts. */
function completeLines(text: string, from: number): { lines: string[]; next: number } {
  const end = text.lastIndexOf("\n") + 1;
  if (end <= from) return { lines: [], next: from };
  return { lines: text.slice(from, end).split("\n").filter(Boolean), next: end };
}

/** The body of an answer: the outcome line of a progress stream, or a plain JSON body. */
function outcomeOf(request: XMLHttpRequest): { status: number; body: unknown } {
  const text = request.responseText;
  try {
    if (!(request.getResponseHeader("content-type") ?? "").includes(IMPORT_PROGRESS_MEDIA_TYPE))
      return { status: request.status, body: JSON.parse(text) };
    const last = JSON.parse(completeLines(text, 0).lines.at(-1) ?? "null") as ImportStreamLine | null;
    return last && "status" in last ? last : { status: 0, body: null };
  } catch {
    return { status: request.status, body: null };
  }
}

/**
 * Uploads the files as multipart/form-data with XMLHttpRequest, which (unlike fetch) reports upload
 * progress, asking for the import's progress as JSON lines (see lib/contracts/importProgress.ts):
 * `onUpload` gets the bytes sent, then `onImport` the bytes of each file the server has read.
 */
export function postImport(
  files: readonly File[],
  fields: ImportFields,
  token: string,
  listeners: ImportProgressListeners,
): Promise<ImportOutcome> {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) {
    if (typeof value === "boolean") form.set(key, String(value));
    else if (value.trim() !== "") form.set(key, value.trim());
  }
  for (const file of files) form.append("file", file);
  return new Promise((resolve) => {
    const request = new XMLHttpRequest();
    request.open("POST", "/api/imports");
    request.setRequestHeader("Accept", `${IMPORT_PROGRESS_MEDIA_TYPE}, application/json`);
    if (token) request.setRequestHeader("Authorization", `Bearer ${token}`);
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) listeners.onUpload(event.loaded, event.total);
    };
    let read = 0;
    request.onprogress = () => {
      if (!(request.getResponseHeader("content-type") ?? "").includes(IMPORT_PROGRESS_MEDIA_TYPE)) return;
      const { lines, next } = completeLines(request.responseText, read);
      read = next;
      for (const line of lines) {
        const parsed = JSON.parse(line) as ImportStreamLine;
        if ("progress" in parsed) listeners.onImport(parsed.progress);
      }
    };
    request.onload = () => {
      const { status, body } = outcomeOf(request);
      resolve(
        status >= 200 && status < 300 ? { ok: true, report: body as ImportReport } : failure(status, body),
      );
    };
    request.onerror = () =>
      resolve({ ok: false, status: 0, message: "The server could not be reached.", issues: [] });
    request.send(form);
  });
}
