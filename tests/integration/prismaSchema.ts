/**
 * Reads the PostgreSQL tables that prisma/schema.prisma describes, for comparison with a migrated
 * database. Covers the schema language this project uses: scalar and relation fields, optional
 * fields, @id, @unique, @map, @db.*, @relation(fields, references, onDelete), @@map, @@id,
 * @@unique and @@index (with a field's ops). (Prisma's own DMMF reader needs packages that are not installed.)
 */

export interface ExpectedColumn {
  name: string;
  /** As information_schema.columns.data_type reports it, timestamps with their precision. */
  type: string;
  nullable: boolean;
}

export interface ExpectedForeignKey {
  columns: string[];
  referencedTable: string;
  referencedColumns: string[];
  onDelete: string;
  onUpdate: string;
}

export interface ExpectedTable {
  name: string;
  columns: ExpectedColumn[];
  primaryKey: string[];
  uniques: string[][];
  indexes: string[][];
  foreignKeys: ExpectedForeignKey[];
}

const SCALAR_TYPES: Record<string, string> = {
  Int: "integer",
  BigInt: "bigint",
  String: "text",
  Boolean: "boolean",
  Float: "double precision",
  DateTime: "timestamp without time zone(3)",
  Json: "jsonb",
};

const NATIVE_TYPES: Record<string, (argument: string | undefined) => string> = {
  Timestamptz: (precision) => `timestamp with time zone(${precision ?? 6})`,
  Timestamp: (precision) => `timestamp without time zone(${precision ?? 6})`,
  Date: () => "date",
  Text: () => "text",
  Integer: () => "integer",
  DoublePrecision: () => "double precision",
};

const REFERENTIAL_ACTIONS: Record<string, string> = {
  Cascade: "CASCADE",
  Restrict: "RESTRICT",
  NoAction: "NO ACTION",
  SetNull: "SET NULL",
  SetDefault: "SET DEFAULT",
};

interface Field {
  name: string;
  type: string;
  optional: boolean;
  list: boolean;
  attributes: string;
}

interface Model {
  name: string;
  fields: Field[];
  blockAttributes: string[];
}

function parseModels(schema: string): Model[] {
  const text = schema.replace(/\/\/.*$/gm, "");
  return [...text.matchAll(/model\s+(\w+)\s*\{([^}]*)\}/g)].map(([, name, body]) => {
    const lines = body
      .split("\n")
      .map((line) => line.trim())
      .filter(Boolean);
    const fields = lines
      .filter((line) => !line.startsWith("@@"))
      .map((line) => {
        const match = /^(\w+)\s+(\w+)(\[\]|\?)?\s*(.*)$/.exec(line);
        if (!match) throw new Error(`Cannot read the field line "${line}" of model ${name}`);
        const [, fieldName, type, modifier, attributes] = match;
        return { name: fieldName, type, optional: modifier === "?", list: modifier === "[]", attributes };
      });
    return { name, fields, blockAttributes: lines.filter((line) => line.startsWith("@@")) };
  });
}

function stringArgument(attributes: string, attribute: string): string | undefined {
  return new RegExp(`${attribute}\\("([^"]*)"\\)`).exec(attributes)?.[1];
}

function listArgument(text: string, key?: string): string[] {
  const pattern = key ? `${key}:\\s*\\[([^\\]]*)\\]` : "^\\(\\[([^\\]]*)\\]";
  const match = new RegExp(pattern).exec(text);
  // An index's field may carry arguments (`searchText(ops: raw("gin_trgm_ops"))`): the column is the name.
  return match ? match[1].split(",").map((item) => item.trim().replace(/\(.*$/, "")) : [];
}

function tableName(model: Model): string {
  const map = model.blockAttributes.find((attribute) => attribute.startsWith("@@map"));
  return (map && stringArgument(map, "@@map")) ?? model.name;
}

function columnType(field: Field): string {
  const native = /@db\.(\w+)(?:\((\w*)\))?/.exec(field.attributes);
  if (native) {
    const mapper = NATIVE_TYPES[native[1]];
    if (!mapper) throw new Error(`Unknown native type @db.${native[1]}`);
    return mapper(native[2] || undefined);
  }
  const type = SCALAR_TYPES[field.type];
  if (!type) throw new Error(`Unknown scalar type ${field.type}`);
  return type;
}

/** The tables, columns, keys and indexes that `schema` (the text of schema.prisma) describes. */
export function expectedTables(schema: string): ExpectedTable[] {
  const models = parseModels(schema);
  const tables = new Map(models.map((model) => [model.name, tableName(model)]));
  const columnOf = (model: Model, fieldName: string) => {
    const field = model.fields.find((candidate) => candidate.name === fieldName);
    if (!field) throw new Error(`Model ${model.name} has no field ${fieldName}`);
    return stringArgument(field.attributes, "@map") ?? field.name;
  };
  return models.map((model) => {
    const scalars = model.fields.filter((field) => field.type in SCALAR_TYPES && !field.list);
    const blockLists = (prefix: string) =>
      model.blockAttributes
        .filter((attribute) => attribute.startsWith(`${prefix}(`))
        .map((attribute) =>
          listArgument(attribute.slice(prefix.length)).map((name) => columnOf(model, name)),
        );
    const idField = scalars.find((field) => /@id\b/.test(field.attributes));
    return {
      name: tableName(model),
      columns: scalars.map((field) => ({
        name: columnOf(model, field.name),
        type: columnType(field),
        nullable: field.optional,
      })),
      primaryKey: idField ? [columnOf(model, idField.name)] : (blockLists("@@id")[0] ?? []),
      uniques: [
        ...scalars
          .filter((field) => /@unique\b/.test(field.attributes))
          .map((field) => [columnOf(model, field.name)]),
        ...blockLists("@@unique"),
      ],
      indexes: blockLists("@@index"),
      foreignKeys: model.fields
        .filter((field) => field.attributes.includes("@relation(") && field.attributes.includes("fields:"))
        .map((field) => {
          const target = models.find((candidate) => candidate.name === field.type);
          if (!target)
            throw new Error(`Relation ${model.name}.${field.name} points to unknown model ${field.type}`);
          const onDelete =
            /onDelete:\s*(\w+)/.exec(field.attributes)?.[1] ?? (field.optional ? "SetNull" : "Restrict");
          const onUpdate = /onUpdate:\s*(\w+)/.exec(field.attributes)?.[1] ?? "Cascade";
          return {
            columns: listArgument(field.attributes, "fields").map((name) => columnOf(model, name)),
            referencedTable: tables.get(target.name) ?? target.name,
            referencedColumns: listArgument(field.attributes, "references").map((name) =>
              columnOf(target, name),
            ),
            onDelete: REFERENTIAL_ACTIONS[onDelete],
            onUpdate: REFERENTIAL_ACTIONS[onUpdate],
          };
        }),
    };
  });
}
