import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomLcg } from "d3";
import type { Download, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StudyDetail } from "../../lib/contracts/studies";
import type { FrontierData } from "../../lib/contracts/types";
import { DEMO_EXPERIMENT_SLUG } from "../../lib/demo/experiment";
import { type BrowserSession, baseUrl, openBrowser, seriousViolations } from "./browser";

let session: BrowserSession;
let frontier: FrontierData;
const page = () => session.page;
/** Hang guard of the tests that wait for the statistics worker (a loaded machine takes its time). */
const WORKER_WAIT = { timeout: 300_000 };

/** The imported sweep: α on and beyond the A–B line, two trained checkpoints from the manifest, one from a single file. */
const SLUG = "e2e-trained-sweep";
const STUDY = "e2e-trained-study";
const ALPHAS = [-0.5, 0, 0.5, 1, 1.5];
const MANIFEST_TRAINED = [
  { label: "Coverage 25% (e2e)", coverage: 25, alpha: 0.25 },
  { label: "Coverage 50% (e2e)", coverage: 50, alpha: 0.5 },
];
const SINGLE_FILE_TRAINED = { label: "Coverage 75% (single file)", coverage: 75, alpha: 0.75 };
const TRAINED_LABELS = [...MANIFEST_TRAINED, SINGLE_FILE_TRAINED].map((t) => t.label);
const WIDTHS = [390, 768, 1280, 1920];

/**
 * Native result lines of a seeded synthetic checkpoint at `alpha`: 48 problems, 8 samples each; more
 * α trades time-limit failures for wrong answers (as the research says coverage does).
 */
function resultLines(alpha: number, seed: number): string {
  const random = randomLcg(seed);
  const difficulties = ["easy", "medium", "hard"] as const;
  const lines: string[] = [];
  for (let i = 0; i < 48; i++) {
    const difficulty = difficulties[i % 3];
    const base = { easy: 0.7, medium: 0.4, hard: 0.12 }[difficulty];
    let pass = 0;
    let wrongAnswer = 0;
    let timeLimit = 0;
    for (let s = 0; s < 8; s++) {
      const u = random();
      if (u < base + 0.04 * alpha) pass++;
      else if (random() < Math.min(0.95, Math.max(0.05, 0.3 + 0.35 * alpha))) wrongAnswer++;
      else timeLimit++;
    }
    lines.push(JSON.stringify({ problem: `p${i + 1}`, difficulty, n: 8, pass, wrongAnswer, timeLimit }));
  }
  return `${lines.join("\n")}\n`;
}

/** The manifest and its files in a fresh temporary folder (nothing generated is tracked). */
function writeSweep(folder: string): string[] {
  const files = ALPHAS.map((alpha, i) => {
    const name = `alpha${alpha}.jsonl`;
    writeFileSync(join(folder, name), resultLines(alpha, 100 + i));
    return name;
  });
  const trained = MANIFEST_TRAINED.map((t, i) => {
    const name = `coverage${t.coverage}.jsonl`;
    writeFileSync(join(folder, name), resultLines(t.alpha, 200 + i));
    return { ...t, file: name };
  });
  const manifest = [
    `slug: ${SLUG}`,
    "name: Trained checkpoints (e2e)",
    // A benchmark of its own: its problems p1…p48 have other difficulties than the fixtures' on "custom",
    // which other files import into the same server (a difficulty conflict would refuse theirs).
    "benchmark: e2e-trained",
    "setting: tool-use",
    "modelScale: 8B",
    "endpoints: { a: { label: low coverage }, b: { label: full coverage } }",
    `study: ${STUDY}`,
    "studyName: Trained checkpoints study (e2e)",
    "checkpoints:",
    ...ALPHAS.map((alpha, i) => `  - { alpha: ${alpha}, file: ${files[i]} }`),
    "trained:",
    ...trained.map((t) => `  - { label: "${t.label}", coverage: ${t.coverage}, file: ${t.file} }`),
  ].join("\n");
  writeFileSync(join(folder, "sweep.yaml"), `${manifest}\n`);
  const single = join(folder, "coverage75.jsonl");
  writeFileSync(single, resultLines(SINGLE_FILE_TRAINED.alpha, 300));
  return [
    join(folder, "sweep.yaml"),
    ...files.map((f) => join(folder, f)),
    ...trained.map((t) => join(folder, t.file)),
  ];
}

