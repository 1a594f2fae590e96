import { z } from "zod";
import { alphaSchema, slugSchema } from "../../contracts/schemas";
import type { TrainedTarget } from "../../domain/checkpointKey";
import { SETTINGS } from "../../domain/setting";
import { EVALPLUS_TESTS } from "../../formats/evalplusStatus";
import { IMPORT_FORMATS } from "../../formats/formats";
import { isManifestFile } from "../../formats/manifest";
import { modelReference, text as storedText } from "../../formats/manifestSchema";
import { textFault } from "../../formats/storable";
import type { ExperimentSpec } from "../../import/experimentSpec";
import { diskFile, type ImportInputFile, memoryFile } from "../../import/inputFile";
import { readHead, readManifest } from "../../import/manifestImport";
import type { ImportRequest } from "../../import/runImport";
import { BadRequestError } from "../errors";
import { parseWith } from "../http";
import { IMPORT_MAX_FILES } from "../limits";
import { readJsonUpload, readMultipartForm, type UploadSpool } from "../uploads";

/** Form or JSON fields of POST /api/imports (files travel separately). */
export const importFieldsSchema = z.object({
  experiment: slugSchema.optional(),
  /** Name of a new experiment (default: the slug). */
  name: z
    .string()
    .trim()
    .min(1)
    .superRefine((name, ctx) => {
      // The same rule as a manifest's name: length, valid Unicode, no NUL or control character.
      const fault = textFault(name, "name");
      if (fault) ctx.addIssue({ code: "custom", message: fault });
    })
    .optional(),
  /** A number (JSON) or decimal text (forms); null or empty means "not given", never 0. */
  alpha: z.preprocess(
    (value) => (value === null || value === "" ? undefined : value),
    alphaSchema.optional(),
  ),
  /** Import the file as this trained checkpoint (beside the α line) instead of at an α. */
  trained: storedText("label").optional(),
  /** A trained checkpoint's coverage level, as α: a number, or decimal text; null or empty: not given. */
  coverage: z.preprocess(
    (value) => (value === null || value === "" ? undefined : value),
    alphaSchema.optional(),
  ),
  format: z.enum(IMPORT_FORMATS).optional(),
  tests: z.enum(EVALPLUS_TESTS).optional(),
  /** Metadata of a new experiment (an existing one keeps its own: change it with PATCH). */
  benchmark: storedText("benchmark").optional(),
  setting: z.enum(SETTINGS).optional(),
  modelScale: storedText("modelScale").optional(),
  /** The study a new experiment joins (its slug), and the study's name. */
  study: slugSchema.optional(),
  studyName: storedText("name").optional(),
  endpointALabel: storedText("label").optional(),
  endpointAModel: modelReference().optional(),
  endpointBLabel: storedText("label").optional(),
  endpointBModel: modelReference().optional(),
  replace: z.boolean().optional(),
  dryRun: z.boolean().optional(),
  /** Import a checkpoint even when its verdict counts equal another α's. */
  confirmIdentical: z.boolean().optional(),
});

const jsonFileSchema = z.object({ name: z.string().min(1), content: z.string() });

/** The JSON body of POST /api/imports: the fields with the files' contents. */
export const importJsonBodySchema = importFieldsSchema.extend({
  files: z
    .array(jsonFileSchema)
    .min(1, "send at least one file")
    .max(IMPORT_MAX_FILES, `send at most ${IMPORT_MAX_FILES} files`),
  /** LiveCodeBench `_eval.json`: the matching `_eval_all.json` or generation file. */
  generation: jsonFileSchema.optional(),
});

type Fields = z.infer<typeof importFieldsSchema>;

/** Form values arrive as strings; checkbox-style booleans are "true"/"on" or absent. */
function formFields(form: FormData): Fields {
  const text = (key: string) => {
    const value = form.get(key);
    return typeof value === "string" && value !== "" ? value : undefined;
  };
  const flag = (key: string) => {
    const value = text(key);
    return value === undefined ? undefined : value === "true" || value === "on" || value === "1";
  };
  return parseWith(
    importFieldsSchema,
    {
      experiment: text("experiment"),
      name: text("name"),
      alpha: text("alpha"),
      trained: text("trained"),
      coverage: text("coverage"),
      format: text("format"),
      tests: text("tests"),
      benchmark: text("benchmark"),
      setting: text("setting"),
      modelScale: text("modelScale"),
      study: text("study"),
      studyName: text("studyName"),
      endpointALabel: text("endpointALabel"),
      endpointAModel: text("endpointAModel"),
      endpointBLabel: text("endpointBLabel"),
      endpointBModel: text("endpointBModel"),
      replace: flag("replace"),
      dryRun: flag("dryRun"),
      confirmIdentical: flag("confirmIdentical"),
    },
    "field",
  );
}

