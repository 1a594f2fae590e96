import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../../..", import.meta.url));
const CODE = ["app", "components", "lib"];
const STYLED = /\.(?:ts|tsx|css)$/;
const HEX_COLOUR = /#[0-9a-fA-F]{3}(?:[0-9a-fA-F]{3}(?:[0-9a-fA-F]{2})?)?\b/g;

/**
 * Colours that may be written where they are used: the palette itself, and the header bar, which is
 * dark in both schemes (its text, links and the brand mark's gradient).
 */
const ALLOWED: Readonly<Record<string, readonly string[]>> = {
  "lib/charts/palette.ts": ["*"],
  "app/globals.css": ["#161b26", "#fff", "#d7dce5", "#d66b0f", "#6b58a6"],
};

function files(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir)).flatMap((name) => {
    const relative = `${dir}/${name}`;
    if (relative === "lib/db/generated") return [];
    return statSync(path.join(ROOT, relative)).isDirectory() ? files(relative) : [relative];
  });
}

describe("colours", () => {
  it("are written only in the palette (lib/charts/palette.ts), so both schemes have every one", () => {
    const stray = CODE.flatMap(files)
      .filter((file) => STYLED.test(file) && !ALLOWED[file]?.includes("*"))
      .flatMap((file) =>
        [...readFileSync(path.join(ROOT, file), "utf8").matchAll(HEX_COLOUR)]
          .map((match) => match[0])
          .filter((colour) => !ALLOWED[file]?.includes(colour))
          .map((colour) => `${file}: ${colour}`),
      );
    expect(stray).toEqual([]);
  });
});
