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

/**
 * Uploads the files as multipart/form-data with XMLHttpRequest, which (unlike fetch) reports upload
 * progress: `onProgress` gets the fraction sent, 0–1.
 */
export function postImport(
  files: readonly File[],
  fields: ImportFields,
  token: string,
  onProgress: (fraction: number) => void,
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
    request.responseType = "json";
    if (token) request.setRequestHeader("Authorization", `Bearer ${token}`);
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    request.onload = () => {
      const body: unknown = request.response;
      resolve(
        request.status >= 200 && request.status < 300
          ? { ok: true, report: body as ImportReport }
          : failure(request.status, body),
      );
    };
    request.onerror = () =>
      resolve({ ok: false, status: 0, message: "The server could not be reached.", issues: [] });
    request.send(form);
  });
}
