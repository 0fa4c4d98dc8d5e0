// What happens after an appointment stops holding its time (cancelled, moved, a hold lapsed or
// declined), once that change has committed: the time is offered to the waitlist. It never throws.
// A waitlist problem must not undo or fail the cancellation that freed the time, so errors are
// logged and the caller carries on; the time stays bookable by anyone.
import type { Db } from "../db";
import { recordAudit } from "../audit";
import { createLogger, type Logger } from "../logger";
import { offerFreedSlot, type WaitlistOffer } from "./offer-freed-slot";
import { WAITLIST_SYSTEM_ACTOR } from "./waitlist-entry-view";

let fallbackLog: Logger | undefined;

export async function handFreedSlotToWaitlist(
  db: Db,
  { businessId, appointmentId }: { businessId: string; appointmentId: string },
  { now, log }: { now: Date; log?: Pick<Logger, "error"> },
): Promise<WaitlistOffer | null> {
  try {
    const freed = await db.appointment.findFirst({
      where: { id: appointmentId, businessId, status: "cancelled" },
      select: { staffId: true, blockedFrom: true, blockedUntil: true },
    });
    if (!freed) return null;
    await withdrawOffersOn(db, { businessId, appointmentId });
    return await offerFreedSlot(
      db,
      { businessId, staffId: freed.staffId, from: freed.blockedFrom, to: freed.blockedUntil },
      { actor: WAITLIST_SYSTEM_ACTOR, now },
    );
  } catch (error) {
    fallbackLog ??= createLogger("info", "waitlist");
    (log ?? fallbackLog).error({ err: error, businessId, appointmentId }, "waitlist: could not offer freed time");
    return null;
  }
}

/**
 * A hold the business cancelled directly (cancel-appointment accepts held appointments) leaves
 * its entry `offered` with nothing behind it: the offer ends as expired.
 */
async function withdrawOffersOn(db: Db, { businessId, appointmentId }: { businessId: string; appointmentId: string }) {
  await db.$transaction(async (tx) => {
    const withdrawn = await tx.waitlistEntry.updateManyAndReturn({
      where: { businessId, status: "offered", offeredAppointmentId: appointmentId },
      data: { status: "expired" },
      select: { id: true, offerExpiresAt: true },
    });
    for (const entry of withdrawn) {
      await recordAudit(tx, {
        businessId,
        actor: WAITLIST_SYSTEM_ACTOR,
        action: "waitlist.offer_withdraw",
        entityType: "WaitlistEntry",
        entityId: entry.id,
        before: { status: "offered", offeredAppointmentId: appointmentId, offerExpiresAt: entry.offerExpiresAt },
        after: { status: "expired" },
      });
    }
  });
}
