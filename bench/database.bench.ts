// Foundation costs: opening and migrating the embedded database (what `npm start` pays on a
// fresh machine), and raw appointment inserts through Prisma with the exclusion constraint
// checked, on PGlite and on PostgreSQL (a fresh database beside BENCH_DATABASE_URL or the local
// `test` server: bench/support/postgres.ts, as every PostgreSQL benchmark).
import { randomBytes } from "node:crypto";
import { openDatabase, type Database } from "../server/db";
import { migrateDatabase } from "../server/migrations";
import { withBenchPostgres } from "./support/postgres";
import { percentile, round } from "./stats";
import type { Benchmark } from "./types";

async function insertRate(database: Database, count: number): Promise<number> {
  const db = database.prisma;
  const business = await db.business.create({ data: { name: "Bench", slug: `bench-${randomBytes(4).toString("hex")}`, timezone: "UTC" } });
  const businessId = business.id;
  const staff = await db.staffMember.create({ data: { businessId, name: "S" } });
  const service = await db.service.create({ data: { businessId, name: "X", durationMinutes: 30 } });
  const customer = await db.customer.create({ data: { businessId, phone: "+15550000000" } });
  const base = Date.UTC(2027, 0, 1);
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    const startsAt = new Date(base + i * 30 * 60_000);
    const endsAt = new Date(startsAt.getTime() + 30 * 60_000);
    await db.appointment.create({
      data: { businessId, staffId: staff.id, serviceId: service.id, customerId: customer.id, startsAt, endsAt, blockedFrom: startsAt, blockedUntil: endsAt, channel: "api" },
      select: { id: true },
    });
  }
  return count / ((performance.now() - started) / 1000);
}

const benchmark: Benchmark = {
  name: "database",
  async run({ quick }) {
    const opens: number[] = [];
    for (let i = 0; i < (quick ? 2 : 5); i++) {
      const t0 = performance.now();
      const database = await openDatabase({ kind: "pglite", dataDir: null });
      await migrateDatabase(database);
      opens.push(performance.now() - t0);
      await database.close();
    }
    const embedded = await openDatabase({ kind: "pglite", dataDir: null });
    await migrateDatabase(embedded);
    const pgliteRate = await insertRate(embedded, quick ? 200 : 2000);
    await embedded.close();
    const pgRate = await withBenchPostgres((database) => insertRate(database, quick ? 200 : 2000));
    return {
      description:
        "Embedded start-up (new in-memory PGlite + all migrations) and sequential single-row appointment inserts through Prisma with the exclusion constraint enforced.",
      metrics: {
        pgliteOpenAndMigrateP50Ms: round(percentile(opens, 50), 0),
        pgliteInsertsPerSec: round(pgliteRate, 0),
        postgresInsertsPerSec: pgRate === null ? "skipped (no server)" : round(pgRate, 0),
      },
    };
  },
};

export default benchmark;
