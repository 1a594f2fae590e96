import type { oas31 } from "zod-openapi";

type Schema = oas31.SchemaObject | oas31.ReferenceObject;

const REF_PREFIX = "#/components/schemas/";

/** The page anchor of a component schema. */
export function schemaAnchor(name: string): string {
  return `schema-${name}`;
}

function isRef(schema: Schema): schema is oas31.ReferenceObject {
  return "$ref" in schema;
}

/** Bounds worth showing: zod's integer bounds (±2⁵³ − 1) say nothing a reader needs. */
function bounds(schema: oas31.SchemaObject): string[] {
  const facts: string[] = [];
  const meaningful = (value: number | undefined) =>
    value !== undefined && Math.abs(value) < Number.MAX_SAFE_INTEGER;
  if (meaningful(schema.minimum)) facts.push(`≥ ${schema.minimum}`);
  if (meaningful(schema.maximum)) facts.push(`≤ ${schema.maximum}`);
  if (schema.minLength !== undefined) facts.push(`min length ${schema.minLength}`);
  if (schema.minItems !== undefined) facts.push(`min ${schema.minItems} items`);
  if (schema.maxItems !== undefined) facts.push(`max ${schema.maxItems} items`);
  if (schema.pattern) facts.push(`pattern ${schema.pattern}`);
  if (schema.default !== undefined) facts.push(`default ${JSON.stringify(schema.default)}`);
  return facts;
}

/** A one-line description of a schema's type: a link for a component, the element type for an array. */
export function TypeSummary({ schema }: { schema: Schema }) {
  if (isRef(schema)) {
    const name = schema.$ref.replace(REF_PREFIX, "");
    return (
      <a className="api-type" href={`#${schemaAnchor(name)}`}>
        {name}
      </a>
    );
  }
  if (schema.enum)
    return <code className="api-type">{schema.enum.map((v) => JSON.stringify(v)).join(" | ")}</code>;
  if (schema.const !== undefined) return <code className="api-type">{JSON.stringify(schema.const)}</code>;
  const union = schema.anyOf ?? schema.oneOf;
  if (union)
    return (
      <span className="api-type">
        {union.map((member, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the members of a union have no identity but their place
          <span key={i}>
            {i > 0 ? " or " : ""}
            <TypeSummary schema={member} />
          </span>
        ))}
      </span>
    );
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : ["any"];
  if (schema.prefixItems)
    return (
      <span className="api-type">
        [
        {schema.prefixItems.map((item, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: tuple items are identified by their place
          <span key={i}>
            {i > 0 ? ", " : ""}
            <TypeSummary schema={item} />
          </span>
        ))}
        ]
      </span>
    );
  if (types.includes("array") && schema.items && typeof schema.items === "object")
    return (
      <span className="api-type">
        array of <TypeSummary schema={schema.items} />
      </span>
    );
  const record =
    types.includes("object") && !schema.properties && typeof schema.additionalProperties === "object"
      ? schema.additionalProperties
      : null;
  if (record)
    return (
      <span className="api-type">
        map of <TypeSummary schema={record} />
      </span>
    );
  return <code className="api-type">{types.join(" | ")}</code>;
}

/** A schema as HTML: its type, and for an object a table of its properties (nested objects inline). */
export function SchemaView({ schema }: { schema: Schema }) {
  if (isRef(schema) || !schema.properties)
    return (
      <p className="api-schema-line">
        <TypeSummary schema={schema} />
        {!isRef(schema) && bounds(schema).length > 0 ? (
          <span className="muted"> · {bounds(schema).join(", ")}</span>
        ) : null}
        {!isRef(schema) && schema.description ? <span className="muted"> — {schema.description}</span> : null}
      </p>
    );
  const required = new Set(schema.required ?? []);
  return (
    <div className="table-overflow">
      <table className="data-table data-table--compact api-props">
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">Type</th>
            <th scope="col">About</th>
          </tr>
        </thead>
        <tbody>
          {Object.entries(schema.properties).map(([name, property]) => {
            const nested = !isRef(property) && property.properties;
            return (
              <tr key={name}>
                <th scope="row">
                  <code>{name}</code>
                  {required.has(name) ? null : <span className="muted"> optional</span>}
                </th>
                <td>{nested ? <SchemaView schema={property} /> : <TypeSummary schema={property} />}</td>
                <td>
                  {!isRef(property)
                    ? [property.description, ...bounds(property)].filter(Boolean).join(" · ")
                    : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
