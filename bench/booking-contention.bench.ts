// 200 concurrent POST /api/v1/…/bookings for the same slot over HTTP, on PostgreSQL: exactly one
// may win; everyone else must hear "slot taken" (409) with alternatives, and nobody a 5xx. The slot
// is one only one person can take ("anyone" booking, one staff member free), so the domain's
// retry-with-the-next-person path and the exclusion constraint are both exercised.
import { seedDemo } from "../prisma/seed";
import { startApiServer } from "./support/api-server";
import { keepAliveAgent, send } from "./support/http-client";
import { runLoad } from "./support/load";
import { benchPoolSize, withBenchPostgres } from "./support/postgres";
import { percentile, round } from "./stats";
import type { Benchmark, BenchReport } from "./types";

const CONCURRENT = 200;
const DAY_MS = 86_400_000;
const TARGET = `exactly 1 created, ${CONCURRENT - 1} slot taken with alternatives, no 5xx`;

const benchmark: Benchmark = {
  name: "booking-contention",
  // The same 200 requests in quick mode: the point is the race, and it takes a few seconds.
  async run(): Promise<BenchReport> {
    const result = await withBenchPostgres(async (database) => {
      const db = database.prisma;
      const seeded = await seedDemo(db);
      const service = await db.service.findFirstOrThrow({ where: { businessId: seeded.businessId, name: "Men's haircut" }, select: { id: true } });
      const server = await startApiServer(db);
      const agent = keepAliveAgent(4);
      try {
        const base = `${server.origin}/api/v1/businesses/bloom-hair-studio`;
        const from = new Date(Date.now() + 2 * 3_600_000);
        const query = new URLSearchParams({ service: service.id, from: from.toISOString(), to: new Date(from.getTime() + 14 * DAY_MS).toISOString() });
        const { slots } = JSON.parse((await send(agent, `${base}/availability?${query}`)).body) as { slots: { slotId: string; startsAt: string; staffIds: string[] }[] };
        const slot = slots.find((s) => s.staffIds.length === 1);
        if (!slot) throw new Error("no single-staff slot in the next two weeks");

        const { replies, seconds } = await runLoad({
          connections: CONCURRENT,
          keepBodies: true,
          requests: Array.from({ length: CONCURRENT }, (_, i) => ({
            url: `${base}/bookings`,
            method: "POST",
            headers: { authorization: `Bearer ${seeded.apiKey}`, "idempotency-key": `contention-${i}` },
            body: { serviceId: service.id, slotId: slot.slotId, customer: { phone: `+1555500${String(i).padStart(4, "0")}`, name: `Racer ${i}` } },
          })),
        });
        const problems = replies.map((r) => (r.status >= 400 ? (JSON.parse(r.body ?? "{}") as { type?: string; alternatives?: unknown[] }) : null));
        const statuses: Record<string, number> = {};
        for (const r of replies) statuses[r.status] = (statuses[r.status] ?? 0) + 1;
        const rows = await db.appointment.count({ where: { businessId: seeded.businessId, startsAt: new Date(slot.startsAt), status: "booked" } });
        return {
          requests: CONCURRENT,
          created: replies.filter((r) => r.status === 201).length,
          slotTakenWithAlternatives: problems.filter((p) => p?.type === "/api/v1/problems/slot-taken" && (p.alternatives?.length ?? 0) > 0).length,
          slotTakenWithoutAlternatives: problems.filter((p) => p?.type === "/api/v1/problems/slot-taken" && !p.alternatives?.length).length,
          serverErrors: replies.filter((r) => r.status >= 500).length,
          statuses: Object.entries(statuses).map(([s, n]) => `${s}×${n}`).join(" "),
          bookedRowsForSlot: rows,
          p50Ms: round(percentile(replies.map((r) => r.ms), 50), 0),
          p95Ms: round(percentile(replies.map((r) => r.ms), 95), 0),
          seconds: round(seconds, 2),
        };
      } finally {
        agent.destroy();
        await server.close();
      }
    });
    if (!result) return { description: "Concurrent bookings of one slot on PostgreSQL", metrics: { result: "skipped (no server)" }, target: TARGET };
    return {
      description: `${CONCURRENT} concurrent POST /api/v1/…/bookings (one connection each) of the same single-staff slot of the demo salon, "anyone" booking by slotId; node:http server in-process, PostgreSQL (pool of ${benchPoolSize()}).`,
      metrics: result,
      target: TARGET,
      met: result.created === 1 && result.bookedRowsForSlot === 1 && result.slotTakenWithAlternatives === CONCURRENT - 1 && result.serverErrors === 0,
    };
  },
};

export default benchmark;
