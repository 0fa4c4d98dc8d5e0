// GET /api/v1/businesses/{slug}/availability over HTTP: the demo salon, a 7-day window, one
// service, 100 concurrent keep-alive connections, on PostgreSQL (a fresh database per run). A few
// bookings are made first so the slot engine subtracts real appointments. The handlers run in a
// plain node:http server in this process (bench/support/api-server.ts), so this measures the API
// and the database, not Next.js (http-availability-next.bench.ts does that).
//
// Every client asks for the same window, so after the first request the answer comes from the
// per-process answer cache (checked against the schedule version read with the business). The
// uncached path is measured too, with a window that differs on every request.
import { seedDemo } from "../prisma/seed";
import { startApiServer } from "./support/api-server";
import { prepareAvailabilityScenario } from "./support/availability-scenario";
import { closedLoop, keepAliveAgent, send } from "./support/http-client";
import { runLoad } from "./support/load";
import { cpuMeter } from "./support/cpu";
import { benchPoolSize, withBenchPostgres } from "./support/postgres";
import { countQueries } from "./support/query-counter";
import { latencySummary, percentile, prefixed, round } from "./stats";
import type { Benchmark, BenchReport } from "./types";

const CONNECTIONS = 100;
const TARGET_P95_MS = 50;

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
        const { url, uncachedUrl, bookedBeforehand } = await prepareAvailabilityScenario(agent, { origin: server.origin, serviceId: service.id, apiKey: seeded.apiKey! });

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

        // The uncached path: every request a window of its own, so every one misses the answer
        // cache, reads the appointments and runs the slot engine.
        const uncachedSerial = (await closedLoop(quick ? 50 : 200, 1, () => send(agent, uncachedUrl()))).replies.map((r) => r.ms);
        const uncachedQueries = await countQueries(() => send(agent, uncachedUrl()));
        const uncachedTotal = quick ? 500 : 2_000;
        const uncached = await runLoad({ requests: Array.from({ length: uncachedTotal }, () => ({ url: uncachedUrl() })), connections: CONNECTIONS });
        const uncachedLatencies = uncached.replies.map((r) => r.ms);
        return {
          requests: total,
          connections: CONNECTIONS,
          non200: total - ok.length,
          slotsPerResponse: slots,
          bookedBeforehand,
          ...latencySummary(latencies),
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
          uncachedSerialP50Ms: round(percentile(uncachedSerial, 50), 1),
          sqlQueriesPerUncachedRequest: uncachedQueries,
          uncachedRequests: uncachedTotal,
          uncachedNon200: uncached.replies.filter((r) => r.status !== 200).length,
          ...prefixed("uncached", latencySummary(uncachedLatencies)),
          uncachedRequestsPerSec: round(uncachedTotal / uncached.seconds, 0),
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
      description: `GET /api/v1/…/availability (demo salon, 7-day window, Men's haircut, every 4th slot booked) over ${CONNECTIONS} concurrent keep-alive connections, all asking for the same window (served from the answer cache after the first); node:http server in-process, PostgreSQL (pool of ${benchPoolSize()}). uncached*: the same with a different window on every request.`,
      metrics: result,
      target: `p95 ≤ ${TARGET_P95_MS} ms`,
      met: result.non200 === 0 && result.uncachedNon200 === 0 && result.p95Ms <= TARGET_P95_MS,
    };
  },
};

export default benchmark;
