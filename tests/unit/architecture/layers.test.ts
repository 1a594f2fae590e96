import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { type ImportEdge, importGraph } from "./importGraph";
import { importCycles, layerViolations, moduleOf } from "./layers";
import { ENTITY_MODULES, HEAVY_SQL_MODULES, MIN_HEAVY_MODULE_LINES } from "./queryModules";

const ROOT = fileURLToPath(new URL("../../..", import.meta.url));
/** The application's code; the generated Prisma client is Prisma's, not ours. */
const CODE = ["lib", "app", "components", "scripts", "proxy.ts", "next.config.ts"];
const GENERATED = ["lib/db/generated"];

const edge = (from: string, to: string | null, specifier = to ?? "pkg"): ImportEdge => ({
  from,
  specifier,
  to,
});

describe("the repository", () => {
  const graph = importGraph(ROOT, CODE, GENERATED);

  it("reads the imports of every part of the code", () => {
    const modules = new Set(graph.map((e) => moduleOf(e.from)));
    for (const module of ["lib/domain", "lib/science", "lib/server", "components", "app", "scripts"])
      expect(modules).toContain(module);
    expect(graph).toContainEqual(
      edge("scripts/worker.ts", "lib/server/statistics/worker.ts", "../lib/server/statistics/worker"),
    );
  });

  it("imports only down the layers", () => {
    expect(layerViolations(graph)).toEqual([]);
  });

  it("has no import cycle, type-only imports included", () => {
    expect(importCycles(graph).map((cycle) => cycle.join(" → "))).toEqual([]);
  });

  it("lets pages read only through lib/server, never lib/db", () => {
    const pageImports = graph.filter(
      (e) => e.from.startsWith("app/") && !e.from.startsWith("app/api/") && e.to?.startsWith("lib/db/"),
    );
    expect(pageImports.map((e) => `${e.from} imports ${e.to}`)).toEqual([]);
  });

  it("keeps database access in one module per entity, heavy SQL apart only with a reason and some weight", () => {
    const dir = path.join(ROOT, "lib/db/queries");
    const problems: string[] = [];
    for (const file of readdirSync(dir)) {
      const lines = readFileSync(path.join(dir, file), "utf8")
        .split("\n")
        .filter((line) => line.trim()).length;
      if (file in ENTITY_MODULES) continue;
      if (!(file in HEAVY_SQL_MODULES))
        problems.push(`lib/db/queries/${file}: put it in its entity's module, or list it in queryModules.ts`);
      else if (lines < MIN_HEAVY_MODULE_LINES)
        problems.push(
          `lib/db/queries/${file}: ${lines} lines is too small to stand apart; join its entity's module`,
        );
    }
    const listed = [...Object.keys(ENTITY_MODULES), ...Object.keys(HEAVY_SQL_MODULES)];
    for (const file of listed) if (!existsSync(path.join(dir, file))) problems.push(`stale entry: ${file}`);
    expect(problems).toEqual([]);
  });
});

describe("layerViolations", () => {
  it("accepts imports down the layers, inside a module and of packages", () => {
    const edges = [
      edge("lib/contracts/types.ts", "lib/science/metrics.ts"),
      edge("lib/science/metrics.ts", "lib/science/passAtK.ts"),
      edge("lib/import/write.ts", "lib/db/client.ts"),
      edge("app/page.tsx", "components/common/StatusPanel.tsx"),
      edge("scripts/alphascope.mjs", "lib/cli/bin.ts"),
      edge("lib/science/bootstrap.ts", null, "d3"),
    ];
    expect(layerViolations(edges, [])).toEqual([]);
  });

  it("names the file, the import and the rule of an upward import", () => {
    const upward = {
      from: "lib/science/metrics.ts",
      specifier: "../contracts/types",
      to: "lib/contracts/types.ts",
    };
    expect(layerViolations([upward], [])).toEqual([
      'lib/science/metrics.ts imports lib/contracts/types.ts ("../contracts/types"): lib/science (layer 2) may not ' +
        "import lib/contracts (layer 3): imports only point down",
    ]);
    expect(layerViolations([edge("lib/db/queries/x.ts", "lib/import/summary.ts")], [])).toHaveLength(1);
    expect(
      layerViolations([edge("lib/charts/frontierLayout.ts", "lib/views/viewState.ts")], []),
    ).toHaveLength(1);
    expect(layerViolations([edge("components/a.tsx", "app/page.tsx")], [])).toHaveLength(1);
  });

  it("refuses imports between siblings of one layer", () => {
    expect(layerViolations([edge("lib/formats/parseImport.ts", "lib/demo/generate.ts")], [])).toEqual([
      'lib/formats/parseImport.ts imports lib/demo/generate.ts ("lib/demo/generate.ts"): lib/formats ' +
        "and lib/demo are siblings in one layer: neither may import the other",
    ]);
    expect(layerViolations([edge("lib/cli/main.ts", "components/x.tsx")], [])).toHaveLength(1);
  });

  it("refuses imports of tests/ and files outside every layer", () => {
    expect(layerViolations([edge("scripts/bench-ui.ts", "tests/support/server.ts")], [])).toEqual([
      'scripts/bench-ui.ts imports tests/support/server.ts ("tests/support/server.ts"): tests/support/server.ts ' +
        "is in no layer, and code may only import code of the layers",
    ]);
    expect(layerViolations([edge("lib/helpers.ts", "lib/domain/alpha.ts")], [])).toEqual([
      "lib/helpers.ts is in no layer: move it into one of the folders of LAYERS",
    ]);
  });

  it("counts proxy.ts as app", () => {
    expect(layerViolations([edge("proxy.ts", "lib/server/db.ts")], [])).toEqual([]);
    expect(layerViolations([edge("lib/server/db.ts", "proxy.ts")], [])).toHaveLength(1);
  });

  it("lets an allowed exception through and reports one that no longer occurs", () => {
    const allowed = [
      { from: "scripts/bench-ui.ts", to: "tests/support/server.ts", why: "moving" },
      { from: "scripts/bench-import.ts", to: "tests/support/freePort.ts", why: "moving" },
    ];
    expect(layerViolations([edge("scripts/bench-ui.ts", "tests/support/server.ts")], allowed)).toEqual([
      "stale exception: scripts/bench-import.ts no longer imports tests/support/freePort.ts; delete it",
    ]);
    expect(layerViolations([edge("scripts/bench-ui.ts", "tests/support/chromium.ts")], allowed)).toHaveLength(
      3,
    );
  });
});

