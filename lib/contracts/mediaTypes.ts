/**
 * POST /api/imports asked with `Accept: application/x-ndjson` answers a stream of JSON lines (see
 * importProgress.ts). Apart from the schemas so that the browser's upload code imports no zod: zod
 * probes `new Function` when it builds an object schema, which the pages' Content-Security-Policy reports as eval.
 */
export const IMPORT_PROGRESS_MEDIA_TYPE = "application/x-ndjson";