/** Waits until the worker stored the frontier with every trained checkpoint's intervals, and the claims. */
async function statisticsReady(): Promise<FrontierData> {
  for (let attempt = 0; attempt < 2400; attempt++) {
    const response = await fetch(`${baseUrl()}/api/experiments/${SLUG}/frontier`);
    const claims = await fetch(`${baseUrl()}/api/experiments/${SLUG}/claims`);
    if (response.status === 200 && claims.status === 200) {
      const data = (await response.json()) as FrontierData;
      const trained = data.slices.all.trained ?? [];
      if (
        trained.length === TRAINED_LABELS.length &&
        trained.every((t) => t.metrics.correctness.lower !== null)
      )
        return data;
    } else {
      await response.body?.cancel();
      await claims.body?.cancel();
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("the statistics worker did not store the frontier");
}

/** Clicks a control that saves a file and returns the file's bytes. */
async function download(target: Page, testId: string): Promise<Buffer> {
  const [file] = await Promise.all([
    target.waitForEvent("download") as Promise<Download>,
    target.getByTestId(testId).first().click(),
  ]);
  return readFileSync(await file.path());
}

function pngSize(png: Buffer): [number, number] {
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return [png.readUInt32BE(16), png.readUInt32BE(20)];
}

/**
 * The trained marks drawn in `scope` (a page or one chart): label, its text as drawn, its font size,
 * and whether mark and label lie whole inside their chart's SVG and the viewport.
 */
async function trainedMarks(target: Page, scope = "body") {
  return target
    .locator(scope)
    .first()
    .evaluate((root) =>
      [...root.querySelectorAll<SVGGElement>(".trained-point")].map((mark) => {
        const svg = mark.ownerSVGElement?.getBoundingClientRect();
        const label = mark.querySelector<SVGTextElement>(".trained-point-label");
        const within = (box: DOMRect | undefined) =>
          !!box &&
          !!svg &&
          box.left >= svg.left - 0.5 &&
          box.right <= svg.right + 0.5 &&
          box.top >= svg.top - 0.5 &&
          box.bottom <= svg.bottom + 0.5 &&
          box.left >= 0 &&
          box.right <= document.documentElement.clientWidth + 0.5;
        return {
          label: mark.getAttribute("data-trained"),
          // The label as drawn: its text, without the <title> that holds a cut label in full.
          text: label
            ? [...label.childNodes]
                .filter((node) => node.nodeType === Node.TEXT_NODE)
                .map((node) => node.textContent)
                .join("")
            : null,
          fontSize: label ? Number.parseFloat(getComputedStyle(label).fontSize) : 0,
          whole: within(mark.getBoundingClientRect()) && within(label?.getBoundingClientRect()),
        };
      }),
    );
}

/** Every expected trained checkpoint drawn in `scope`, whole inside its chart, its label at least `fontSize` px. */
async function expectTrainedMarks(
  target: Page,
  scope: string,
  labels: readonly string[],
  fontSize: number,
  what: string,
) {
  const marks = await trainedMarks(target, scope);
  expect(marks.map((mark) => mark.label).sort(), what).toEqual([...labels].sort());
  for (const mark of marks) {
    expect(mark.whole, `${mark.label}: ${what}`).toBe(true);
    expect(mark.fontSize, `${mark.label}: ${what}`).toBeGreaterThanOrEqual(fontSize);
    // Cut only where the plot is too narrow for the whole label (the full one is its title).
    expect(mark.label?.startsWith((mark.text ?? "").replace(/…$/, "")), `${mark.label}: ${what}`).toBe(true);
  }
  expect(await overflow(target), what).toBe(0);
}

/** Sideways scroll of the page, in pixels (0: none). */
const overflow = (target: Page) =>
  target.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

let folder: string;

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), "alphascope-e2e-trained-"));
  session = await openBrowser();
  const response = await fetch(`${baseUrl()}/api/experiments/${DEMO_EXPERIMENT_SLUG}/frontier`);
  frontier = (await response.json()) as FrontierData;
});