/** The metadata a new experiment gets from the fields; an endpoint given only a model is labelled A or B. */
function newExperimentMetadata(fields: Fields): Omit<ExperimentSpec, "slug" | "name"> {
  const endpoint = (label: string | undefined, model: string | undefined, fallback: string) =>
    label === undefined && model === undefined
      ? undefined
      : { label: label ?? fallback, model: model ?? null };
  return {
    benchmark: fields.benchmark,
    setting: fields.setting,
    modelScale: fields.modelScale,
    study: fields.study === undefined ? undefined : { slug: fields.study, name: fields.studyName },
    endpointA: endpoint(fields.endpointALabel, fields.endpointAModel, "A"),
    endpointB: endpoint(fields.endpointBLabel, fields.endpointBModel, "B"),
  };
}

/** The trained checkpoint the fields ask for (`trained`, `coverage`), refusing them with `alpha`. */
function trainedTarget(fields: Fields): TrainedTarget | undefined {
  if (fields.trained === undefined) {
    if (fields.coverage !== undefined)
      throw new BadRequestError(
        'Invalid field "coverage": goes with "trained" (a trained checkpoint\'s label)',
      );
    return undefined;
  }
  if (fields.alpha !== undefined)
    throw new BadRequestError(
      'Invalid field "trained": give "alpha" or "trained", not both (a trained checkpoint is not on the α line)',
    );
  return { label: fields.trained, coverage: fields.coverage ?? null };
}

/**
 * The import a set of files asks for: a manifest among them names the experiment and the other
 * files (matched by base name); otherwise exactly one results file (plus an optional generation
 * file) is imported into `experiment` at `alpha` (or as the trained checkpoint `trained`).
 */
async function buildRequest(
  fields: Fields,
  files: ImportInputFile[],
  generation: ImportInputFile | undefined,
) {
  const heads = await Promise.all(files.map((file) => readHead(file)));
  const manifestIndex = files.findIndex((file, i) => isManifestFile(file.name, heads[i]));
  const options = {
    tests: fields.tests,
    replace: fields.replace,
    dryRun: fields.dryRun,
    confirmIdentical: fields.confirmIdentical,
  };
  if (manifestIndex !== -1) {
    if (fields.trained !== undefined || fields.coverage !== undefined)
      throw new BadRequestError('Invalid field "trained": a manifest lists its trained checkpoints itself');
    const byName = new Map(files.map((file) => [file.name, file]));
    const manifest = await readManifest(
      files[manifestIndex],
      async (path) => byName.get(path.split("/").pop() ?? path) ?? null,
    );
    const experiment = { ...manifest.experiment, slug: fields.experiment ?? manifest.experiment.slug };
    return { ...options, experiment, entries: manifest.entries };
  }
  if (files.length !== 1) {
    throw new BadRequestError("Send one results file, or a manifest together with the files it names.");
  }
  if (!fields.experiment)
    throw new BadRequestError('Invalid field "experiment": required to import a results file');
  return {
    ...options,
    experiment: { slug: fields.experiment, name: fields.name, ...newExperimentMetadata(fields) },
    entries: [
      {
        input: files[0],
        alpha: fields.alpha,
        trained: trainedTarget(fields),
        format: fields.format,
        generation,
      },
    ],
  };
}

/**
 * Reads POST /api/imports: `multipart/form-data` (fields plus one or more `file` parts and an
 * optional `generation` part; recorded as source "web", the upload page's way) or JSON
 * (`{experiment, alpha, …, files: [{name, content}]}`; source "api"). The body is counted against
 * `spool.maxBytes` while it streams in; uploaded files are spooled to `spool.dir`.
 */
export async function readImportRequest(
  request: Request,
  spool: UploadSpool,
): Promise<Omit<ImportRequest, "maxBytes">> {
  const type = request.headers.get("content-type") ?? "";
  if (type.startsWith("multipart/form-data")) {
    const { form, files } = await readMultipartForm(request, spool);
    // Spooled files are read from disk (by a parse thread: see lib/import/parsePool.ts).
    const spooled = (field: string) =>
      Promise.all(files.filter((file) => file.field === field).map((file) => diskFile(file.path, file.name)));
    const results = await spooled("file");
    if (results.length === 0) throw new BadRequestError('Send the results in a "file" part.');
    const [generation] = await spooled("generation");
    const built = await buildRequest(formFields(form), results, generation);
    return { ...built, source: "web" };
  }
  const body = await readJsonUpload(request, spool);
  const { files, generation, ...fields } = parseWith(importJsonBodySchema, body, "field");
  const built = await buildRequest(
    fields,
    files.map((file) => memoryFile(file.name, file.content)),
    generation && memoryFile(generation.name, generation.content),
  );
  return { ...built, source: "api" };
}
