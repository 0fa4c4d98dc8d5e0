// Tenancy through tRPC: members see their business; anyone else gets NOT_FOUND.
// (The exhaustive walk over every procedure arrives with the accounts issue.)
import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { DEMO, seedDemo } from "../../prisma/seed";
import { engines, useTestDatabase } from "../../tests/helpers/test-database";
import { createCaller } from "./root";

describe.each(engines)("business procedures on %s", (engine) => {
  const database = useTestDatabase(engine);

  async function setup() {
    const db = database().prisma;
    const { businessId } = await seedDemo(db);
    const owner = await db.user.findUniqueOrThrow({ where: { email: DEMO.email }, select: { id: true } });
    const outsider = await db.user.upsert({ where: { email: "outsider@example.com" }, create: { email: "outsider@example.com" }, update: {}, select: { id: true } });
    const callerFor = (userId: string | null) => createCaller({ db, userId, now: () => new Date("2026-11-24T15:00:00Z") });
    return { businessId, owner: callerFor(owner.id), outsider: callerFor(outsider.id), anonymous: callerFor(null) };
  }

  it("shows a member the dashboard of their business", async () => {
    const { businessId, owner } = await setup();
    const summary = await owner.business.dashboard({ businessId });
    expect(summary.business.name).toBe("Bloom Hair Studio");
    expect(summary.staffCount).toBe(2);
    expect((await owner.business.mine()).map((m) => m.business.id)).toEqual([businessId]);
  });

  it("answers NOT_FOUND to a signed-in outsider and UNAUTHORIZED to nobody", async () => {
    const { businessId, outsider, anonymous } = await setup();
    await expect(outsider.business.dashboard({ businessId })).rejects.toSatisfy(
      (e: unknown) => e instanceof TRPCError && e.code === "NOT_FOUND",
    );
    await expect(anonymous.business.dashboard({ businessId })).rejects.toSatisfy(
      (e: unknown) => e instanceof TRPCError && e.code === "UNAUTHORIZED",
    );
    expect(await outsider.business.mine()).toEqual([]);
  });
});
