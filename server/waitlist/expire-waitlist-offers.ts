// The expiry sweep, run every minute or so by the jobs process: every held appointment past its
// holdExpiresAt is cancelled, its entry marked expired, and the time offered to the next in line.
// Idempotent and safe to run concurrently: each hold is expired by a conditional UPDATE in its own
// transaction (see cancel-expired-holds.ts), and only the sweeper whose UPDATE changed the row
// goes on to make the next offer, so two sweepers never offer one freed time twice.
import { z } from "zod";
import type { Actor } from "../audit";
import type { Db } from "../db";
import type { Logger } from "../logger";
import { cancelExpiredHolds } from "./cancel-expired-holds";
import { handFreedSlotToWaitlist } from "./hand-freed-slot-to-waitlist";

export const expireWaitlistOffersInput = z.object({
  /** One business (after an acceptance came too late), or absent for every business (the job). */
  businessId: z.string().min(1).optional(),
  /** Holds per run; the job runs again for the rest. */
  limit: z.number().int().min(1).max(1000).default(100),
});

export async function expireWaitlistOffers(
  db: Db,
  rawInput: z.input<typeof expireWaitlistOffersInput>,
  { actor, now, log }: { actor: Actor; now: Date; log?: Pick<Logger, "error"> },
): Promise<{ expired: number; offered: number }> {
  const input = expireWaitlistOffersInput.parse(rawInput);
  const due = await db.appointment.findMany({
    where: { ...(input.businessId ? { businessId: input.businessId } : {}), status: "held", holdExpiresAt: { lt: now } },
    orderBy: [{ holdExpiresAt: "asc" }, { id: "asc" }],
    take: input.limit,
    select: { id: true, businessId: true },
  });
  let expired = 0;
  let offered = 0;
  for (const hold of due) {
    const cancelled = await db.$transaction((tx) => cancelExpiredHolds(tx, { businessId: hold.businessId, where: { id: hold.id }, actor, now }));
    if (cancelled.length === 0) continue; // another sweeper, a booking or an acceptance got there first
    expired += 1;
    if (await handFreedSlotToWaitlist(db, { businessId: hold.businessId, appointmentId: hold.id }, { now, log })) offered += 1;
  }
  return { expired, offered };
}
