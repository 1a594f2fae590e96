import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import type { FrontierData } from "../../lib/contracts/types";
import type { Db } from "../../lib/db/client";
import { runImport } from "../../lib/import/runImport";
import { METRICS } from "../../lib/science/metricRegistry";
import { computeStatistics } from "../../lib/server/statistics/computeStatistics";
import { testDb, truncateAll } from "./db";
import { clearJobs, importSeeded, seededSweepFiles } from "./statisticsSupport";

const { GET: frontierRoute } = await import("@/app/api/experiments/[slug]/frontier/route");
const { GET: csvRoute } = await import("@/app/api/experiments/[slug]/export.csv/route");
const { GET: mergekitRoute } = await import("@/app/api/experiments/[slug]/mergekit/route");
const { GET: previewRoute } = await import("@/app/api/experiments/[slug]/preview.png/route");

const WITH_MODELS = "exports-models";
const WITHOUT_MODELS = "exports-bare";
const HOSTILE_LABELS = "exports-hostile-labels";
/** Checkpoint labels a spreadsheet would run as formulas, by α. */
const FORMULA_LABELS = new Map([
  [0, "=1+1"],
  [0.5, '=HYPERLINK("http://evil.example","x")'],
  [1, "@SUM(1+1)"],
]);
let db: Db;

const contextOf = (slug: string) => ({ params: Promise.resolve({ slug }) });
const get = (slug: string, path: string, headers: Record<string, string> = {}) =>
  new Request(`http://test/api/experiments/${slug}${path}`, { headers });