describe("importCycles", () => {
  it("finds a cycle, type-only links included, and prints it closed", () => {
    const edges = [
      edge("lib/import/plan.ts", "lib/import/prepareFile.ts"),
      edge("lib/import/prepareFile.ts", "lib/import/manifestImport.ts"),
      edge("lib/import/manifestImport.ts", "lib/import/plan.ts"),
      edge("lib/import/runImport.ts", "lib/import/plan.ts"),
      edge("lib/import/plan.ts", null, "zod"),
    ];
    expect(importCycles(edges)).toEqual([
      [
        "lib/import/manifestImport.ts",
        "lib/import/plan.ts",
        "lib/import/prepareFile.ts",
        "lib/import/manifestImport.ts",
      ],
    ]);
  });

  it("finds a file importing itself and nothing in a tree", () => {
    expect(importCycles([edge("lib/a.ts", "lib/a.ts")])).toEqual([["lib/a.ts", "lib/a.ts"]]);
    expect(importCycles([edge("a.ts", "b.ts"), edge("a.ts", "c.ts"), edge("b.ts", "c.ts")])).toEqual([]);
  });
});

describe("importGraph", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "alphascope-layers-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  };
  write(
    "tsconfig.json",
    JSON.stringify({ compilerOptions: { moduleResolution: "bundler", paths: { "@/*": ["./*"] } } }),
  );
  write("lib/domain/alpha.ts", "export type Alpha = number;\n");
  write("lib/contracts/types.ts", 'export const A = 1;\nexport * as all from "../domain/alpha";\n');
  write("lib/contracts/index.ts", "export {};\n");
  write("components/Page.module.css", ".page {}\n");
  write(
    "lib/science/metrics.ts",
    [
      'import type { Alpha } from "@/lib/domain/alpha";',
      'export { A } from "../contracts/types";',
      'const lazy = () => import("../contracts");',
      'type T = import("../contracts/types").All;',
      'import d3 from "d3";',
    ].join("\n"),
  );
  write("components/Page.tsx", 'import styles from "./Page.module.css";\nexport default styles;\n');

  it("resolves type imports, re-exports, dynamic and type-level imports, aliases and stylesheets", () => {
    const graph = importGraph(dir, ["lib", "components"]);
    expect(graph).toEqual(
      expect.arrayContaining([
        edge("lib/contracts/types.ts", "lib/domain/alpha.ts", "../domain/alpha"),
        edge("lib/science/metrics.ts", "lib/domain/alpha.ts", "@/lib/domain/alpha"),
        edge("lib/science/metrics.ts", "lib/contracts/types.ts", "../contracts/types"),
        edge("lib/science/metrics.ts", "lib/contracts/index.ts", "../contracts"),
        edge("lib/science/metrics.ts", null, "d3"),
        edge("components/Page.tsx", "components/Page.module.css", "./Page.module.css"),
      ]),
    );
    expect(graph.filter((e) => e.from === "lib/science/metrics.ts")).toHaveLength(5);
  });

  it("makes the check fail when a file of the tree imports upward", () => {
    const violations = layerViolations(importGraph(dir, ["lib", "components"]), []);
    expect(violations).toEqual([
      'lib/science/metrics.ts imports lib/contracts/types.ts ("../contracts/types"): lib/science (layer 2) may not import ' +
        "lib/contracts (layer 3): imports only point down",
      'lib/science/metrics.ts imports lib/contracts/index.ts ("../contracts"): lib/science (layer 2) may not import ' +
        "lib/contracts (layer 3): imports only point down",
      'lib/science/metrics.ts imports lib/contracts/types.ts ("../contracts/types"): lib/science (layer 2) may not import ' +
        "lib/contracts (layer 3): imports only point down",
    ]);
  });
});
