import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { engines, useTestDatabase } from "../helpers/test-database";
import { compareSchema, parseSchema, type DbColumn } from "./schema-agreement";

const schemaSource = readFileSync("prisma/schema.prisma", "utf8");

describe.each(engines)("schema.prisma and the migrations on %s", (engine) => {
  const database = useTestDatabase(engine);

  async function columns(): Promise<DbColumn[]> {
    const rows = await database().sql.query<{ table_name: string; column_name: string; data_type: string; udt_name: string; is_nullable: string }>(
      `SELECT table_name, column_name, data_type, udt_name, is_nullable
         FROM information_schema.columns WHERE table_schema = 'public'`,
    );
    return rows.map((r) => ({ table: r.table_name, column: r.column_name, dataType: r.data_type, udtName: r.udt_name, nullable: r.is_nullable === "YES" }));
  }

  it("agree on every table, column, type and nullability", async () => {
    const schema = parseSchema(schemaSource);
    expect(schema.models.length).toBeGreaterThan(15);
    expect(compareSchema(schema, await columns())).toEqual([]);
  });

  it("agree on every enum's values", async () => {
    const rows = await database().sql.query<{ typname: string; labels: string[] | string }>(
      `SELECT t.typname, array_agg(e.enumlabel ORDER BY e.enumsortorder) AS labels
         FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname`,
    );
    const dbEnums = new Map(rows.map((r) => [r.typname, Array.isArray(r.labels) ? r.labels : r.labels.replace(/[{}]/g, "").split(",")]));
    const { enums } = parseSchema(schemaSource);
    expect(Object.fromEntries(dbEnums)).toEqual(Object.fromEntries(enums));
  });

  it("notices a model field with no column and a column missing from the model", async () => {
    const edited = schemaSource
      .replace("  notes             String?", "  notes             String?\n  colour            String?")
      .replace(/^\s+smsOptOut\s+Boolean.*$/m, "");
    const problems = compareSchema(parseSchema(edited), await columns());
    expect(problems).toContain("field Appointment.colour has no column");
    expect(problems).toContain("column Customer.smsOptOut is missing from the model");
  });

  it("notices a nullability or type mismatch", async () => {
    const edited = schemaSource.replace(/^(\s+timezone\s+)String/m, "$1String?").replace(/^(\s+durationMinutes\s+)Int/m, "$1String");
    const problems = compareSchema(parseSchema(edited), await columns());
    expect(problems).toContain("Business.timezone: model says optional, column is NOT NULL");
    expect(problems).toContain("Service.durationMinutes: model says String, column is integer");
  });
});