/** RFC 4180 CSV back into rows (quoted fields with doubled quotes, CRLF line ends). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ",") {
      row.push(field);
      field = "";
    } else if (char === "\r" && text[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i++;
    } else field += char;
  }
  return rows;
}

async function frontierOf(slug: string): Promise<FrontierData> {
  return (await (await frontierRoute(get(slug, "/frontier"), contextOf(slug))).json()) as FrontierData;
}

beforeAll(async () => {
  db = testDb();
  await truncateAll(db);
  await clearJobs(db);
  await runImport(db, {
    experiment: {
      slug: WITH_MODELS,
      name: "Exports, with models",
      endpointA: { label: "Low coverage", model: "org/model-a" },
      endpointB: { label: "High coverage", model: "org/model-b" },
    },
    entries: seededSweepFiles(),
    source: "cli",
  });
  await importSeeded(db, WITHOUT_MODELS, seededSweepFiles([0, 1]));
  await importSeeded(
    db,
    HOSTILE_LABELS,
    seededSweepFiles([0, 0.5, 1]).map((entry) => ({
      ...entry,
      label: FORMULA_LABELS.get(entry.alpha ?? -1),
    })),
  );
  for (const slug of [WITH_MODELS, WITHOUT_MODELS, HOSTILE_LABELS]) {
    const { id, version } = await db.experiment.findUniqueOrThrow({ where: { slug } });
    await computeStatistics(db, { experimentId: id, version });
  }
});

afterAll(async () => {
  await clearJobs(db);
  await db.$disconnect();
});

describe("GET /api/experiments/<slug>/export.csv", () => {
  it("gives one row per checkpoint with every registry metric and its interval: the JSON's numbers", async () => {
    const frontier = await frontierOf(WITH_MODELS);
    expect(frontier.status).toBe("ready");
    for (const difficulty of ["all", "hard"] as const) {
      const response = await csvRoute(
        get(WITH_MODELS, `/export.csv?difficulty=${difficulty}`),
        contextOf(WITH_MODELS),
      );
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
      expect(response.headers.get("content-disposition")).toMatch(
        new RegExp(`^attachment; filename="${WITH_MODELS}-${difficulty}-[A-Za-z0-9._-]+\\.csv"$`),
      );
      const [header, ...rows] = parseCsv(await response.text());
      expect(header.slice(0, 5)).toEqual(["alpha", "kind", "label", "problems", "samples"]);
      expect(header).toHaveLength(5 + 3 * METRICS.length);
      const points = frontier.slices[difficulty].points;
      expect(rows.map((row) => Number(row[0]))).toEqual(points.map((point) => point.alpha));
      for (const [i, point] of points.entries()) {
        const row = Object.fromEntries(header.map((name, column) => [name, rows[i][column]]));
        expect(Number(row.problems)).toBe(point.problems);
        expect(Number(row.samples)).toBe(point.samples);
        for (const metric of METRICS) {
          const estimate = point.metrics[metric.id];
          const read = (text: string) => (text === "" ? null : Number(text));
          expect([
            read(row[metric.id]),
            read(row[`${metric.id}_lower`]),
            read(row[`${metric.id}_upper`]),
          ]).toEqual(estimate ? [estimate.value, estimate.lower, estimate.upper] : [null, null, null]);
        }
      }
    }
  });

  it("writes labels a spreadsheet would run as formulas as text, with a leading quote, and negative numbers as numbers", async () => {
    const response = await csvRoute(get(HOSTILE_LABELS, "/export.csv"), contextOf(HOSTILE_LABELS));
    const text = await response.text();
    const [header, ...rows] = parseCsv(text);
    const label = header.indexOf("label");
    expect(rows.map((row) => [Number(row[0]), row[label]])).toEqual([
      [0, "'=1+1"],
      [0.5, `'=HYPERLINK("http://evil.example","x")`],
      [1, "'@SUM(1+1)"],
    ]);
    expect(text).toContain(`,"'=HYPERLINK(""http://evil.example"",""x"")",`);
    // No field the spreadsheet reads starts a formula; a negative number is written as one.
    expect(rows.flat().filter((field) => /^[=+@\t\r]|^-(?![\d.])/.test(field))).toEqual([]);
  });

  it("answers 304 to its own ETag, 400 for an unknown difficulty and 404 for an unknown experiment", async () => {
    const first = await csvRoute(get(WITH_MODELS, "/export.csv"), contextOf(WITH_MODELS));
    const etag = first.headers.get("etag") ?? "";
    expect(etag).toContain((await frontierOf(WITH_MODELS)).version);
    const again = await csvRoute(
      get(WITH_MODELS, "/export.csv", { "if-none-match": etag }),
      contextOf(WITH_MODELS),
    );
    expect(again.status).toBe(304);
    const bad = await csvRoute(get(WITH_MODELS, "/export.csv?difficulty=extreme"), contextOf(WITH_MODELS));
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { code: "bad_request" } });
    const missing = await csvRoute(get("nothing-here", "/export.csv"), contextOf("nothing-here"));
    expect(missing.status).toBe(404);
  });
});

describe("GET /api/experiments/<slug>/mergekit", () => {
  it("builds a linear merge of the endpoint models weighted 1 − α and α, with normalize off", async () => {
    const response = await mergekitRoute(get(WITH_MODELS, "/mergekit?alpha=1.5"), contextOf(WITH_MODELS));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/yaml; charset=utf-8");
    const text = await response.text();
    const config = parse(text);
    expect(config).toEqual({
      merge_method: "linear",
      models: [
        { model: "org/model-a", parameters: { weight: -0.5 } },
        { model: "org/model-b", parameters: { weight: 1.5 } },
      ],
      parameters: { normalize: false },
      dtype: "bfloat16",
    });
    const weights = config.models.map((entry: { parameters: { weight: number } }) => entry.parameters.weight);
    expect(weights[0] + weights[1]).toBe(1);
    expect(weights[0]).toBeLessThan(0);
    // The comment quotes experiment, α, version and the measured solve rate at α = 1.5, as the JSON has it.
    const frontier = await frontierOf(WITH_MODELS);
    const measured = frontier.slices.all.points.find((point) => point.alpha === 1.5);
    const solve = `${((measured?.metrics.solveRate.value ?? Number.NaN) * 100).toFixed(1)}%`;
    expect(text).toContain("# experiment: Exports, with models (exports-models)");
    expect(text).toContain(`data version ${frontier.version}`);
    expect(text).toContain("α = 1.5 (extrapolation beyond B)");
    expect(text).toContain(`# measured, all problems, 95% intervals: solve rate ${solve} [`);
  });

  it("weights sum to 1 for any α and say 'estimated' between evaluated α", async () => {
    for (const alpha of ["0.3", "-0.25", "0.7"]) {
      const text = await (
        await mergekitRoute(get(WITH_MODELS, `/mergekit?alpha=${alpha}`), contextOf(WITH_MODELS))
      ).text();
      const [a, b] = parse(text).models.map(
        (entry: { parameters: { weight: number } }) => entry.parameters.weight,
      );
      expect(a + b).toBeCloseTo(1, 12);
      expect(b).toBe(Number(alpha));
      expect(text).toContain("# estimated (not evaluated), all problems");
    }
  });

  it("leaves a placeholder to fill in, still valid YAML, where an endpoint has no model reference", async () => {
    const text = await (
      await mergekitRoute(get(WITHOUT_MODELS, "/mergekit?alpha=0.5"), contextOf(WITHOUT_MODELS))
    ).text();
    const config = parse(text);
    expect(config.models.map((entry: { model: string }) => entry.model)).toEqual([
      "FILL-IN-model-of-A",
      "FILL-IN-model-of-B",
    ]);
    expect(text).toContain("# A (A) has no stored model reference: replace FILL-IN-model-of-A");
  });

  it("answers 400 in the error shape for a missing or non-finite α", async () => {
    for (const query of ["", "?alpha=Infinity", "?alpha=NaN", "?alpha=abc", "?alpha=1e999"]) {
      const response = await mergekitRoute(get(WITH_MODELS, `/mergekit${query}`), contextOf(WITH_MODELS));
      expect(response.status, query).toBe(400);
      const body = (await response.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe("bad_request");
      expect(body.error.message).toContain("alpha");
    }
  });
});

describe("GET /api/experiments/<slug>/preview.png", () => {
  it("is a 1200 × 630 PNG of the frontier, answered 304 to its ETag", async () => {
    const response = await previewRoute(
      get(WITH_MODELS, "/preview.png?members=1.5&difficulty=hard"),
      contextOf(WITH_MODELS),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/png");
    const png = Buffer.from(await response.arrayBuffer());
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.subarray(12, 16).toString("ascii")).toBe("IHDR");
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
    const etag = response.headers.get("etag") ?? "";
    const again = await previewRoute(
      get(WITH_MODELS, "/preview.png?members=1.5&difficulty=hard", { "if-none-match": etag }),
      contextOf(WITH_MODELS),
    );
    expect(again.status).toBe(304);
  });

  it("answers 503 busy while the render thread's queue is full, before reading anything", async () => {
    // Twelve views not rendered yet: one renders, eight wait, the rest are refused.
    const renders = Array.from({ length: 12 }, (_, i) =>
      previewRoute(get(WITH_MODELS, `/preview.png?members=${(i / 10).toFixed(2)}`), contextOf(WITH_MODELS)),
    );
    // An unknown experiment is refused as busy, not 404: nothing was read to find that it is unknown.
    await expect
      .poll(
        async () =>
          (await previewRoute(get("no-such-sweep", "/preview.png"), contextOf("no-such-sweep"))).status,
      )
      .toBe(503);
    const statuses = (await Promise.all(renders)).map((response) => response.status);
    expect(statuses.filter((status) => status === 200).length).toBeGreaterThanOrEqual(9);
    expect(statuses.every((status) => status === 200 || status === 503)).toBe(true);
    expect(
      (await previewRoute(get("no-such-sweep", "/preview.png"), contextOf("no-such-sweep"))).status,
    ).toBe(404);
  });

  it("refuses more markers than it draws, and markers that are not numbers", async () => {
    for (const members of ["0,1,2,3,4,5,6,7,8", "x", "1,,2"]) {
      const response = await previewRoute(
        get(WITH_MODELS, `/preview.png?members=${members}`),
        contextOf(WITH_MODELS),
      );
      expect(response.status, members).toBe(400);
    }
  });
});
