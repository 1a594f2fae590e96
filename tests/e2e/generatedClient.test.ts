import { execFile } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import openapiTS, { astToString } from "openapi-typescript";
import ts from "typescript";
import { afterAll, describe, expect, it } from "vitest";
import type { EnsembleEvaluation } from "../../lib/contracts/scalingTypes";
import type { FrontierData } from "../../lib/contracts/types";
import { DEMO_EXPERIMENT_SLUG } from "../../lib/demo/experiment";
import { baseUrl } from "./browser";

const ROOT = join(import.meta.dirname, "../..");
// Inside the repository (git-ignored), so that the program resolves openapi-fetch from node_modules.
const DIR = join(ROOT, "test-results", `generated-client-${process.pid}`);
const run = promisify(execFile);

/**
 * What a team integrating alphascope would write: types generated from the served document with
 * openapi-typescript, calls made with openapi-fetch, in strict TypeScript. It lists the experiments,
 * reads a frontier, pins and reads back a snapshot and evaluates an ensemble, and prints what it got.
 */
const PROGRAM = `import createClient from "openapi-fetch";
import type { paths } from "./api";

const client = createClient<paths>({ baseUrl: process.env.ALPHASCOPE_URL });

const { data: experiments } = await client.GET("/api/experiments");
// Other tests import small experiments in parallel; the demo sweep has the samples pass@5 needs.
// Without list parameters the answer is the whole array (with them, a page {total, items, nextCursor}).
const list = Array.isArray(experiments) ? experiments : (experiments?.items ?? []);
const slug = list.find((experiment) => experiment.slug === process.env.ALPHASCOPE_EXPERIMENT)?.slug;
if (!slug) throw new Error("no demo experiment");
const { data: frontier } = await client.GET("/api/experiments/{slug}/frontier", {
  params: { path: { slug }, query: { x: "correctness", y: "efficiency" } },
});
if (!frontier) throw new Error("no frontier");
const { data: created } = await client.POST("/api/snapshots", {
  body: { experiment: slug, page: "explorer", view: "alpha=1&difficulty=hard" },
});
if (!created) throw new Error("no snapshot made");
const { data: snapshot } = await client.GET("/api/snapshots/{id}", { params: { path: { id: created.id } } });
if (!snapshot) throw new Error("no snapshot read");
// A snapshot pins one experiment's page or a study's grid: the type makes the program tell which.
if (snapshot.page === "study") throw new Error("an explorer snapshot read as a study's");
const { data: ensemble, error } = await client.POST("/api/experiments/{slug}/ensembles", {
  params: { path: { slug } },
  body: { members: [{ alpha: 0, samples: 5 }, { alpha: 1, samples: 5 }], difficulty: "hard" },
});
if (!ensemble) throw new Error(error?.error.message ?? "no ensemble");
const [lower, upper]: number[] = ensemble.gainCI;
console.log(JSON.stringify({
  slug,
  points: frontier.slices.all.points.map((point) => point.alpha),
  snapshot: { id: snapshot.id, experiment: snapshot.experiment, view: snapshot.view },
  ensemble: { passAtK: ensemble.passAtK, gain: ensemble.gain, lower, upper },
}));
`;

afterAll(() => rmSync(DIR, { recursive: true, force: true }));

describe("a client generated from the served OpenAPI document (openapi-typescript + openapi-fetch)", () => {
  it("type-checks in strict TypeScript and runs against the server with the API's own numbers", async () => {
    const document = await (await fetch(`${baseUrl()}/api/openapi.json`)).json();
    mkdirSync(DIR, { recursive: true });
    writeFileSync(join(DIR, "api.d.ts"), astToString(await openapiTS(document)));
    writeFileSync(join(DIR, "program.ts"), PROGRAM);

    const program = ts.createProgram([join(DIR, "program.ts")], {
      strict: true,
      noEmit: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      types: ["node"],
      typeRoots: [join(ROOT, "node_modules/@types")],
      skipLibCheck: true,
    });
    const diagnostics = ts
      .getPreEmitDiagnostics(program)
      .map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
    expect(diagnostics).toEqual([]);

    const { stdout } = await run(process.execPath, ["--import", "tsx", join(DIR, "program.ts")], {
      cwd: DIR,
      env: { ...process.env, ALPHASCOPE_URL: baseUrl(), ALPHASCOPE_EXPERIMENT: DEMO_EXPERIMENT_SLUG },
    });
    const printed = JSON.parse(stdout);
    expect(printed.slug).toBe(DEMO_EXPERIMENT_SLUG);
    const frontier = (await (
      await fetch(`${baseUrl()}/api/experiments/${printed.slug}/frontier`)
    ).json()) as FrontierData;
    expect(printed.points).toEqual(frontier.slices.all.points.map((point) => point.alpha));
    expect(printed.snapshot).toMatchObject({ experiment: printed.slug, view: "alpha=1&difficulty=hard" });
    const ensemble = (await (
      await fetch(`${baseUrl()}/api/experiments/${printed.slug}/ensembles`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          members: [
            { alpha: 0, samples: 5 },
            { alpha: 1, samples: 5 },
          ],
          difficulty: "hard",
        }),
      })
    ).json()) as EnsembleEvaluation;
    expect(printed.ensemble).toEqual({
      passAtK: ensemble.passAtK,
      gain: ensemble.gain,
      lower: ensemble.gainCI[0],
      upper: ensemble.gainCI[1],
    });
  }, 120_000);
});
