// The one Prisma client factory. PostgreSQL through @prisma/adapter-pg when DATABASE_URL is set;
// otherwise embedded PGlite through pglite-prisma-adapter, persisted under DATA_DIR/db, so the app
// runs with no database server. Both engines get the same migrations from server/migrations.ts.
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { btree_gist } from "@electric-sql/pglite/contrib/btree_gist";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "./generated/prisma/client";
import type { SqlConnection } from "./migrations";

export type Db = PrismaClient;
/** A Prisma transaction client, as handed to `db.$transaction(async (tx) => …)`. */
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

export type DatabaseTarget =
  | { kind: "postgres"; url: string; /** pg pool connections (DATABASE_POOL_SIZE); default 10 */ poolSize?: number }
  | { kind: "pglite"; dataDir: string | null }; // null: in memory (tests)

export interface Database {
  kind: DatabaseTarget["kind"];
  prisma: PrismaClient;
  /** Raw SQL for tests and the schema check (PostgreSQL: any pooled connection). */
  sql: SqlConnection;
  /** Runs fn on one dedicated connection (the migration runner needs a session of its own). */
  withConnection<T>(fn: (conn: SqlConnection) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export const DEFAULT_POOL_SIZE = 10;

export function targetFromConfig(config: { DATABASE_URL?: string; DATA_DIR: string; DATABASE_POOL_SIZE?: number }): DatabaseTarget {
  return config.DATABASE_URL
    ? { kind: "postgres", url: config.DATABASE_URL, poolSize: config.DATABASE_POOL_SIZE ?? DEFAULT_POOL_SIZE }
    : { kind: "pglite", dataDir: path.resolve(config.DATA_DIR, "db") };
}

export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  return target.kind === "postgres" ? openPostgres(target.url, target.poolSize ?? DEFAULT_POOL_SIZE) : openPglite(target.dataDir);
}

async function openPglite(dataDir: string | null): Promise<Database> {
  if (dataDir) await mkdir(dataDir, { recursive: true });
  // Options-only form: PGlite.create(undefined, options) silently drops the extensions.
  const pglite = await PGlite.create({ dataDir: dataDir ?? undefined, extensions: { btree_gist } });
  const sql: SqlConnection = {
    query: async <Row,>(text: string, params?: unknown[]) => (await pglite.query<Row>(text, params)).rows,
    exec: async (text: string) => {
      await pglite.exec(text);
    },
  };
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
  return {
    kind: "pglite",
    prisma,
    sql,
    withConnection: (fn) => fn(sql),
    close: async () => {
      await prisma.$disconnect();
      await pglite.close();
    },
  };
}

async function openPostgres(url: string, poolSize: number): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle pooled connection that the server closes (restart, failover, admin termination) is
  // reported here; without a listener Node would crash the process. The pool replaces it.
  pool.on("error", (error) => {
    console.warn(`database connection lost (${(error as { code?: string }).code ?? error.message}); reconnecting on next use`);
  });
  const sqlFor = (client: pg.ClientBase | pg.Pool): SqlConnection => ({
    query: async <Row,>(text: string, params?: unknown[]) =>
      (await client.query(text, params as unknown[] | undefined)).rows as Row[],
    exec: async (text: string) => {
      await client.query(text);
    },
  });
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  return {
    kind: "postgres",
    prisma,
    sql: sqlFor(pool),
    withConnection: async (fn) => {
      const client = await pool.connect();
      try {
        return await fn(sqlFor(client));
      } finally {
        client.release();
      }
    },
    close: async () => {
      await prisma.$disconnect();
      await pool.end();
    },
  };
}

// ---- The process-wide database, shared by Next.js route handlers and the in-process worker ----
// `npm start` opens the database once and registers it here before Next.js loads, so the Next.js
// bundle and the voice worker use the same PGlite instance (PGlite allows one opener per folder).
const GLOBAL_KEY = Symbol.for("appointment-scheduler.database");
type GlobalWithDb = typeof globalThis & { [GLOBAL_KEY]?: Promise<Database> };

export function registerProcessDatabase(database: Database): void {
  (globalThis as GlobalWithDb)[GLOBAL_KEY] = Promise.resolve(database);
}

/** The process's database; opened from configuration on first use when nobody registered one. */
export async function getDatabase(config: { DATABASE_URL?: string; DATA_DIR: string; DATABASE_POOL_SIZE?: number }): Promise<Database> {
  const g = globalThis as GlobalWithDb;
  g[GLOBAL_KEY] ??= openDatabase(targetFromConfig(config));
  return g[GLOBAL_KEY];
}
