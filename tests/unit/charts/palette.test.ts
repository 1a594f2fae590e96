import { describe, expect, it } from "vitest";
import { alphaColor } from "@/lib/charts/alphaColor";
import { contrastRatio } from "@/lib/charts/contrast";
import {
  ALPHA_STOPS,
  type ColorScheme,
  PALETTE,
  type PaletteColor,
  paletteCss,
  paletteVar,
  readableInk,
  SERIES_COLORS,
  schemeColors,
} from "@/lib/charts/palette";

const SCHEMES: ColorScheme[] = ["light", "dark"];
const SURFACES: PaletteColor[] = ["surface", "bg", "surface-sunken"];

/** Each pair's contrast in a scheme, for a readable failure message. */
function contrasts(scheme: ColorScheme, pairs: [PaletteColor, PaletteColor][]) {
  const colors = schemeColors(scheme);
  return pairs.map(([fg, bg]) => ({ pair: `${fg} on ${bg}`, ratio: contrastRatio(colors[fg], colors[bg]) }));
}

const below = (minimum: number) => (results: { pair: string; ratio: number }[]) =>
  results.filter((r) => r.ratio < minimum).map((r) => `${r.pair}: ${r.ratio.toFixed(2)}`);

describe("the palette in both schemes", () => {
  it.each(SCHEMES)("keeps text at 4.5:1 or more on what it is written on (%s)", (scheme) => {
    const onSurfaces = (
      [
        "text",
        "text-muted",
        "accent",
        "positive",
        "negative",
        "estimate",
        "collapsed",
        "chart-frontier",
      ] as const
    ).flatMap((fg) => SURFACES.map((bg): [PaletteColor, PaletteColor] => [fg, bg]));
    const onTints: [PaletteColor, PaletteColor][] = [
      ["warning-text", "warning-bg"],
      ["estimate", "estimate-bg"],
      ["collapsed", "collapsed-bg"],
      ["positive", "positive-bg"],
      ["accent", "accent-soft"],
      ["text", "accent-soft"],
      ["text-muted", "danger-bg"],
      ["on-accent", "accent"],
      ["on-accent", "accent-strong"],
      ["on-accent-muted", "accent"],
    ];
    expect(below(4.5)(contrasts(scheme, [...onSurfaces, ...onTints]))).toEqual([]);
  });

  it.each(SCHEMES)("keeps chart marks at 3:1 or more on the chart's surface (%s)", (scheme) => {
    const marks = [
      "text",
      "chart-axis",
      "chart-path",
      "chart-frontier",
      "chart-neutral",
      "focus",
      "slice-medium",
      "slice-hard",
      ...SERIES_COLORS,
    ] as const;
    expect(
      below(3)(
        contrasts(
          scheme,
          marks.map((mark) => [mark, "surface"]),
        ),
      ),
    ).toEqual([]);
  });

  it("gives each scheme its own page colours, so dark is not light", () => {
    const [light, dark] = [schemeColors("light"), schemeColors("dark")];
    expect(contrastRatio(light.text, light.surface)).toBeGreaterThan(10);
    expect(contrastRatio(dark.text, dark.surface)).toBeGreaterThan(10);
    expect(contrastRatio(light.surface, dark.surface)).toBeGreaterThan(10);
  });

  it("puts every colour on :root as a variable, a light-dark() pair where the schemes differ", () => {
    const css = paletteCss();
    expect(css).toMatch(/^:root\{.*\}$/);
    const declarations = css.slice(":root{".length, -1).split(";");
    expect(declarations).toEqual(
      Object.entries(PALETTE).map(([name, { light, dark }]) =>
        light === dark ? `--${name}:${light}` : `--${name}:light-dark(${light},${dark})`,
      ),
    );
    expect(paletteVar("chart-axis")).toBe("var(--chart-axis)");
  });
});

describe("the α scale", () => {
  it.each(SCHEMES)(
    "keeps every stop at 3:1 or more on the %s surfaces (WCAG non-text contrast)",
    (scheme) => {
      const colors = schemeColors(scheme);
      for (const stop of ALPHA_STOPS) {
        for (const surface of SURFACES)
          expect(contrastRatio(stop, colors[surface])).toBeGreaterThanOrEqual(3);
      }
    },
  );

  it("keeps every α between the stops readable on both surfaces too", () => {
    for (let alpha = -1; alpha <= 2; alpha += 1 / 32) {
      for (const scheme of SCHEMES) {
        expect(contrastRatio(alphaColor(alpha, -1, 2), schemeColors(scheme).surface)).toBeGreaterThanOrEqual(
          3,
        );
      }
    }
  });

  it("labels a chip filled with any α colour in black or white at 4.5:1 or more", () => {
    for (let alpha = -1; alpha <= 2; alpha += 1 / 32) {
      const fill = alphaColor(alpha, -1, 2);
      expect(contrastRatio(readableInk(fill), fill)).toBeGreaterThanOrEqual(4.5);
    }
  });
});
