/**
 * The OpenAPI 3.1 document rewritten with OpenAPI 3.0's schema vocabulary, for validating responses
 * the way 3.0-era tools do (tests/integration/apiContract.test.ts): `type: [T, "null"]` and a
 * `{type: "null"}` branch become `nullable: true`, `const` an `enum` of one, numeric exclusive bounds
 * 3.0's boolean flags, and keywords 3.0 does not have (propertyNames, contentMediaType) are dropped.
 * A schema keyword with no 3.0 form (prefixItems) throws: the document must not use it.
 */
export function toOpenApi30<T>(document: T): T {
  const copy = structuredClone(document) as Record<string, unknown>;
  copy.openapi = "3.0.3";
  return rewrite(copy) as T;
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const isNullSchema = (value: unknown) =>
  isObject(value) && value.type === "null" && Object.keys(value).length === 1;

function rewrite(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(rewrite);
  if (!isObject(value)) return value;
  const node: Json = Object.fromEntries(Object.entries(value).map(([key, child]) => [key, rewrite(child)]));
  if ("prefixItems" in node) throw new Error("prefixItems has no OpenAPI 3.0 form");
  if (Array.isArray(node.type)) {
    const types = node.type.filter((type) => type !== "null");
    if (types.length !== 1) throw new Error(`type ${JSON.stringify(node.type)} has no OpenAPI 3.0 form`);
    if (types.length < node.type.length) node.nullable = true;
    node.type = types[0];
  }
  for (const key of ["anyOf", "oneOf"] as const) {
    const branches = node[key];
    if (!Array.isArray(branches) || !branches.some(isNullSchema)) continue;
    const others = branches.filter((branch) => !isNullSchema(branch));
    delete node[key];
    if (others.length === 1 && isObject(others[0]) && !("$ref" in others[0])) Object.assign(node, others[0]);
    else node[key] = others;
    node.nullable = true;
  }
  if ("const" in node) {
    node.enum = [node.const];
    delete node.const;
  }
  for (const [bound, flag] of [
    ["minimum", "exclusiveMinimum"],
    ["maximum", "exclusiveMaximum"],
  ] as const) {
    if (typeof node[flag] === "number") {
      node[bound] = node[flag];
      node[flag] = true;
    }
  }
  delete node.propertyNames;
  delete node.contentMediaType;
  return node;
}
