// The one migration runner, used for embedded PGlite and for PostgreSQL alike.
// It applies prisma/migrations/<timestamp>_<name>/migration.sql in order and records each in
// `_prisma_migrations` exactly as Prisma does (same table, same sha256 checksums), so that
// `prisma migrate deploy` / `migrate status` keep working against the same database for anyone
// with Prisma's engines. We run it ourselves because Prisma's CLI cannot download its schema
// engine on every machine, and its CLI cannot reach PGlite at all.
import { createHash, randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

/** The little a migration needs from a database connection. */
export interface SqlConnection {
  query<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Row[]>;
  /** Runs a script of several statements. */
  exec(sql: string): Promise<void>;
}

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export interface MigrationResult {
  applied: string[];
  alreadyApplied: number;
}

export class MigrationError extends Error {
  override name = "MigrationError";
}

// Prisma takes the same advisory lock, so our runner and `prisma migrate deploy` never interleave.
const PRISMA_ADVISORY_LOCK = 72707369;

const MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

/** Brings `database` up to date with prisma/migrations. */
export async function migrateDatabase(
  database: { withConnection<T>(fn: (conn: SqlConnection) => Promise<T>): Promise<T> },
  log?: (line: string) => void,
): Promise<MigrationResult> {
  const migrations = await loadMigrations();
  return database.withConnection((conn) => migrate(conn, migrations, log));
}

export const defaultMigrationsDir = path.join(process.cwd(), "prisma", "migrations");

export async function loadMigrations(dir: string = defaultMigrationsDir): Promise<Migration[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    }),
  );
}

interface AppliedRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | string | null;
  rolled_back_at: Date | string | null;
}

/**
 * Brings the database up to date. Each migration runs in its own transaction: if one fails,
 * nothing of it stays, its row is marked rolled back (which Prisma also ignores), and the error
 * names the migration. Refuses to run when an applied migration's file was edited since.
 */
export async function migrate(
  conn: SqlConnection,
  migrations: Migration[],
  log: (line: string) => void = () => {},
): Promise<MigrationResult> {
  await conn.query(`SELECT pg_advisory_lock(${PRISMA_ADVISORY_LOCK})`);
  try {
    await conn.exec(MIGRATIONS_TABLE);
    const rows = await conn.query<AppliedRow>(
      `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations"`,
    );
    const done = new Map<string, AppliedRow>();
    for (const row of rows) {
      if (row.rolled_back_at !== null) continue;
      if (row.finished_at === null) {
        throw new MigrationError(
          `Migration ${row.migration_name} started earlier and never finished. Check the database by hand, ` +
            `then mark it with \`prisma migrate resolve --rolled-back ${row.migration_name}\`.`,
        );
      }
      done.set(row.migration_name, row);
    }
    const known = new Set(migrations.map((m) => m.name));
    for (const name of done.keys()) {
      if (!known.has(name)) log(`warning: the database has migration ${name}, which this code does not know`);
    }

    const applied: string[] = [];
    for (const m of migrations) {
      const row = done.get(m.name);
      if (row) {
        if (row.checksum !== m.checksum) {
          throw new MigrationError(
            `Migration ${m.name} was edited after it was applied. Put the file back and add a new migration instead.`,
          );
        }
        continue;
      }
      await applyOne(conn, m);
      applied.push(m.name);
      log(`applied migration ${m.name}`);
    }
    return { applied, alreadyApplied: migrations.length - applied.length };
  } finally {
    await conn.query(`SELECT pg_advisory_unlock(${PRISMA_ADVISORY_LOCK})`);
  }
}

async function applyOne(conn: SqlConnection, m: Migration): Promise<void> {
  const id = randomUUID();
  await conn.query(
    `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count)
     VALUES ($1, $2, $3, now(), 0)`,
    [id, m.checksum, m.name],
  );
  try {
    await conn.exec(`BEGIN;\n${m.sql}\n;COMMIT;`);
  } catch (error) {
    await conn.exec("ROLLBACK").catch(() => {});
    const message = error instanceof Error ? error.message : String(error);
    await conn.query(`UPDATE "_prisma_migrations" SET rolled_back_at = now(), logs = $2 WHERE id = $1`, [id, message]);
    throw new MigrationError(`Migration ${m.name} failed and was rolled back: ${message}`);
  }
  await conn.query(
    `UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1`,
    [id],
  );
}
