// A fresh PostgreSQL database per benchmark run, created beside BENCH_DATABASE_URL (or the local
// `test` server) and dropped afterwards; every PostgreSQL benchmark uses it. null: no server. The
// pool has DATABASE_POOL_SIZE connections, as in the app (default 10): benchPoolSize() says how many.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { DEFAULT_POOL_SIZE, openDatabase, type Database } from "../../server/db";
import { migrateDatabase } from "../../server/migrations";

/** The pool size benchmarks run with: DATABASE_POOL_SIZE when set (a whole number ≥ 1), else the app's default. */
export function benchPoolSize(): number {
  const value = Number(process.env.DATABASE_POOL_SIZE);
  return Number.isInteger(value) && value >= 1 ? value : DEFAULT_POOL_SIZE;
}

/** `fn` gets the database, and its URL for a server in another process. */
export async function withBenchPostgres<T>(fn: (database: Database, url: string) => Promise<T>): Promise<T | null> {
  const adminUrl = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/test";
  const admin = new pg.Client({ connectionString: adminUrl });
  try {
    await admin.connect();
  } catch {
    return null;
  }
  const name = `as_bench_${randomBytes(4).toString("hex")}`;
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  try {
    const database = await openDatabase({ kind: "postgres", url: url.toString(), poolSize: benchPoolSize() });
    try {
      await migrateDatabase(database);
      return await fn(database, url.toString());
    } finally {
      await database.close();
    }
  } finally {
    // pg's pool.end() resolves before its sockets have closed; dropping at once would terminate
    // them mid-close and log "connection lost". Wait (briefly, bounded) for them to go.
    for (let i = 0; i < 20; i++) {
      const { rows } = await admin.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1", [name]);
      if (rows[0]!.n === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}
