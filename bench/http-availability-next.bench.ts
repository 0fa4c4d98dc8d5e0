// GET /api/v1/businesses/{slug}/availability through Next.js as deployed: `next start` on the
// production build, in its own process (its own database pool and caches), with the scenario of
// http-availability.bench.ts. The difference between the two is what the framework costs.
// Needs a production build newer than the sources (`npm run build`); otherwise skipped.
import { seedDemo } from "../prisma/seed";
import { prepareAvailabilityScenario } from "./support/availability-scenario";
import { closedLoop, keepAliveAgent, send } from "./support/http-client";
import { runLoad } from "./support/load";
import { productionBuild, processTreeCpuSeconds, startNextServer } from "./support/next-server";
import { benchPoolSize, withBenchPostgres } from "./support/postgres";
import { percentile, round } from "./stats";
import type { Benchmark, BenchReport } from "./types";

const CONNECTIONS = 100;
const TARGET_P95_MS = 50;

const benchmark: Benchmark = {
  name: "http-availability-next",
  async run({ quick }): Promise<BenchReport> {
    const target = `p95 ≤ ${TARGET_P95_MS} ms`;
    const build = productionBuild();
    if (build !== "fresh") {
      return { description: "GET availability through `next start`", metrics: { result: `skipped (production build ${build}: run npm run build first)` }, target };
    }
    const total = quick ? 1_000 : 10_000;
    const result = await withBenchPostgres(async (database, url) => {
      const db = database.prisma;
      const seeded = await seedDemo(db);
      const service = await db.service.findFirstOrThrow({ where: { businessId: seeded.businessId, name: "Men's haircut" }, select: { id: true } });
      const server = await startNextServer({ databaseUrl: url, poolSize: benchPoolSize() });
      const agent = keepAliveAgent(CONNECTIONS);
      try {
        const scenario = await prepareAvailabilityScenario(agent, { origin: server.origin, serviceId: service.id, apiKey: seeded.apiKey! });
        await closedLoop(50, 1, () => send(agent, scenario.url));
        const serial = (await closedLoop(quick ? 50 : 200, 1, () => send(agent, scenario.url))).replies.map((r) => r.ms);
        const cpuBefore = processTreeCpuSeconds(server.pid);
        const { replies, seconds } = await runLoad({ requests: Array.from({ length: total }, () => ({ url: scenario.url })), connections: CONNECTIONS, warmup: quick ? 200 : 1_000 });
        const cpuAfter = processTreeCpuSeconds(server.pid);
        const uncachedTotal = quick ? 500 : 2_000;
        const uncached = await runLoad({ requests: Array.from({ length: uncachedTotal }, () => ({ url: scenario.uncachedUrl() })), connections: CONNECTIONS });
        const latencies = replies.map((r) => r.ms);
        const uncachedLatencies = uncached.replies.map((r) => r.ms);
        return {
          requests: total,
          connections: CONNECTIONS,
          non200: replies.filter((r) => r.status !== 200).length,
          bookedBeforehand: scenario.bookedBeforehand,
          p50Ms: round(percentile(latencies, 50), 1),
          p95Ms: round(percentile(latencies, 95), 1),
          p99Ms: round(percentile(latencies, 99), 1),
          requestsPerSec: round(total / seconds, 0),
          serialP50Ms: round(percentile(serial, 50), 1),
          /** CPU of the `next start` process tree per request under load (warm-up included). */
          serverCpuMsPerRequest: cpuBefore === null || cpuAfter === null ? "n/a" : round(((cpuAfter - cpuBefore) * 1000) / (total + (quick ? 200 : 1_000)), 2),
          uncachedRequests: uncachedTotal,
          uncachedNon200: uncached.replies.filter((r) => r.status !== 200).length,
          uncachedP50Ms: round(percentile(uncachedLatencies, 50), 1),
          uncachedP95Ms: round(percentile(uncachedLatencies, 95), 1),
          uncachedRequestsPerSec: round(uncachedTotal / uncached.seconds, 0),
        };
      } finally {
        agent.destroy();
        await server.stop();
      }
    });
    if (!result) return { description: "GET availability through `next start` on PostgreSQL", metrics: { result: "skipped (no server)" }, target };
    return {
      description: `GET /api/v1/…/availability as http-availability, served by \`next start\` (production build, its own process, pool of ${benchPoolSize()}), ${CONNECTIONS} concurrent keep-alive connections.`,
      metrics: result,
      target,
      met: result.non200 === 0 && result.uncachedNon200 === 0 && result.p95Ms <= TARGET_P95_MS,
    };
  },
};

export default benchmark;
