// Bookings per second through POST /api/v1/…/bookings on PostgreSQL, on distinct slots (40 staff
// working around the clock, each request a different person or time) so they never collide: the
// cost of the booking path itself. Also counts the SQL statements one booking sends, by kind, to
// show where the time goes.
import { createApiKey } from "../server/businesses/create-api-key";
import type { Db } from "../server/db";
import { startApiServer } from "./support/api-server";
import { closedLoop, keepAliveAgent, send } from "./support/http-client";
import { runLoad, type LoadRequest } from "./support/load";
import { cpuMeter } from "./support/cpu";
import { benchPoolSize, withBenchPostgres } from "./support/postgres";
import { recordQueries } from "./support/query-counter";
import { percentile, round } from "./stats";
import type { Benchmark, BenchReport } from "./types";

const STAFF = 40;
const CONCURRENCY = 24;
const TARGET_PER_SEC = 500;
const SLOT_MS = 30 * 60_000;

async function createBusiness(db: Db) {
  const business = await db.business.create({ data: { name: "Throughput Bench", slug: "throughput-bench", timezone: "UTC" }, select: { id: true } });
  const businessId = business.id;
  const service = await db.service.create({
    data: { businessId, name: "Consultation", durationMinutes: 30, minNoticeMinutes: 0, bookingHorizonDays: 60 },
    select: { id: true },
  });
  const staffIds: string[] = [];
  for (let s = 0; s < STAFF; s++) {
    const member = await db.staffMember.create({ data: { businessId, name: `Staff ${s}`, sortOrder: s }, select: { id: true } });
    staffIds.push(member.id);
    await db.weeklyHours.createMany({ data: [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ businessId, staffId: member.id, weekday, startMinute: 0, endMinute: 1440 })) });
    await db.staffService.create({ data: { businessId, staffId: member.id, serviceId: service.id } });
  }
  const { key } = await createApiKey(db, { businessId, name: "bench" });
  return { businessId, serviceId: service.id, staffIds, key };
}

/** "SELECT ApiKey", "INSERT Appointment", "BEGIN"…: a statement's verb and first table outside any parentheses (subqueries). */
function statementKind(sql: string): string {
  const verb = /^\s*(\w+)/.exec(sql)?.[1]?.toUpperCase() ?? "?";
  let outer = sql;
  for (let inner = outer.replace(/\([^()]*\)/g, ""); inner !== outer; inner = outer.replace(/\([^()]*\)/g, "")) outer = inner;
  const table = /"public"\."(\w+)"/.exec(outer)?.[1] ?? /(?:FROM|INTO|UPDATE)\s+"?(\w+)"?/i.exec(outer)?.[1];
  return table ? `${verb} ${table}` : verb;
}

const benchmark: Benchmark = {
  name: "booking-throughput",
  async run({ quick }): Promise<BenchReport> {
    const total = quick ? 400 : 4_000;
    const result = await withBenchPostgres(async (database) => {
      const db = database.prisma;
      const fixture = await createBusiness(db);
      const server = await startApiServer(db);
      const agent = keepAliveAgent(2);
      try {
        const baseMs = Math.ceil(Date.now() / 3_600_000) * 3_600_000 + 2 * 3_600_000;
        let serial = 0;
        // Booking i: staff i mod 40, the (i div 40)-th half hour; `offset` keeps phases apart.
        const bookingRequest = (i: number, offset: number): LoadRequest => ({
          url: `${server.origin}/api/v1/businesses/throughput-bench/bookings`,
          method: "POST",
          headers: { authorization: `Bearer ${fixture.key}`, "idempotency-key": `tp-${offset + i}` },
          body: {
            serviceId: fixture.serviceId,
            staffId: fixture.staffIds[(offset + i) % STAFF],
            startsAt: new Date(baseMs + Math.floor((offset + i) / STAFF) * SLOT_MS).toISOString(),
            customer: { phone: `+1666${String(offset + i).padStart(8, "0")}` },
          },
        });
        const sendOne = (r: LoadRequest) => send(agent, r.url, r);

        // One at a time: latency, this process's CPU, and the SQL one booking sends.
        const serialCount = quick ? 40 : 200;
        const cpuBefore = process.cpuUsage();
        const serialRun = await closedLoop(serialCount, 1, (i) => sendOne(bookingRequest(i, serial)));
        const cpu = process.cpuUsage(cpuBefore);
        serial += serialCount;
        const statements = await recordQueries(() => sendOne(bookingRequest(0, serial++)));
        if (process.env.BENCH_DUMP_SQL) console.log(statements.map((q) => q.replace(/\s+/g, " ").slice(0, 220)).join("\n"));
        const kinds = new Map<string, number>();
        for (const sql of statements) kinds.set(statementKind(sql), (kinds.get(statementKind(sql)) ?? 0) + 1);

        const requests = Array.from({ length: total }, (_, i) => bookingRequest(i, serial + 10_000));
        const stopMeter = await cpuMeter();
        const { replies, seconds } = await runLoad({ connections: CONCURRENCY, requests });
        const cpuUnderLoad = await stopMeter();
        const statuses: Record<string, number> = {};
        for (const r of replies) statuses[r.status] = (statuses[r.status] ?? 0) + 1;
        return {
          bookings: total,
          concurrency: CONCURRENCY,
          created: statuses[201] ?? 0,
          statuses: Object.entries(statuses).map(([s, n]) => `${s}×${n}`).join(" "),
          bookingsPerSec: round((statuses[201] ?? 0) / seconds, 0),
          p50Ms: round(percentile(replies.map((r) => r.ms), 50), 1),
          p95Ms: round(percentile(replies.map((r) => r.ms), 95), 1),
          serialP50Ms: round(percentile(serialRun.replies.map((r) => r.ms), 50), 1),
          serialCpuMsPerBooking: round((cpu.user + cpu.system) / 1000 / serialCount, 2),
          /** Cores kept busy under load: this process (server + load thread), and the whole PostgreSQL server. */
          processCpuCores: cpuUnderLoad.processCores,
          postgresCpuCores: cpuUnderLoad.postgresCores ?? "n/a",
          machineCores: cpuUnderLoad.machineCores,
          sqlStatementsPerBooking: statements.length,
          sqlByKind: [...kinds].map(([k, n]) => `${k}×${n}`).join(", "),
        };
      } finally {
        agent.destroy();
        await server.close();
      }
    });
    const target = `≥ ${TARGET_PER_SEC} bookings per second on PostgreSQL`;
    if (!result) return { description: "Booking throughput on PostgreSQL", metrics: { result: "skipped (no server)" }, target };
    return {
      description: `POST /api/v1/…/bookings on distinct slots (${STAFF} staff, explicit staffId, new customer and Idempotency-Key each), ${CONCURRENCY} concurrent keep-alive connections; node:http server in-process, PostgreSQL (pool of ${benchPoolSize()}).`,
      metrics: result,
      target,
      met: result.created === total && result.bookingsPerSec >= TARGET_PER_SEC,
    };
  },
};

export default benchmark;
