// Compares schema.prisma with the tables that the migrations actually create, so a model field
// without a column, a column without a field, or a disagreeing type/nullability is caught.
// The parser covers the subset of Prisma's language this project uses (no @map on fields).

export interface ModelField {
  name: string;
  type: string;
  optional: boolean;
  list: boolean;
}

export interface SchemaModel {
  name: string;
  fields: ModelField[];
}

export interface DbColumn {
  table: string;
  column: string;
  dataType: string; // information_schema.columns.data_type
  udtName: string;
  nullable: boolean;
}

export function parseSchema(source: string): { models: SchemaModel[]; enums: Map<string, string[]> } {
  const blocks = [...source.matchAll(/^(model|enum)\s+(\w+)\s*\{([\s\S]*?)^\}/gm)];
  const enums = new Map<string, string[]>();
  const modelNames = new Set<string>();
  for (const [, kind, name, body] of blocks) {
    if (kind === "enum") enums.set(name!, lines(body!).map((l) => l.split(/\s+/)[0]!));
    else modelNames.add(name!);
  }
  const models: SchemaModel[] = [];
  for (const [, kind, name, body] of blocks) {
    if (kind !== "model") continue;
    const fields: ModelField[] = [];
    for (const line of lines(body!)) {
      if (line.startsWith("@@")) continue;
      const match = /^(\w+)\s+(\w+)(\[\])?(\?)?/.exec(line);
      if (!match) continue;
      const [, field, type, list, optional] = match;
      if (modelNames.has(type!)) continue; // relation field: no column
      fields.push({ name: field!, type: type!, optional: optional === "?", list: list === "[]" });
    }
    models.push({ name: name!, fields });
  }
  return { models, enums };
}

function lines(body: string): string[] {
  return body
    .split("\n")
    .map((l) => l.replace(/\/\/.*$/, "").trim())
    .filter((l) => l.length > 0);
}

const scalarTypes: Record<string, string[]> = {
  String: ["text"],
  Int: ["integer"],
  BigInt: ["bigint"],
  Boolean: ["boolean"],
  DateTime: ["timestamp with time zone", "date"],
  Json: ["jsonb"],
  Float: ["double precision"],
  Decimal: ["numeric"],
};

/** Every disagreement between the models and the columns, as readable sentences. */
export function compareSchema(schema: ReturnType<typeof parseSchema>, columns: DbColumn[]): string[] {
  const problems: string[] = [];
  const byTable = new Map<string, Map<string, DbColumn>>();
  for (const c of columns) {
    if (!byTable.has(c.table)) byTable.set(c.table, new Map());
    byTable.get(c.table)!.set(c.column, c);
  }
  const modelTables = new Set(schema.models.map((m) => m.name));
  for (const table of byTable.keys()) {
    if (!modelTables.has(table) && table !== "_prisma_migrations") problems.push(`table ${table} has no model`);
  }
  for (const model of schema.models) {
    const cols = byTable.get(model.name);
    if (!cols) {
      problems.push(`model ${model.name} has no table`);
      continue;
    }
    const fieldNames = new Set(model.fields.map((f) => f.name));
    for (const column of cols.keys()) {
      if (!fieldNames.has(column)) problems.push(`column ${model.name}.${column} is missing from the model`);
    }
    for (const field of model.fields) {
      const col = cols.get(field.name);
      if (!col) {
        problems.push(`field ${model.name}.${field.name} has no column`);
        continue;
      }
      // Prisma creates scalar-list columns without NOT NULL (lists cannot be optional in the model).
      if (!field.list && col.nullable !== field.optional) {
        problems.push(`${model.name}.${field.name}: model says ${field.optional ? "optional" : "required"}, column is ${col.nullable ? "nullable" : "NOT NULL"}`);
      }
      const expected = schema.enums.has(field.type) ? null : scalarTypes[field.type];
      if (field.list) {
        if (col.dataType !== "ARRAY") problems.push(`${model.name}.${field.name}: model says list, column is ${col.dataType}`);
      } else if (expected === null) {
        if (col.udtName !== field.type) problems.push(`${model.name}.${field.name}: model says enum ${field.type}, column is ${col.udtName}`);
      } else if (!expected?.includes(col.dataType)) {
        problems.push(`${model.name}.${field.name}: model says ${field.type}, column is ${col.dataType}`);
      }
    }
  }
  return problems;
}
