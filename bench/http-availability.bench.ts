// GET /api/v1/businesses/{slug}/availability over HTTP: the demo salon, a 7-day window, one
// service, 100 concurrent keep-alive connections, on PostgreSQL (a fresh database per run). A few
// bookings are made first so the slot engine subtracts real appointments. The handlers run in a
// plain node:http server in this process (bench/support/api-server.ts), so this measures the API
// and the database, not Next.js.
import { seedDemo } from "../prisma/seed";
import { startApiServer } from "./support/api-server";
import { closedLoop, keepAliveAgent, send } from "./support/http-client";
import { runLoad } from "./support/load";
import { cpuMeter } from "./support/cpu";
import { benchPoolSize, withBenchPostgres } from "./support/postgres";
import { countQueries } from "./support/query-counter";
import { percentile, round } from "./stats";
import type { Benchmark, BenchReport } from "./types";

const CONNECTIONS = 100;
const TARGET_P95_MS = 50;
const DAY_MS = 86_400_000;

const benchmark: Benchmark = {
  name: "http-availability",
  async run({ quick }): Promise<BenchReport> {
    const total = quick ? 1_000 : 10_000;
    const result = await withBenchPostgres(async (database) => {
      const db = database.prisma;
      const seeded = await seedDemo(db);
      const service = await db.service.findFirstOrThrow({ where: { businessId: seeded.businessId, name: "Men's haircut" }, select: { id: true } });
      const server = await startApiServer(db);
      const agent = keepAliveAgent(CONNECTIONS);
      try {
        const from = new Date();
        const to = new Date(from.getTime() + 7 * DAY_MS);
        const url = `${server.origin}/api/v1/businesses/${encodeURIComponent("bloom-hair-studio")}/availability?${new URLSearchParams({ service: service.id, from: from.toISOString(), to: to.toISOString() })}`;

        // Book every fourth slot of the week so the engine has appointments to work around.
        const initial = JSON.parse((await send(agent, url)).body) as { slots: { slotId: string }[] };
        const toBook = initial.slots.filter((_, i) => i % 4 === 0);
        for (const [i, slot] of toBook.entries()) {
          await send(agent, `${server.origin}/api/v1/businesses/bloom-hair-studio/bookings`, {
            method: "POST",
            headers: { authorization: `Bearer ${seeded.apiKey}` },
            body: { serviceId: service.id, slotId: slot.slotId, customer: { phone: `+1555400${String(i).padStart(4, "0")}` } },
          });
        }

        // One at a time first: the cost of a single request with nothing queued.
        await closedLoop(50, 1, () => send(agent, url));
        const serialCpu = process.cpuUsage();
        const serialRun = await closedLoop(quick ? 50 : 200, 1, () => send(agent, url));
        const serialUsage = process.cpuUsage(serialCpu);
        const serialCpuMs = (serialUsage.user + serialUsage.system) / 1000 / serialRun.replies.length;
        const serial = serialRun.replies.map((r) => r.ms);
        const queries = await countQueries(() => send(agent, url));
        // Then the load, from a worker thread so the client does not share the server's event loop.
        const stopMeter = await cpuMeter();
        const { replies, seconds } = await runLoad({ requests: Array.from({ length: total }, () => ({ url })), connections: CONNECTIONS, warmup: quick ? 200 : 1_000 });
        const cpuUnderLoad = await stopMeter();
        const ok = replies.filter((r) => r.status === 200);
        const latencies = replies.map((r) => r.ms);
        const slots = (JSON.parse((await send(agent, url)).body) as { slots: unknown[] }).slots.length;
        return {
          requests: total,
          connections: CONNECTIONS,
          non200: total - ok.length,
          slotsPerResponse: slots,
          bookedBeforehand: toBook.length,
          p50Ms: round(percentile(latencies, 50), 1),
          p95Ms: round(percentile(latencies, 95), 1),
          p99Ms: round(percentile(latencies, 99), 1),
          maxMs: round(Math.max(...latencies), 1),
          requestsPerSec: round(total / seconds, 0),
          serialP50Ms: round(percentile(serial, 50), 1),
          sqlQueriesPerRequest: queries,
          /** This process's CPU per request when sent one at a time (server plus a light client). */
          serialCpuMsPerRequest: round(serialCpuMs, 2),
          /** Cores kept busy under load (incl. warm-up): this process (server + load thread), and the whole PostgreSQL server. */
          processCpuCores: cpuUnderLoad.processCores,
          postgresCpuCores: cpuUnderLoad.postgresCores ?? "n/a",
          machineCores: cpuUnderLoad.machineCores,
        };
      } finally {
        agent.destroy();
        await server.close();
      }
    });
    if (!result) {
      return { description: "GET availability over HTTP on PostgreSQL", metrics: { result: "skipped (no server)" }, target: `p95 ≤ ${TARGET_P95_MS} ms` };
    }
    return {
      description: `GET /api/v1/…/availability (demo salon, 7-day window, Men's haircut, every 4th slot booked) over ${CONNECTIONS} concurrent keep-alive connections; node:http server in-process, PostgreSQL (pool of ${benchPoolSize()}).`,
      metrics: result,
      target: `p95 ≤ ${TARGET_P95_MS} ms`,
      met: result.non200 === 0 && result.p95Ms <= TARGET_P95_MS,
    };
  },
};

export default benchmark;
