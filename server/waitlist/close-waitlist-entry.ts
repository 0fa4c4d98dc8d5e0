// Ends a waitlist entry on the customer's (or the business's) word: declining an offer, or
// leaving the line. An open offer's hold is released in the same transaction; once that commits,
// the released time goes to the next in line. Shared by decline-waitlist-offer.ts and
// cancel-waitlist-entry.ts, which differ only in which states they accept.
import { recordAudit, type Actor } from "../audit";
import type { Db } from "../db";
import { AppError } from "../errors";
import type { Logger } from "../logger";
import { handFreedSlotToWaitlist } from "./hand-freed-slot-to-waitlist";
import { waitlistEntrySelect } from "./waitlist-entry-view";

export async function closeWaitlistEntry(
  db: Db,
  input: { businessId: string; entryId: string },
  { actor, now, log }: { actor: Actor; now: Date; log?: Pick<Logger, "error"> },
  how: { action: "waitlist.decline" | "waitlist.cancel"; onlyAnOffer: boolean },
) {
  const { businessId } = input;
  const result = await db.$transaction(async (tx) => {
    const entry = await tx.waitlistEntry.findFirst({ where: { id: input.entryId, businessId }, select: waitlistEntrySelect });
    if (!entry) throw new AppError("NOT_FOUND", "No such waitlist entry.");
    if (entry.status === "booked") {
      throw new AppError("CONFLICT", "This waitlist entry already became a booking; cancel the appointment instead.");
    }
    // Already over (cancelled, or its offer lapsed): saying no again changes nothing.
    if (entry.status === "cancelled" || entry.status === "expired") return { entry, releasedId: null };
    if (how.onlyAnOffer && entry.status !== "offered") throw new AppError("CONFLICT", "There is no offer to decline: you are still on the waitlist.");

    let releasedId: string | null = null;
    if (entry.status === "offered" && entry.offeredAppointmentId) {
      const released = await tx.appointment.updateManyAndReturn({
        where: { id: entry.offeredAppointmentId, businessId, status: "held" },
        data: { status: "cancelled", cancelledAt: now },
        select: { id: true },
      });
      if (released[0]) {
        releasedId = released[0].id;
        await recordAudit(tx, {
          businessId,
          actor,
          action: "appointment.hold_release",
          entityType: "Appointment",
          entityId: releasedId,
          before: { status: "held", holdExpiresAt: entry.offerExpiresAt },
          after: { status: "cancelled", cancelledAt: now },
        });
      }
    }
    const [after] = await tx.waitlistEntry.updateManyAndReturn({
      where: { id: entry.id, businessId, status: entry.status },
      data: { status: "cancelled" },
      select: waitlistEntrySelect,
    });
    // A sweeper expired the offer between our read and our write: that is the answer.
    if (!after) return { entry: await tx.waitlistEntry.findFirstOrThrow({ where: { id: entry.id, businessId }, select: waitlistEntrySelect }), releasedId: null };
    await recordAudit(tx, { businessId, actor, action: how.action, entityType: "WaitlistEntry", entityId: entry.id, before: entry, after });
    return { entry: after, releasedId };
  });
  if (result.releasedId) await handFreedSlotToWaitlist(db, { businessId, appointmentId: result.releasedId }, { now, log });
  return result.entry;
}
