// The one migration runner: ordered, recorded the way Prisma records them, safe to re-run,
// all-or-nothing per migration, and strict about edited history.
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { loadMigrations, migrate, type Migration } from "../../server/migrations";
import { engines, openTestDatabase } from "../helpers/test-database";

const extra = (name: string, sql: string): Migration => ({ name, sql, checksum: createHash("sha256").update(sql).digest("hex") });

describe.each(engines)("migration runner on %s", (engine) => {
  it("applies every migration once and records it as Prisma does", async () => {
    const database = await openTestDatabase(engine, { migrate: false });
    try {
      const migrations = await loadMigrations();
      const first = await database.withConnection((c) => migrate(c, migrations));
      expect(first.applied).toEqual(migrations.map((m) => m.name));
      const second = await database.withConnection((c) => migrate(c, migrations));
      expect(second).toEqual({ applied: [], alreadyApplied: migrations.length });

      const rows = await database.sql.query<{ migration_name: string; checksum: string; finished_at: unknown; applied_steps_count: number; rolled_back_at: unknown }>(
        `SELECT migration_name, checksum, finished_at, applied_steps_count, rolled_back_at FROM "_prisma_migrations" ORDER BY started_at`,
      );
      expect(rows.map((r) => r.migration_name)).toEqual(migrations.map((m) => m.name));
      for (const [i, row] of rows.entries()) {
        expect(row.checksum).toBe(migrations[i]!.checksum);
        expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
        expect(row.finished_at).not.toBeNull();
        expect(row.rolled_back_at).toBeNull();
        expect(row.applied_steps_count).toBe(1);
      }
    } finally {
      await database.close();
    }
  });

  it("rolls a failing migration back entirely and records the failure so a fixed one can run", async () => {
    const database = await openTestDatabase(engine);
    try {
      const base = await loadMigrations();
      const broken = extra("29990101000000_broken", `CREATE TABLE "Half" (id int); SELECT * FROM "no_such_table";`);
      await expect(database.withConnection((c) => migrate(c, [...base, broken]))).rejects.toThrow(
        /29990101000000_broken failed and was rolled back: .*no_such_table/,
      );
      const half = await database.sql.query(`SELECT to_regclass('"Half"') AS t`);
      expect(half[0]).toEqual({ t: null });
      const [row] = await database.sql.query<{ rolled_back_at: unknown; logs: string }>(
        `SELECT rolled_back_at, logs FROM "_prisma_migrations" WHERE migration_name = '29990101000000_broken'`,
      );
      expect(row?.rolled_back_at).not.toBeNull();
      expect(row?.logs).toMatch(/no_such_table/);

      const fixed = extra("29990101000000_broken", `CREATE TABLE "Half" (id int);`);
      const result = await database.withConnection((c) => migrate(c, [...base, fixed]));
      expect(result.applied).toEqual(["29990101000000_broken"]);
    } finally {
      await database.close();
    }
  });

  it("refuses to run when an applied migration was edited", async () => {
    const database = await openTestDatabase(engine);
    try {
      const [first, ...rest] = await loadMigrations();
      const edited = { ...first!, checksum: "0".repeat(64) };
      await expect(database.withConnection((c) => migrate(c, [edited, ...rest]))).rejects.toThrow(
        /was edited after it was applied/,
      );
    } finally {
      await database.close();
    }
  });
});
