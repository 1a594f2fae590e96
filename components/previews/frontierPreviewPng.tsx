import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { initWasm, Resvg } from "@resvg/resvg-wasm";
import satori from "satori";
import { layoutFrontier } from "@/lib/charts/frontierLayout";
import type { FrontierData } from "@/lib/contracts/types";
import { formatAlpha } from "@/lib/domain/alpha";
import { getMetric, isMetricId } from "@/lib/science/metricRegistry";
import { createMetricEstimators, readoutAt } from "@/lib/views/alphaScores";
import { formatTimestamp } from "@/lib/views/format";
import { headlineAt } from "@/lib/views/headlineAt";
import type { ExplorerView } from "@/lib/views/viewState";
import { frontierMarker } from "../frontier/frontierMarker";
import { FrontierPreview, PREVIEW_CHART, PREVIEW_SIZE, PREVIEW_TYPE } from "./FrontierPreview";
import { loadShippedAsset } from "./previewFonts";

/**
 * The font the images are drawn with, shipped in the repository (DejaVu Sans, with its licence in
 * assets/fonts/): it has the Greek α and the minus sign. Other scripts come from the npm-installed
 * fonts of previewFonts.ts; nothing is fetched at run time. Found from the working directory, as the
 * compute threads are: `npm start` runs the server from the repository root.
 */
const FONT_FILE = join(process.cwd(), "assets/fonts/DejaVuSans.ttf");
let font: Promise<Buffer> | null = null;

/** The SVG-to-PNG renderer's WebAssembly, compiled once per thread. */
const RESVG_WASM = join(process.cwd(), "node_modules/@resvg/resvg-wasm/index_bg.wasm");
let resvgReady: Promise<void> | null = null;

/** What one preview image shows. */
export interface FrontierPreviewRequest {
  data: FrontierData;
  view: Pick<ExplorerView, "x" | "y" | "xLog" | "yLog" | "difficulty" | "includeCollapsed">;
  /** α with a marker (the explorer's α, or the scaling page's ensemble members). */
  markers: readonly number[];
}

/**
 * The link-preview PNG of a frontier: the explorer's geometry (layoutFrontier, frontierMarker) at
 * the image's size, the trained checkpoints as labelled diamonds, the α markers where the score panel's estimates put them, and the headline
 * numbers when one α is marked.
 */
export async function frontierPreviewPng(request: FrontierPreviewRequest): Promise<Uint8Array<ArrayBuffer>> {
  return (await frontierPreviewImage(request)).png;
}

/** The preview as a PNG and as its RGBA pixels (row by row, PREVIEW_SIZE), which a test reads. */
export async function frontierPreviewImage({
  data,
  view,
  markers,
}: FrontierPreviewRequest): Promise<{ png: Uint8Array<ArrayBuffer>; pixels: Uint8Array }> {
  const { points, trained = [] } = data.slices[view.difficulty];
  const x = getMetric(isMetricId(view.x) ? view.x : "correctness");
  const y = getMetric(isMetricId(view.y) ? view.y : "efficiency");
  const layout = layoutFrontier({
    points,
    trained,
    x,
    y,
    xLog: view.xLog,
    yLog: view.yLog,
    ci: false,
    includeCollapsed: view.includeCollapsed,
    zoom: null,
    width: PREVIEW_CHART.width,
    height: PREVIEW_CHART.height,
    type: PREVIEW_TYPE,
  });
  const estimators = createMetricEstimators(points);
  const shapes = markers.flatMap(
    (alpha) => frontierMarker(layout, readoutAt(estimators, alpha), { x: x.id, y: y.id }) ?? [],
  );
  const slice = view.difficulty === "all" ? "all problems" : `${view.difficulty} problems`;
  const subtitle = `α = ${markers.map(formatAlpha).join(", ")} · ${slice}`;
  font ??= readFile(FONT_FILE);
  resvgReady ??= readFile(RESVG_WASM).then((wasm) => initWasm(wasm));
  // satori, not next/og's ImageResponse: the latter fixes its own loadAdditionalAsset, which
  // fetches missing glyphs and emoji from the internet.
  const svg = await satori(
    <FrontierPreview
      layout={layout}
      x={x}
      y={y}
      markers={shapes}
      title={data.experiment.name}
      subtitle={subtitle}
      headline={markers.length === 1 ? headlineAt(points, markers[0], view.difficulty) : null}
      footnote={`alphascope · ${data.experiment.name} · data version ${data.version} · ${formatTimestamp(data.experiment.updatedAt)}`}
    />,
    {
      ...PREVIEW_SIZE,
      fonts: [{ name: "DejaVu Sans", data: await font, weight: 400, style: "normal" }],
      loadAdditionalAsset: loadShippedAsset,
    },
  );
  await resvgReady;
  const resvg = new Resvg(svg, { fitTo: { mode: "width", value: PREVIEW_SIZE.width } });
  const rendered = resvg.render();
  const png = new Uint8Array(rendered.asPng());
  const pixels = new Uint8Array(rendered.pixels);
  rendered.free();
  resvg.free();
  return { png, pixels };
}
