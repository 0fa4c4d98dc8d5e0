// GET /api/v1/businesses/{slug}/availability with the scenario of http-availability.bench.ts, served
// by the web app in a process of its own, two ways: `npm start` (the product's server: /api/v1
// handed to its routes before Next.js) and `next start` (the same production build as a Vercel
// deployment serves it, through Next.js's route handlers). The target is judged on `npm start`;
// the `next start` figures show what the framework adds. Each server gets its own database pool
// and caches. Needs a production build newer than the sources (`npm run build`); otherwise skipped.
import { seedDemo } from "../prisma/seed";
import { prepareAvailabilityScenario } from "./support/availability-scenario";
import { closedLoop, keepAliveAgent, send } from "./support/http-client";
import { runLoad } from "./support/load";
import { productionBuild, processTreeCpuSeconds, startWebServer, type WebServerKind } from "./support/next-server";
import { benchPoolSize, withBenchPostgres } from "./support/postgres";
import { latencySummary, percentile, prefixed, round } from "./stats";
import type { Benchmark, BenchReport } from "./types";

const CONNECTIONS = 100;
const TARGET_P95_MS = 50;
const requestsFor = (quick: boolean) => (quick ? 1_000 : 10_000);

type Metrics = Record<string, number | string>;

async function measure(kind: WebServerKind, { url, serviceId, apiKey, quick }: { url: string; serviceId: string; apiKey: string; quick: boolean }): Promise<Metrics> {
  const total = requestsFor(quick);
  const warmup = quick ? 200 : 1_000;
  const server = await startWebServer(kind, { databaseUrl: url, poolSize: benchPoolSize() });
  const agent = keepAliveAgent(CONNECTIONS);
  try {
    const scenario = await prepareAvailabilityScenario(agent, { origin: server.origin, serviceId, apiKey });
    await closedLoop(50, 1, () => send(agent, scenario.url));
    const serial = (await closedLoop(quick ? 50 : 200, 1, () => send(agent, scenario.url))).replies.map((r) => r.ms);
    const cpuBefore = processTreeCpuSeconds(server.pid);
    const { replies, seconds } = await runLoad({ requests: Array.from({ length: total }, () => ({ url: scenario.url })), connections: CONNECTIONS, warmup });
    const cpuAfter = processTreeCpuSeconds(server.pid);
    const uncachedTotal = quick ? 500 : 2_000;
    const uncached = await runLoad({ requests: Array.from({ length: uncachedTotal }, () => ({ url: scenario.uncachedUrl() })), connections: CONNECTIONS });
    const latencies = replies.map((r) => r.ms);
    const uncachedLatencies = uncached.replies.map((r) => r.ms);
    return {
      non200: replies.filter((r) => r.status !== 200).length + uncached.replies.filter((r) => r.status !== 200).length,
      ...latencySummary(latencies),
      requestsPerSec: round(total / seconds, 0),
      serialP50Ms: round(percentile(serial, 50), 1),
      /** CPU of the server's process tree per request under load (warm-up included). */
      serverCpuMsPerRequest: cpuBefore === null || cpuAfter === null ? "n/a" : round(((cpuAfter - cpuBefore) * 1000) / (total + warmup), 2),
      ...prefixed("uncached", latencySummary(uncachedLatencies)),
      uncachedRequestsPerSec: round(uncachedTotal / uncached.seconds, 0),
    };
  } finally {
    agent.destroy();
    await server.stop();
  }
}

const benchmark: Benchmark = {
  name: "http-availability-web",
  async run({ quick }): Promise<BenchReport> {
    const target = `p95 ≤ ${TARGET_P95_MS} ms through npm start`;
    const build = productionBuild();
    if (build !== "fresh") {
      return { description: "GET availability through npm start and next start", metrics: { result: `skipped (production build ${build}: run npm run build first)` }, target };
    }
    const result = await withBenchPostgres(async (database, url) => {
      const db = database.prisma;
      const seeded = await seedDemo(db);
      const service = await db.service.findFirstOrThrow({ where: { businessId: seeded.businessId, name: "Men's haircut" }, select: { id: true } });
      const options = { url, serviceId: service.id, apiKey: seeded.apiKey!, quick };
      // One server at a time, so they never compete for the cores; each books its own slots.
      const npmStart = await measure("npm start", options);
      const nextStart = await measure("next start", options);
      return { npmStart, nextStart };
    });
    if (!result) return { description: "GET availability through npm start and next start on PostgreSQL", metrics: { result: "skipped (no server)" }, target };
    return {
      description: `GET /api/v1/…/availability as http-availability, ${CONNECTIONS} concurrent keep-alive connections, served by the production build in a process of its own (pool of ${benchPoolSize()}): first \`npm start\` (npmStart…), then \`next start\` (nextStart…).`,
      metrics: { requests: requestsFor(quick), connections: CONNECTIONS, ...prefixed("npmStart", result.npmStart), ...prefixed("nextStart", result.nextStart) },
      target,
      met: result.npmStart.non200 === 0 && result.nextStart.non200 === 0 && Number(result.npmStart.p95Ms) <= TARGET_P95_MS,
    };
  },
};

export default benchmark;
