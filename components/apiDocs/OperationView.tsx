import type { oas31 } from "zod-openapi";
import { SchemaView, TypeSummary } from "./SchemaView";

/** The page anchor of an operation. */
export function operationAnchor(operation: oas31.OperationObject): string {
  return `op-${operation.operationId}`;
}

function Parameters({ parameters }: { parameters: oas31.ParameterObject[] }) {
  return (
    <div className="table-overflow">
      <table className="data-table data-table--compact api-params">
        <caption className="visually-hidden">Parameters</caption>
        <thead>
          <tr>
            <th scope="col">Parameter</th>
            <th scope="col">In</th>
            <th scope="col">Type</th>
            <th scope="col">About</th>
          </tr>
        </thead>
        <tbody>
          {parameters.map((parameter) => (
            <tr key={`${parameter.in}:${parameter.name}`}>
              <th scope="row">
                <code>{parameter.name}</code>
                {parameter.required ? null : <span className="muted"> optional</span>}
              </th>
              <td>{parameter.in}</td>
              <td>{parameter.schema ? <TypeSummary schema={parameter.schema} /> : null}</td>
              <td>
                {parameter.description ??
                  (parameter.schema && "description" in parameter.schema
                    ? parameter.schema.description
                    : null)}
                {parameter.example !== undefined ? (
                  <>
                    {" "}
                    e.g. <code>{String(parameter.example)}</code>
                  </>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Content({ content }: { content: oas31.ContentObject }) {
  return Object.entries(content).map(([mediaType, media]) => (
    <div key={mediaType} className="api-content">
      <p className="api-media-type">
        <code>{mediaType}</code>
      </p>
      {media.schema ? <SchemaView schema={media.schema} /> : null}
    </div>
  ));
}

/** One operation: method and path, what it does, its parameters, body and responses. */
export function OperationView({
  method,
  path,
  operation,
}: {
  method: string;
  path: string;
  operation: oas31.OperationObject;
}) {
  const parameters = (operation.parameters ?? []).filter(
    (parameter): parameter is oas31.ParameterObject => "in" in parameter,
  );
  const body = operation.requestBody && "content" in operation.requestBody ? operation.requestBody : null;
  return (
    <article className="panel api-operation" id={operationAnchor(operation)} data-testid="api-operation">
      <h3 className="api-operation-title">
        <span className={`api-method api-method--${method}`}>{method.toUpperCase()}</span> <code>{path}</code>
      </h3>
      <p className="api-summary">{operation.summary}</p>
      {operation.description ? <p className="muted">{operation.description}</p> : null}
      {parameters.length > 0 ? (
        <>
          <h4>Parameters</h4>
          <Parameters parameters={parameters} />
        </>
      ) : null}
      {body ? (
        <>
          <h4>Request body</h4>
          <Content content={body.content} />
        </>
      ) : null}
      <h4>Responses</h4>
      <dl className="api-responses">
        {Object.entries(operation.responses ?? {}).map(([status, response]) => (
          <div key={status}>
            <dt>
              <code>{status}</code>
            </dt>
            <dd>
              {"description" in response ? response.description : null}
              {"content" in response && response.content ? <Content content={response.content} /> : null}
            </dd>
          </div>
        ))}
      </dl>
    </article>
  );
}