afterAll(async () => {
  await session?.close();
  rmSync(folder, { recursive: true, force: true });
});

describe("trained checkpoints on the explorer", () => {
  it("draws the demo's two trained checkpoints as labelled marks apart from the α points and the slider", async () => {
    const trained = frontier.slices.hard.trained ?? [];
    expect(trained.map((point) => point.label)).toEqual(["Coverage 25%", "Coverage 50%"]);
    await page().goto(`${baseUrl()}/experiments/${DEMO_EXPERIMENT_SLUG}?difficulty=hard&alpha=0.5`);
    await page().locator('.explorer[data-hydrated="true"]').waitFor();

    for (const point of trained) {
      const mark = page().locator(`.trained-point[data-trained="${point.label}"]`);
      expect(await mark.locator(".trained-point-label").textContent()).toBe(point.label);
      const label = await mark.getAttribute("aria-label");
      expect(label).toContain(`Trained checkpoint ${point.label} (coverage ${point.coverage})`);
      expect(label).toContain(`${(point.metrics.correctness.value * 100).toFixed(1)}%`);
    }
    // α points and the slider's stops are the α checkpoints only.
    expect(await page().locator(".frontier-point").count()).toBe(frontier.slices.hard.points.length);
    expect(await page().locator(".chart-container .trained-step").count()).toBeLessThanOrEqual(1);
    expect(await page().locator(".chart-legend").first().textContent()).toContain(
      "trained checkpoint (not on the α path)",
    );
    // The score panel lists them as reference rows.
    const rows = page().getByTestId("trained-scores").locator("tbody tr");
    expect(await rows.count()).toBe(2);
    expect(await rows.first().locator("th").textContent()).toBe("Coverage 25%");
    expect(await seriousViolations(page())).toEqual([]);
  });
});

