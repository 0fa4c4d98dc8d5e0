// Test databases: every integration suite runs on embedded PGlite, and also on real PostgreSQL
// when TEST_DATABASE_URL is set. Each suite gets a database of its own (a fresh in-memory PGlite,
// or a new PostgreSQL database created beside TEST_DATABASE_URL and dropped afterwards).
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll } from "vitest";
import { openDatabase, type Database } from "../../server/db";
import { migrateDatabase } from "../../server/migrations";

export type Engine = "pglite" | "postgres";

export const engines: Engine[] = process.env.TEST_DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];

async function withAdmin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export async function openTestDatabase(engine: Engine, { migrate = true } = {}): Promise<Database> {
  let database: Database;
  if (engine === "pglite") {
    database = await openDatabase({ kind: "pglite", dataDir: null });
  } else {
    const name = `as_test_${randomBytes(6).toString("hex")}`;
    await withAdmin((c) => c.query(`CREATE DATABASE ${name}`));
    const url = new URL(process.env.TEST_DATABASE_URL!);
    url.pathname = `/${name}`;
    const opened = await openDatabase({ kind: "postgres", url: url.toString() });
    database = {
      ...opened,
      close: async () => {
        await opened.close();
        await withAdmin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
      },
    };
  }
  if (migrate) await migrateDatabase(database);
  return database;
}

/** Opens a migrated database for the enclosing describe block and closes it afterwards. */
export function useTestDatabase(engine: Engine, options?: { migrate?: boolean }): () => Database {
  let database: Database | undefined;
  beforeAll(async () => {
    database = await openTestDatabase(engine, options);
  });
  afterAll(async () => {
    await database?.close();
  });
  return () => {
    if (!database) throw new Error("test database not open yet");
    return database;
  };
}
