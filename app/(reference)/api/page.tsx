import type { Metadata } from "next";
import Link from "next/link";
import { OperationView, operationAnchor } from "@/components/apiDocs/OperationView";
import { SchemaView, schemaAnchor } from "@/components/apiDocs/SchemaView";
import { openApiDocument } from "@/lib/server/openapi/document";

export const metadata: Metadata = { title: "API" };

const METHODS = ["get", "post", "put", "patch", "delete"] as const;

/** The OpenAPI document rendered as HTML on the server: no client code, no CDN. */
export default function ApiPage() {
  const document = openApiDocument();
  const operations = Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
    METHODS.flatMap((method) => (item?.[method] ? [{ path, method, operation: item[method] }] : [])),
  );
  const schemas = Object.entries(document.components?.schemas ?? {});
  return (
    <>
      <div className="page-heading">
        <h1>API</h1>
        <p className="page-lede">
          {document.info.description} The machine-readable document:{" "}
          <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI {document.openapi}); metric ids are
          defined in the <Link href="/glossary">glossary</Link>.
        </p>
      </div>
      <nav className="panel api-toc" aria-label="Operations">
        <ul>
          {operations.map(({ path, method, operation }) => (
            <li key={`${method} ${path}`}>
              <a href={`#${operationAnchor(operation)}`}>
                <span className={`api-method api-method--${method}`}>{method.toUpperCase()}</span> {path}
              </a>{" "}
              <span className="muted">{operation.summary}</span>
            </li>
          ))}
        </ul>
      </nav>
      {(document.tags ?? []).map((tag) => (
        <section key={tag.name} aria-labelledby={`tag-${tag.name}`} className="api-tag">
          <h2 id={`tag-${tag.name}`}>{tag.name}</h2>
          {tag.description ? <p className="muted">{tag.description}</p> : null}
          {operations
            .filter(({ operation }) => operation.tags?.includes(tag.name))
            .map(({ path, method, operation }) => (
              <OperationView key={`${method} ${path}`} method={method} path={path} operation={operation} />
            ))}
        </section>
      ))}
      <section aria-labelledby="schemas-title" className="api-tag">
        <h2 id="schemas-title">Schemas</h2>
        {schemas.map(([name, schema]) => (
          <article key={name} className="panel api-schema" id={schemaAnchor(name)} data-testid="api-schema">
            <h3>{name}</h3>
            {"description" in schema && schema.description ? (
              <p className="muted">{schema.description}</p>
            ) : null}
            <SchemaView schema={schema} />
          </article>
        ))}
      </section>
    </>
  );
}
