// The soak: 10,000 randomised concurrent book / reschedule / cancel operations on PostgreSQL,
// then the invariant check (no overlapping active appointments per staff member, buffers
// included; nothing lost; audit log complete). Quick mode runs 500.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { openDatabase } from "../server/db";
import { migrateDatabase } from "../server/migrations";
import { checkInvariants, createSoakBusiness, runSoak } from "../tests/load/soak";
import { round } from "./stats";
import type { Benchmark, BenchReport } from "./types";

const benchmark: Benchmark = {
  name: "soak",
  async run({ quick }): Promise<BenchReport> {
    const adminUrl = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/test";
    const admin = new pg.Client({ connectionString: adminUrl });
    try {
      await admin.connect();
    } catch {
      return { description: "Soak on PostgreSQL", metrics: { result: "skipped (no server)" } };
    }
    const name = `as_soak_${randomBytes(4).toString("hex")}`;
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    const database = await openDatabase({ kind: "postgres", url: url.toString() });
    try {
      await migrateDatabase(database);
      const setup = await createSoakBusiness(database.prisma, 6);
      const operations = quick ? 500 : 10_000;
      const result = await runSoak(database.prisma, setup, { operations, concurrency: 16, seed: 7, days: quick ? 3 : 14 });
      const problems = await checkInvariants(database.prisma, setup.businessId);
      const appointments = await database.prisma.appointment.count({ where: { businessId: setup.businessId } });
      return {
        description: `${operations} randomised concurrent operations (16 at a time, 6 staff) through the booking commands on PostgreSQL, then the invariant check.`,
        metrics: {
          operations,
          booked: result.succeeded.book,
          rescheduled: result.succeeded.reschedule,
          cancelled: result.succeeded.cancel,
          refusedAsExpected: result.refused,
          unexpectedErrors: result.unexpected.length,
          appointmentRows: appointments,
          invariantViolations: problems.length,
          operationsPerSec: round(operations / (result.elapsedMs / 1000), 0),
        },
        target: "no overlapping active appointments, none lost, audit log complete, no unexpected errors",
        met: problems.length === 0 && result.unexpected.length === 0,
      };
    } finally {
      await database.close();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  },
};

export default benchmark;
