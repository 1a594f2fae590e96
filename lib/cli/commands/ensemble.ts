import { ENSEMBLE_SEARCH_DEFAULTS } from "../../contracts/ensembleSearchLimits";
import { parseMemberList } from "../../contracts/scalingSchemas";
import type { EnsembleEvaluation, EnsembleSearchSummary } from "../../contracts/scalingTypes";
import { formatAlpha } from "../../domain/alpha";
import { DIFFICULTY_SLICES, type DifficultySlice } from "../../domain/difficulty";
import { getEnsembleEvaluation, getEnsembleSearch } from "../../server/ensembles";
import { BadRequestError } from "../../server/errors";
import { parseCommandArgs, slugArgument } from "../args";
import { type CliIO, UsageError, withDatabase } from "../context";
import { percent, renderTable } from "../table";

const USAGE_LINE =
  "Usage: alphascope ensemble <slug> --members -0.75:84,0.5:83,1.5:83 [--difficulty hard] [--json]\n" +
  "       alphascope ensemble <slug> --search --budget 250 [--max-members 3] [--difficulty hard] [--json]";

/** A gain (a difference of shares) in points with its sign, e.g. "+3.2". */
function points(gain: number | null): string {
  if (gain === null || Number.isNaN(gain)) return "—";
  const value = (gain * 100).toFixed(1);
  return gain >= 0 ? `+${value}` : value.replace("-", "−");
}

function positiveInteger(text: string | undefined, flag: string): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1)
    throw new UsageError(`${flag} must be a positive integer, got "${text}".`);
  return value;
}

function difficultyOf(text: string): DifficultySlice {
  if (!(DIFFICULTY_SLICES as readonly string[]).includes(text)) {
    throw new UsageError(`--difficulty must be one of ${DIFFICULTY_SLICES.join(", ")}, got "${text}".`);
  }
  return text as DifficultySlice;
}

function sliceName(difficulty: DifficultySlice): string {
  return difficulty === "all" ? "all problems" : `${difficulty} problems`;
}

function printEvaluation(io: CliIO, result: EnsembleEvaluation): void {
  const members = result.members.map((m) => `${formatAlpha(m.alpha)} (${m.samples})`).join(", ");
  const k = result.budget;
  io.out(
    `Ensemble of α ${members} on ${sliceName(result.difficulty)} (${result.problems}), budget K = ${k}\n`,
  );
  io.out(
    renderTable(
      ["", `pass@${k}`],
      [
        ["ensemble", percent(result.passAtK)],
        [`best single (α = ${formatAlpha(result.bestSingle.alpha)})`, percent(result.bestSingle.passAtK)],
      ],
    ),
  );
  const [lo, hi] = result.gainCI;
  const level = Math.round(result.bootstrap.level * 100);
  io.out(
    `\ngain: ${points(result.gain)} points (${level}% CI ${points(lo)} … ${points(hi)}, bootstrap over problems)`,
  );
  io.out(
    `solved only by the ensemble: ${result.solvedOnlyByEnsemble}; only by the best single: ` +
      `${result.solvedOnlyByBestSingle} (solved = pass@${k} ≥ ${percent(result.solvedThreshold)})\n`,
  );
  io.out(
    renderTable(
      ["member α", "kind", "samples", "pass@k alone"],
      result.members.map((m) => [formatAlpha(m.alpha), m.kind, m.samples, percent(m.passAtK)]),
    ),
  );
}

function printSearch(io: CliIO, result: EnsembleSearchSummary): void {
  io.out(
    `Best ensembles of up to ${result.maxMembers} checkpoints at K = ${result.budget} on ${sliceName(result.difficulty)}`,
  );
  io.out(`${result.approximation}\n`);
  const single = result.bestSingle;
  if (single)
    io.out(
      `best single: α = ${formatAlpha(single.alpha)}, pass@${result.budget} ${percent(single.passAtK)}\n`,
    );
  io.out(
    renderTable(
      ["rank", "members α:samples", `pass@${result.budget}`, "gain (points)"],
      result.ensembles.map((e, i) => [
        i + 1,
        e.members.map((m) => `${formatAlpha(m.alpha)}:${m.samples}`).join(","),
        percent(e.passAtK),
        points(e.gain),
      ]),
    ),
  );
  const adjusted = result.adjustedGainCI;
  const level = Math.round(result.bootstrap.level * 100);
  if (adjusted)
    io.out(
      adjusted.pickedEnsemble
        ? `\nwinner's gain, selection-adjusted ${level}% CI (${adjusted.method}): ${points(adjusted.lower)} … ${points(adjusted.upper)}\n${adjusted.explanation}`
        : `\nselection-adjusted (${adjusted.method}): no ensemble picked, so no gain interval\n${adjusted.explanation}`,
    );
  if (result.gainCI)
    io.out(
      `winner's gain, raw ${level}% CI (ignores the selection): ${points(result.gainCI[0])} … ${points(result.gainCI[1])}`,
    );
}

/**
 * `alphascope ensemble <slug> --members … | --search …`: the same evaluation as
 * POST /api/experiments/<slug>/ensembles (with --json, the same document), or the top ensembles
 * of the equal-split search (with --json, what POST …/ensembles/search answers for the top 5).
 */
export async function ensembleCommand(io: CliIO, args: string[]): Promise<number> {
  const { positionals, values } = parseCommandArgs(
    args,
    {
      members: { type: "string" },
      search: { type: "boolean", default: false },
      budget: { type: "string" },
      "max-members": { type: "string" },
      difficulty: { type: "string", default: "all" },
      json: { type: "boolean", default: false },
    },
    { allowPositionals: true },
  );
  if (positionals.length !== 1 || values.search === (values.members !== undefined))
    throw new UsageError(USAGE_LINE);
  const slug = slugArgument(positionals[0]);
  const difficulty = difficultyOf(values.difficulty);
  const budget = positiveInteger(values.budget, "--budget");
  const maxMembers =
    positiveInteger(values["max-members"], "--max-members") ?? ENSEMBLE_SEARCH_DEFAULTS.maxMembers;

  const result = await withDatabase(async (db) => {
    try {
      if (values.search) {
        if (budget === undefined) throw new UsageError(`--search needs --budget.\n${USAGE_LINE}`);
        return await getEnsembleSearch(db, slug, {
          budget,
          maxMembers,
          difficulty,
          top: ENSEMBLE_SEARCH_DEFAULTS.top,
        });
      }
      const parsed = parseMemberList(values.members ?? "");
      if ("error" in parsed) throw new UsageError(`--members: ${parsed.error}.`);
      return await getEnsembleEvaluation(db, slug, { members: parsed.members, difficulty, budget });
    } catch (error) {
      // The API's 400s are the user's mistakes here too: print the same sentence, no stack trace.
      if (error instanceof BadRequestError) throw new UsageError(error.message);
      throw error;
    }
  });
  if (!result) throw new UsageError(`No experiment "${slug}". List them with \`alphascope experiments\`.`, 1);
  if (values.json) io.out(JSON.stringify(result, null, 2));
  else if ("ensembles" in result) printSearch(io, result);
  else printEvaluation(io, result);
  return 0;
}
