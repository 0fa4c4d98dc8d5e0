// Lapsed waitlist holds: a held appointment past its holdExpiresAt is cancelled and its entry
// marked expired, with the audit rows, in the caller's transaction. The expiry sweep uses it (and
// then offers the time to the next in line); so does booking, for holds standing in its way.
// The guards (status held, holdExpiresAt < now) sit in the UPDATE itself, so of two transactions
// reaching for one hold (two sweepers, a sweeper and a booking, a sweeper and an acceptance) only
// one changes it: the other's UPDATE waits for the row, re-reads it and matches nothing.
import { recordAudit, type Actor } from "../audit";
import type { Tx } from "../db";
import type { Prisma } from "../generated/prisma/client";

const MINUTE_MS = 60_000;

export interface CancelledHold {
  id: string;
  staffId: string;
  blockedFrom: Date;
  blockedUntil: Date;
}

export async function cancelExpiredHolds(
  tx: Tx,
  args: { businessId: string; where?: Prisma.AppointmentWhereInput; actor: Actor; now: Date },
): Promise<CancelledHold[]> {
  const { businessId, actor, now } = args;
  const holds = await tx.appointment.updateManyAndReturn({
    where: { ...args.where, businessId, status: "held", holdExpiresAt: { lt: now } },
    data: { status: "cancelled", cancelledAt: now },
    select: { id: true, staffId: true, blockedFrom: true, blockedUntil: true, startsAt: true, holdExpiresAt: true },
  });
  if (holds.length === 0) return [];
  const entries = await tx.waitlistEntry.updateManyAndReturn({
    where: { businessId, status: "offered", offeredAppointmentId: { in: holds.map((h) => h.id) } },
    data: { status: "expired" },
    select: { id: true, offeredAppointmentId: true, offerExpiresAt: true },
  });
  for (const hold of holds) {
    await recordAudit(tx, {
      businessId,
      actor,
      action: "appointment.hold_expire",
      entityType: "Appointment",
      entityId: hold.id,
      before: { status: "held", holdExpiresAt: hold.holdExpiresAt },
      after: { status: "cancelled", cancelledAt: now },
    });
  }
  for (const entry of entries) {
    await recordAudit(tx, {
      businessId,
      actor,
      action: "waitlist.expire",
      entityType: "WaitlistEntry",
      entityId: entry.id,
      before: { status: "offered", offeredAppointmentId: entry.offeredAppointmentId, offerExpiresAt: entry.offerExpiresAt },
      after: { status: "expired" },
    });
  }
  return holds.map(({ id, staffId, blockedFrom, blockedUntil }) => ({ id, staffId, blockedFrom, blockedUntil }));
}

/**
 * For book-appointment, inside its transaction and before its availability check: lapsed holds
 * of the candidate staff (the named person, or everyone who performs the service) whose blocked
 * range meets the requested booking's blocked range, i.e. exactly the holds the exclusion
 * constraint would set against it. One UPDATE for the holds (and one for their entries).
 */
export async function clearExpiredHoldsInTheWay(
  tx: Tx,
  args: { businessId: string; serviceId: string; staffId?: string; startMs: number; actor: Actor; now: Date },
): Promise<CancelledHold[]> {
  const service = await tx.service.findFirst({
    where: { id: args.serviceId, businessId: args.businessId },
    select: { durationMinutes: true, bufferBeforeMinutes: true, bufferAfterMinutes: true },
  });
  if (!service) return []; // the availability check answers NOT_FOUND
  const blockedFrom = new Date(args.startMs - service.bufferBeforeMinutes * MINUTE_MS);
  const blockedUntil = new Date(args.startMs + (service.durationMinutes + service.bufferAfterMinutes) * MINUTE_MS);
  return cancelExpiredHolds(tx, {
    businessId: args.businessId,
    actor: args.actor,
    now: args.now,
    where: {
      ...(args.staffId ? { staffId: args.staffId } : { staff: { services: { some: { serviceId: args.serviceId } } } }),
      blockedFrom: { lt: blockedUntil },
      blockedUntil: { gt: blockedFrom },
    },
  });
}