describe("a manifest with trained checkpoints and a study, imported through the upload page", () => {
  let imported: FrontierData;

  it(
    "imports the manifest into a study, then one file as a trained checkpoint by the α/trained choice",
    WORKER_WAIT,
    async () => {
      const files = writeSweep(folder);
      await page().goto(`${baseUrl()}/import`);
      await page().getByRole("heading", { name: "Import evaluation results" }).waitFor();
      await page()
        .getByLabel(/choose files/)
        .setInputFiles(files);
      expect(await page().getByText("A manifest names the experiment").count()).toBe(1);
      await page().getByRole("button", { name: "Preview import" }).click();
      await page()
        .getByRole("region", { name: new RegExp(`Preview: .*“${SLUG}”`) })
        .waitFor();
      const results = 48 * (ALPHAS.length + MANIFEST_TRAINED.length);
      await page()
        .getByRole("button", { name: `Import ${results} results` })
        .click();
      await page()
        .getByRole("region", { name: new RegExp(`Imported into new experiment “${SLUG}”`) })
        .waitFor();

      // One file, placed beside the α line by the page's choice.
      await page().goto(`${baseUrl()}/import`);
      await page().getByRole("heading", { name: "Import evaluation results" }).waitFor();
      await page()
        .getByLabel(/choose files/)
        .setInputFiles(join(folder, "coverage75.jsonl"));
      await page().getByLabel("Import into").selectOption(SLUG);
      await page().getByRole("radio", { name: "Trained checkpoint" }).check();
      expect(await page().getByLabel("α", { exact: true }).count()).toBe(0);
      await page().getByLabel("Label", { exact: true }).fill(SINGLE_FILE_TRAINED.label);
      await page().getByLabel("Coverage (optional)").fill(String(SINGLE_FILE_TRAINED.coverage));
      expect(await seriousViolations(page())).toEqual([]);
      await page().getByRole("button", { name: "Preview import" }).click();
      await page().getByRole("button", { name: "Import 48 results" }).click();
      await page()
        .getByRole("region", { name: /Imported into/ })
        .waitFor();

      const detail = await (await fetch(`${baseUrl()}/api/experiments/${SLUG}`)).json();
      expect(detail.checkpoints.map((c: { alpha: number }) => c.alpha)).toEqual(ALPHAS);
      expect(detail.trained.map((t: { label: string; coverage: number }) => [t.label, t.coverage])).toEqual([
        ...MANIFEST_TRAINED.map((t) => [t.label, t.coverage]),
        [SINGLE_FILE_TRAINED.label, SINGLE_FILE_TRAINED.coverage],
      ]);
      const study = (await (await fetch(`${baseUrl()}/api/studies/${STUDY}`)).json()) as StudyDetail;
      expect(study.name).toBe("Trained checkpoints study (e2e)");
      expect(study.experiments.map((experiment) => experiment.slug)).toEqual([SLUG]);
      imported = await statisticsReady();
    },
  );

  it(
    "the explorer draws each as a labelled diamond, off the slider, whole and legible from 390 to 1920 px",
    WORKER_WAIT,
    async () => {
      for (const width of WIDTHS) {
        await page().setViewportSize({ width, height: 900 });
        await page().goto(`${baseUrl()}/experiments/${SLUG}?alpha=0.5`);
        await page().locator('.explorer[data-hydrated="true"]').waitFor();
        await expectTrainedMarks(page(), ".chart-container", TRAINED_LABELS, 12, `explorer at ${width} px`);
        expect(await page().locator(".frontier-point").count()).toBe(ALPHAS.length);
        const slider = page().getByTestId("alpha-slider");
        expect([
          await slider.getAttribute("aria-valuemin"),
          await slider.getAttribute("aria-valuemax"),
        ]).toEqual(["-0.5", "1.5"]);
      }
      expect(await page().getByTestId("trained-scores").locator("tbody tr").count()).toBe(3);
      expect(await seriousViolations(page())).toEqual([]);
      expect(imported.slices.all.points.map((point) => point.alpha)).toEqual(ALPHAS);
    },
  );

  it("the explorer's SVG and PNG exports and its link preview carry them", WORKER_WAIT, async () => {
    await page().setViewportSize({ width: 1280, height: 900 });
    await page().goto(`${baseUrl()}/experiments/${SLUG}?alpha=0.5`);
    await page().locator('.explorer[data-hydrated="true"]').waitFor();
    const svg = (await download(page(), "export-svg-frontier")).toString("utf8");
    for (const label of TRAINED_LABELS) {
      expect(svg).toContain(`data-trained="${label}"`);
      // In full: as the label, or as the title of a label cut to fit.
      expect(svg).toContain(`>${label}<`);
    }
    const png = await download(page(), "export-png-frontier");
    expect(pngSize(png)[0]).toBeGreaterThan(1000);
    const image = (await page().locator('meta[property="og:image"]').getAttribute("content")) ?? "";
    expect(image).toContain(`/api/experiments/${SLUG}/preview.png?`);
    const preview = await fetch(image);
    expect(preview.headers.get("content-type")).toBe("image/png");
    expect(pngSize(Buffer.from(await preview.arrayBuffer()))).toEqual([1200, 630]);
  });

  it("a snapshot and its presenting mode draw them; its preview image is served", WORKER_WAIT, async () => {
    await page().goto(`${baseUrl()}/experiments/${SLUG}?alpha=0.5`);
    await page().locator('.explorer[data-hydrated="true"]').waitFor();
    await page().getByTestId("share").click();
    const link = await page().getByTestId("share-url").inputValue();
    expect(link).toMatch(new RegExp(`^${baseUrl()}/s/[A-Za-z0-9_-]{8}$`));
    for (const width of WIDTHS) {
      await page().setViewportSize({ width, height: 900 });
      await page().goto(link);
      await page().locator('.explorer[data-hydrated="true"]').waitFor();
      await expectTrainedMarks(page(), ".chart-container", TRAINED_LABELS, 12, `snapshot at ${width} px`);
    }
    expect(await seriousViolations(page())).toEqual([]);
    const image = (await page().locator('meta[property="og:image"]').getAttribute("content")) ?? "";
    expect(image).toContain(`/api/experiments/${SLUG}/preview.png?`);
    expect(pngSize(Buffer.from(await (await fetch(image)).arrayBuffer()))).toEqual([1200, 630]);

    // Presenting: the same marks in the projector's larger type, the reference rows' table left out.
    for (const width of [1280, 1920]) {
      await page().setViewportSize({ width, height: 1000 });
      await page().goto(`${baseUrl()}/experiments/${SLUG}?alpha=0.5&present=1`);
      await page().locator(".explorer.presentation").waitFor();
      await expectTrainedMarks(page(), ".chart-container", TRAINED_LABELS, 18, `presenting at ${width} px`);
    }
    expect(await seriousViolations(page())).toEqual([]);
  });

  it(
    "the compare page draws both experiments' trained checkpoints, and exports them",
    WORKER_WAIT,
    async () => {
      for (const width of WIDTHS) {
        await page().setViewportSize({ width, height: 900 });
        await page().goto(`${baseUrl()}/compare?experiments=${SLUG},${DEMO_EXPERIMENT_SLUG}&alpha=0.5`);
        await page().getByTestId("compare-plot").waitFor();
        await page().locator(".trained-point").first().waitFor();
        await expectTrainedMarks(
          page(),
          '[data-testid="compare-plot"]',
          [...TRAINED_LABELS, "Coverage 25%", "Coverage 50%"],
          12,
          `compare at ${width} px`,
        );
      }
      expect(await seriousViolations(page())).toEqual([]);
      const svg = (await download(page(), "export-svg-compare")).toString("utf8");
      for (const label of [...TRAINED_LABELS, "Coverage 25%"])
        expect(svg).toContain(`data-trained="${label}"`);
    },
  );

  it("the study grid, its pinned snapshot and the grid's SVG draw them", WORKER_WAIT, async () => {
    for (const width of WIDTHS) {
      await page().setViewportSize({ width, height: 900 });
      await page().goto(`${baseUrl()}/studies/${STUDY}`);
      await page().locator('[data-hydrated="true"]').waitFor();
      await expectTrainedMarks(
        page(),
        `[data-study-panel="${SLUG}"]`,
        TRAINED_LABELS,
        12,
        `study at ${width} px`,
      );
    }
    expect(await page().getByTestId("study-legend").textContent()).toContain(
      "trained checkpoint (not on the α path)",
    );
    expect(await seriousViolations(page())).toEqual([]);
    const svg = (await download(page(), "export-svg-study-grid")).toString("utf8");
    for (const label of TRAINED_LABELS) expect(svg).toContain(`data-trained="${label}"`);
    const png = await download(page(), "export-png-study-grid");
    expect(pngSize(png)[0]).toBeGreaterThan(0);

    await page().getByTestId("share").click();
    const link = await page().getByTestId("share-url").inputValue();
    await page().goto(link);
    await page().locator('[data-hydrated="true"]').waitFor();
    await expectTrainedMarks(page(), `[data-study-panel="${SLUG}"]`, TRAINED_LABELS, 12, "pinned study");
    expect(await seriousViolations(page())).toEqual([]);
  });
});
