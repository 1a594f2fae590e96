import { execFile } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import { GET as GET_OPENAPI } from "../../../../app/api/openapi.json/route";
import { openApiDocument, ROUTE_SPECS } from "../../../../lib/server/openapi/document";

const ROOT = join(import.meta.dirname, "../../../..");
const API_DIR = join(ROOT, "app/api");
const PACKAGE_JSON = join(ROOT, "package.json");
const run = promisify(execFile);

/** Every route.ts under app/api, as the OpenAPI path it serves (`[slug]` → `{slug}`). */
function routeFiles(): { file: string; path: string }[] {
  return readdirSync(API_DIR, { recursive: true, encoding: "utf8" })
    .filter((file) => file.split(/[\\/]/).pop() === "route.ts")
    .map((file) => {
      const dir = file.split(/[\\/]/).slice(0, -1);
      return {
        file,
        path: `/api/${dir.map((part) => part.replace(/^\[(.+)\]$/, "{$1}")).join("/")}`.replace(/\/$/, ""),
      };
    });
}

/** The methods a route serves: those its refuseOtherMethods([...]) allows (every route refuses the rest). */
function servedMethods(file: string): string[] {
  const source = readFileSync(join(API_DIR, file), "utf8");
  const allowed = /refuseOtherMethods\(\[([^\]]*)\]\)/.exec(source);
  if (!allowed) throw new Error(`${file} does not say which methods it serves (refuseOtherMethods)`);
  return [...allowed[1].matchAll(/"([A-Z]+)"/g)].map((match) => match[1].toLowerCase()).sort();
}

describe("the OpenAPI document", () => {
  const document = openApiDocument();

  it("has an entry for every route under app/api, and none for a route that does not exist", () => {
    const files = routeFiles();
    expect(files.length).toBeGreaterThanOrEqual(9);
    const missing = files.filter(({ path }) => !document.paths?.[path]).map(({ file }) => file);
    expect(missing, "route.ts files without an entry in lib/server/openapi/document.ts ROUTE_SPECS").toEqual(
      [],
    );
    expect(Object.keys(document.paths ?? {}).sort()).toEqual(files.map(({ path }) => path).sort());
  });

  it("documents exactly the methods each route serves", () => {
    for (const { file, path } of routeFiles()) {
      const documented = Object.keys(document.paths?.[path] ?? {}).sort();
      expect(documented, file).toEqual(servedMethods(file));
    }
  });

  it("is a valid OpenAPI 3.1 document", async () => {
    const validator = new Validator();
    const result = await validator.validate(JSON.parse(JSON.stringify(document)));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");
    // A hang guard only: compiling the OpenAPI meta-schema takes seconds on a busy machine.
  }, 60_000);

  it("gives every operation an id, its errors in the one error shape, and each path parameter a parameter", () => {
    const ids = new Set<string>();
    let operations = 0;
    for (const [path, item] of Object.entries(document.paths ?? {})) {
      for (const [method, operation] of Object.entries(item ?? {})) {
        const op = operation as {
          operationId?: string;
          responses: Record<string, { content?: Record<string, { schema: unknown }> }>;
          parameters?: { name: string; in: string }[];
        };
        operations += 1;
        expect(op.operationId, `${method} ${path}`).toBeTruthy();
        ids.add(op.operationId as string);
        for (const [status, response] of Object.entries(op.responses)) {
          if (Number(status) >= 400 && !path.endsWith("/health"))
            expect(response.content?.["application/json"].schema, `${method} ${path} ${status}`).toEqual({
              $ref: "#/components/schemas/ApiError",
            });
        }
        for (const [, name] of path.matchAll(/\{(\w+)\}/g))
          expect(
            op.parameters?.some((p) => p.in === "path" && p.name === name),
            `${method} ${path} {${name}}`,
          ).toBe(true);
      }
    }
    expect(ids.size, "operation ids are unique").toBe(operations);
  });
});

describe("the served document, as other tools read it", () => {
  const document = openApiDocument();

  it("says who may call every operation: [] for open reads; every other operation declares its own", () => {
    for (const [path, item] of Object.entries(document.paths ?? {}))
      for (const [method, operation] of Object.entries(item ?? {}) as [string, { security?: unknown }][]) {
        expect(operation.security, `${method} ${path}`).toBeDefined();
      }
    for (const spec of ROUTE_SPECS)
      for (const [method, operation] of Object.entries(spec.operations))
        if (method !== "get") expect(operation?.security, `${method} ${spec.path} declares it`).toBeDefined();
    expect(document.servers).toEqual([{ url: "/", description: expect.any(String) }]);
    expect(document.info.license?.name).toBe(JSON.parse(readFileSync(PACKAGE_JSON, "utf8")).license);
  });

  it("writes fixed-length arrays without prefixItems, which OpenAPI 3.0-era tools misread", () => {
    const text = JSON.stringify(document);
    expect(text).not.toContain("prefixItems");
    expect(text).not.toContain('"items":false');
  });

  it("passes Redocly's recommended rules with no error and no warning beyond those kept with a reason", async () => {
    const response = GET_OPENAPI();
    mkdirSync(join(ROOT, "test-results"), { recursive: true });
    writeFileSync(join(ROOT, "test-results/openapi.json"), await response.text());
    const { stdout } = await run(
      join(ROOT, "node_modules/.bin/redocly"),
      ["lint", "test-results/openapi.json", "--format=json"],
      {
        cwd: ROOT,
        env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" },
      },
    );
    const report = JSON.parse(stdout) as {
      totals: Record<string, number>;
      problems: { ruleId: string; message: string }[];
    };
    expect(report.problems.map((problem) => `${problem.ruleId}: ${problem.message}`)).toEqual([]);
    expect(report.totals).toEqual({ errors: 0, warnings: 0, ignored: 7 });
  }, 60_000);
});
