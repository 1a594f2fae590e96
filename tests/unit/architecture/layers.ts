import type { ImportEdge } from "./importGraph";

/**
 * The layers of the code, bottom first. A file may import its own module and the modules of every
 * lower layer; never a module of a higher layer, nor a sibling in its own layer (siblings stay
 * independent of each other). Anything outside these modules (tests/ above all) is importable by
 * none of them. This table is the rule; README.md ("Project layout") describes it.
 */
export const LAYERS: readonly (readonly string[])[] = [
  ["lib/domain"], // the vocabulary: α, difficulty, verdicts, settings, sweep shapes
  ["lib/science"], // pure statistics over a sweep, with its own result types (estimates, summaries)
  ["lib/contracts"], // what crosses the wire: request schemas, response types and schemas, limits
  ["lib/responses"], // pure builders of what the server answers: stored bodies, CSV, recipes
  // Pure chart geometry; its own layer because the views' URL state (lib/views) keeps a chart
  // zoom window (Zoom): the views build on the charts' vocabulary, never the reverse.
  ["lib/charts"],
  // Pure view state and what pages derive from it; file-format parsers; the demo generator.
  ["lib/views", "lib/formats", "lib/demo"],
  ["lib/db"], // Prisma, the embedded server, one query module per entity (see ENTITY_RULE)
  ["lib/import"], // the import pipeline: read, plan, write (the demo loads through it too)
  ["lib/server"], // services and HTTP handling shared by routes, pages and the CLI
  ["components", "lib/cli"], // what users see: React components and hooks, CLI commands
  ["app", "scripts"], // entry points: Next.js routes render components, scripts run the CLI
];

/** Files that sit outside their module's folder: Next.js wants these at the root. */
const FILES_IN_MODULE: Readonly<Record<string, string>> = {
  "proxy.ts": "app",
  "next.config.ts": "app",
};

/** An import the rules forbid that is let through for now, and why. */
export interface AllowedImport {
  from: string;
  to: string;
  why: string;
}

/** Known exceptions, each an exact (importer, imported file) pair with its reason: debts, not rules. */
export const ALLOWED_IMPORTS: readonly AllowedImport[] = [];

const MODULES = LAYERS.flat();

/** The module a repository path belongs to (the longest module folder containing it), or null. */
export function moduleOf(file: string): string | null {
  if (FILES_IN_MODULE[file]) return FILES_IN_MODULE[file];
  const owners = MODULES.filter((module) => file.startsWith(`${module}/`));
  return owners.sort((a, b) => b.length - a.length)[0] ?? null;
}

function layerOf(module: string): number {
  return LAYERS.findIndex((layer) => layer.includes(module));
}

/** Why an import of `to` by a file of module `source` breaks the layers, or null when it may stay. */
function brokenRule(source: string, to: string): string | null {
  const target = moduleOf(to);
  if (target === null) return `${to} is in no layer, and code may only import code of the layers`;
  if (source === target) return null;
  const [below, above] = [layerOf(target), layerOf(source)];
  if (below < above) return null;
  if (below === above)
    return `${source} and ${target} are siblings in one layer: neither may import the other`;
  return `${source} (layer ${above + 1}) may not import ${target} (layer ${below + 1}): imports only point down`;
}

/**
 * Every import that points up or sideways, or into or out of no layer, as one message naming the
 * file, the import and the rule; then every allowed exception that no longer occurs (stale).
 * Imports of packages (`to` null) are not the layers' business.
 */
export function layerViolations(
  edges: readonly ImportEdge[],
  allowed: readonly AllowedImport[] = ALLOWED_IMPORTS,
): string[] {
  const messages: string[] = [];
  const used = new Set<AllowedImport>();
  const sources = new Set(edges.map((edge) => edge.from));
  for (const file of sources) {
    if (moduleOf(file) === null)
      messages.push(`${file} is in no layer: move it into one of the folders of LAYERS`);
  }
  for (const { from, specifier, to } of edges) {
    const source = moduleOf(from);
    if (to === null || source === null) continue;
    const rule = brokenRule(source, to);
    if (rule === null) continue;
    const exception = allowed.find((entry) => entry.from === from && entry.to === to);
    if (exception) used.add(exception);
    else messages.push(`${from} imports ${to} ("${specifier}"): ${rule}`);
  }
  for (const entry of allowed) {
    if (!used.has(entry))
      messages.push(`stale exception: ${entry.from} no longer imports ${entry.to}; delete it`);
  }
  return messages;
}

/**
 * The import cycles among the files (type-only imports count), one per strongly connected
 * component, each as a closed path `[a, b, …, a]` (Tarjan's algorithm, then a path around it).
 */
export function importCycles(edges: readonly ImportEdge[]): string[][] {
  const next = new Map<string, string[]>();
  for (const { from, to } of edges) {
    if (to === null) continue;
    if (!next.has(from)) next.set(from, []);
    if (!next.has(to)) next.set(to, []);
    next.get(from)?.push(to);
  }
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const connect = (file: string) => {
    index.set(file, index.size);
    low.set(file, index.get(file) as number);
    stack.push(file);
    onStack.add(file);
    for (const target of next.get(file) ?? []) {
      if (!index.has(target)) {
        connect(target);
        low.set(file, Math.min(low.get(file) as number, low.get(target) as number));
      } else if (onStack.has(target)) {
        low.set(file, Math.min(low.get(file) as number, index.get(target) as number));
      }
    }
    if (low.get(file) !== index.get(file)) return;
    const component: string[] = [];
    let member: string | undefined;
    do {
      member = stack.pop() as string;
      onStack.delete(member);
      component.push(member);
    } while (member !== file);
    const selfImport = next.get(file)?.includes(file) ?? false;
    if (component.length > 1 || selfImport) components.push(component);
  };
  for (const file of [...next.keys()].sort()) if (!index.has(file)) connect(file);
  return components.map((component) => cycleThrough(component, next));
}

/** A closed path through files of one strongly connected component, from its first file by name. */
function cycleThrough(component: string[], next: ReadonlyMap<string, string[]>): string[] {
  const members = new Set(component);
  const start = [...component].sort()[0];
  // Breadth-first from start back to start, inside the component: the shortest such cycle.
  const previous = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const file = queue.shift() as string;
    for (const target of next.get(file) ?? []) {
      if (!members.has(target)) continue;
      if (target === start) {
        const path: string[] = [];
        for (let at = file; at !== start; at = previous.get(at) as string) path.push(at);
        return [start, ...path.reverse(), start];
      }
      if (!previous.has(target)) {
        previous.set(target, file);
        queue.push(target);
      }
    }
  }
  throw new Error(`${start} is in a strongly connected component, so some path leads back to it`);
}
