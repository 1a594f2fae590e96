import type { FrontierData } from "../contracts/types";
import { describeAlpha, formatAlpha } from "../domain/alpha";
import type { DifficultySlice } from "../domain/difficulty";
import { type Headline, headlinePhrase } from "../responses/headline";
import { formatAlphaRange } from "./format";
import { headlineAt } from "./headlineAt";

/** What a page says about itself: the browser tab, and a link preview (og:title, og:description). */
export interface PreviewText {
  /** The document title, before the app's " · alphascope". */
  documentTitle: string;
  title: string;
  description: string;
}

/** The explorer's document title: the experiment and α. */
export function explorerDocumentTitle(experiment: string, alpha: number): string {
  return `${experiment} · α = ${formatAlpha(alpha)}`;
}

/** The scaling page's document title: the experiment and the ensemble's α. */
export function scalingDocumentTitle(experiment: string, members: readonly number[]): string {
  return `Inference-time scaling · ${experiment} · α ${members.map(formatAlpha).join(", ")}`;
}

/** The app's suffix of every document title (app/layout.tsx's title template). */
export const TITLE_SUFFIX = " · alphascope";

function sliceName(difficulty: DifficultySlice): string {
  return difficulty === "all" ? "all problems" : `${difficulty} problems`;
}

function headlineSentence(headline: Headline): string {
  const slice = sliceName(headline.difficulty);
  if (headline.status === "none")
    return `α = ${formatAlpha(headline.alpha)} lies outside the evaluated range (no estimate).`;
  const how = headline.status === "measured" ? "Measured" : "Estimated (not evaluated)";
  return `${how} on ${slice}: ${headlinePhrase(headline)}.`;
}

function experimentSentence(data: FrontierData): string {
  const alphas = data.slices.all.points.map((point) => point.alpha);
  const range = formatAlphaRange(alphas[0] ?? null, alphas[alphas.length - 1] ?? null);
  const synthetic = data.experiment.synthetic ? " Synthetic demo data." : "";
  return `${data.experiment.benchmark}, ${alphas.length} evaluated α (${range}).${synthetic}`;
}

/** The explorer at one α and difficulty: its numbers there, measured or estimated. */
export function explorerPreviewText(
  data: FrontierData,
  view: { alpha: number; difficulty: DifficultySlice },
): PreviewText {
  const { name } = data.experiment;
  const alpha = `α = ${formatAlpha(view.alpha)}`;
  const headline = headlineAt(data.slices[view.difficulty].points, view.alpha, view.difficulty);
  return {
    documentTitle: explorerDocumentTitle(name, view.alpha),
    title: `${name} · ${alpha} (${describeAlpha(view.alpha)}) · ${sliceName(view.difficulty)}`,
    description: `${headlineSentence(headline)} ${experimentSentence(data)}`,
  };
}

/** The scaling page with an ensemble of members: each member's solve rate on the difficulty. */
export function scalingPreviewText(
  data: FrontierData,
  view: { members: readonly number[]; difficulty: DifficultySlice },
): PreviewText {
  const { name } = data.experiment;
  const members = view.members.map(formatAlpha).join(", ");
  const points = data.slices[view.difficulty].points;
  const rates = view.members.flatMap((alpha) => {
    const solve = headlineAt(points, alpha, view.difficulty).values.find((entry) => entry.id === "solveRate");
    return solve ? [`α = ${formatAlpha(alpha)} ${solve.text}`] : [];
  });
  return {
    documentTitle: scalingDocumentTitle(name, view.members),
    title: `${name} · inference-time scaling · ensemble of α = ${members} · ${sliceName(view.difficulty)}`,
    description: `Solve rate (pass@1) on ${sliceName(view.difficulty)}: ${rates.join("; ")}. ${experimentSentence(data)}`,
  };
}
