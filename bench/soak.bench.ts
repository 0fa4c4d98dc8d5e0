// The soak: 10,000 randomised concurrent book / reschedule / cancel operations on PostgreSQL,
// then the invariant check (no overlapping active appointments per staff member, buffers
// included; nothing lost; audit log complete). Quick mode runs 500.
import { checkInvariants, createSoakBusiness, runSoak } from "../tests/load/soak";
import { withBenchPostgres } from "./support/postgres";
import { round } from "./stats";
import type { Benchmark, BenchReport } from "./types";

const benchmark: Benchmark = {
  name: "soak",
  async run({ quick }): Promise<BenchReport> {
    const operations = quick ? 500 : 10_000;
    // A fresh database per run, dropped afterwards once its connections have closed.
    const metrics = await withBenchPostgres(async (database) => {
      const setup = await createSoakBusiness(database.prisma, 6);
      const result = await runSoak(database.prisma, setup, { operations, concurrency: 16, seed: 7, days: quick ? 3 : 14 });
      const problems = await checkInvariants(database.prisma, setup.businessId);
      const appointments = await database.prisma.appointment.count({ where: { businessId: setup.businessId } });
      return {
        operations,
        booked: result.succeeded.book,
        rescheduled: result.succeeded.reschedule,
        cancelled: result.succeeded.cancel,
        refusedAsExpected: result.refused,
        unexpectedErrors: result.unexpected.length,
        appointmentRows: appointments,
        invariantViolations: problems.length,
        operationsPerSec: round(operations / (result.elapsedMs / 1000), 0),
      };
    });
    if (!metrics) return { description: "Soak on PostgreSQL", metrics: { result: "skipped (no server)" } };
    return {
      description: `${operations} randomised concurrent operations (16 at a time, 6 staff) through the booking commands on PostgreSQL, then the invariant check.`,
      metrics,
      target: "no overlapping active appointments, none lost, audit log complete, no unexpected errors",
      met: metrics.invariantViolations === 0 && metrics.unexpectedErrors === 0,
    };
  },
};

export default benchmark;
