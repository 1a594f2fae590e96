import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import ts from "typescript";

/** One import of a file: what it wrote, and the repository file that resolved to (null for a package). */
export interface ImportEdge {
  from: string;
  specifier: string;
  to: string | null;
}

const SOURCE_FILE = /\.(?:ts|tsx|mts|cts|js|jsx|mjs|cjs)$/;

/**
 * Every module specifier a file names, parsed with the TypeScript compiler: `import` and
 * `import type`, `export … from` (including `export * as`), `import x = require()`, dynamic
 * `import()`, `require()` and type-level `import("…")`. Type-only imports count: they tie files
 * together as much as value imports do.
 */
export function moduleSpecifiers(fileName: string, text: string): string[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, false);
  const found: string[] = [];
  const add = (node: ts.Node | undefined) => {
    if (node && ts.isStringLiteralLike(node)) found.push(node.text);
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) add(node.moduleSpecifier);
    else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference))
      add(node.moduleReference.expression);
    else if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const isImport = callee.kind === ts.SyntaxKind.ImportKeyword;
      const isRequire = ts.isIdentifier(callee) && callee.text === "require";
      if (isImport || isRequire) add(node.arguments[0]);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) add(node.argument.literal);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function listFiles(root: string, relative: string, skip: ReadonlySet<string>, out: string[]): void {
  const full = path.join(root, relative);
  if (!existsSync(full) || skip.has(relative)) return;
  if (!statSync(full).isDirectory()) {
    if (SOURCE_FILE.test(relative)) out.push(relative);
    return;
  }
  for (const entry of readdirSync(full).sort()) {
    if (entry === "node_modules" || entry.startsWith(".")) continue;
    listFiles(root, path.posix.join(relative, entry), skip, out);
  }
}

/** The compiler options of `root/tsconfig.json`, which say how specifiers resolve. */
function compilerOptions(root: string): ts.CompilerOptions {
  const { config } = ts.readConfigFile(path.join(root, "tsconfig.json"), ts.sys.readFile);
  return ts.parseJsonConfigFileContent(config, ts.sys, root).options;
}

/**
 * The imports of every source file under `roots` (folders or single files, relative to `root`),
 * resolved the way the compiler resolves them (tsconfig `paths` such as `@/`, extensions, index
 * files). Paths are relative to `root` with forward slashes. A relative or aliased specifier the
 * compiler cannot resolve (a stylesheet, say) resolves to the path it names: what counts for the
 * layers is where an import points.
 */
export function importGraph(
  root: string,
  roots: readonly string[],
  skip: readonly string[] = [],
): ImportEdge[] {
  const files: string[] = [];
  for (const start of roots) listFiles(root, start, new Set(skip), files);
  const options = compilerOptions(root);
  const aliases = Object.entries(options.paths ?? {});
  const relative = (file: string) => path.relative(root, file).split(path.sep).join("/");
  const edges: ImportEdge[] = [];
  for (const from of files) {
    const absolute = path.join(root, from);
    for (const specifier of moduleSpecifiers(from, readFileSync(absolute, "utf8"))) {
      const resolved = ts.resolveModuleName(specifier, absolute, options, ts.sys).resolvedModule;
      if (resolved && !resolved.isExternalLibraryImport) {
        edges.push({ from, specifier, to: relative(resolved.resolvedFileName) });
        continue;
      }
      const local = localTarget(specifier, absolute, root, aliases);
      edges.push({ from, specifier, to: local === null ? null : relative(local) });
    }
  }
  return edges;
}

/** The path a relative or `paths`-aliased specifier names, or null for a package. */
function localTarget(
  specifier: string,
  importer: string,
  root: string,
  aliases: [string, string[]][],
): string | null {
  if (specifier.startsWith(".")) return path.resolve(path.dirname(importer), specifier);
  for (const [pattern, [target]] of aliases) {
    const prefix = pattern.replace(/\*$/, "");
    if (target && specifier.startsWith(prefix)) {
      return path.resolve(root, target.replace(/\*$/, "") + specifier.slice(prefix.length));
    }
  }
  return null;
}
