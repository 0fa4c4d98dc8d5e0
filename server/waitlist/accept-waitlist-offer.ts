// The customer takes the offered time ("YES"): the held appointment becomes booked and the entry
// booked. Accepting twice returns the same booking. An offer whose hold has lapsed cannot be
// accepted, even before the sweep has run: it is expired on the spot (and the time passed on to
// the next in line), and the answer says so.
import { z } from "zod";
import { recordAudit, type Actor } from "../audit";
import type { Db } from "../db";
import { AppError } from "../errors";
import type { Logger } from "../logger";
import { getAppointment } from "../scheduling/appointment-view";
import { expireWaitlistOffers } from "./expire-waitlist-offers";
import { WAITLIST_SYSTEM_ACTOR, waitlistEntrySelect } from "./waitlist-entry-view";

export const acceptWaitlistOfferInput = z.object({
  businessId: z.string().min(1),
  entryId: z.string().min(1),
});

export type AcceptWaitlistOfferInput = z.input<typeof acceptWaitlistOfferInput>;

export async function acceptWaitlistOffer(
  db: Db,
  rawInput: AcceptWaitlistOfferInput,
  { actor, now, log }: { actor: Actor; now: Date; log?: Pick<Logger, "error"> },
) {
  const input = acceptWaitlistOfferInput.parse(rawInput);
  const { businessId } = input;
  const outcome = await db.$transaction(async (tx) => {
    const entry = await tx.waitlistEntry.findFirst({ where: { id: input.entryId, businessId }, select: waitlistEntrySelect });
    if (!entry) throw new AppError("NOT_FOUND", "No such waitlist entry.");
    const appointmentId = entry.offeredAppointmentId;
    if (entry.status === "booked" && appointmentId) {
      return { kind: "booked" as const, entry, appointment: await getAppointment(tx, { businessId, appointmentId }) };
    }
    if (entry.status !== "offered" || !appointmentId) throw new AppError("CONFLICT", noOpenOffer(entry.status));

    const before = await getAppointment(tx, { businessId, appointmentId });
    // Conditional: of an acceptance and a sweeper reaching for the hold at once, one wins.
    // The channel becomes the one the customer answered on: that is where the booking was made.
    const booked = await tx.appointment.updateMany({
      where: { id: appointmentId, businessId, status: "held", holdExpiresAt: { gte: now } },
      data: { status: "booked", holdExpiresAt: null, channel: actor.channel },
    });
    if (booked.count === 0) {
      // Read again: a decline or a sweep may have just changed the hold under us.
      const hold = await tx.appointment.findFirst({ where: { id: appointmentId, businessId }, select: { status: true } });
      if (hold?.status === "held") return { kind: "lapsed" as const }; // past holdExpiresAt
      // The business cancelled the hold itself; close the offer here if nobody has yet.
      const [closed] = await tx.waitlistEntry.updateManyAndReturn({
        where: { id: entry.id, businessId, status: "offered" },
        data: { status: "expired" },
        select: waitlistEntrySelect,
      });
      if (closed) await recordAudit(tx, { businessId, actor, action: "waitlist.offer_withdraw", entityType: "WaitlistEntry", entityId: entry.id, before: entry, after: closed });
      return { kind: "withdrawn" as const };
    }
    const [after] = await tx.waitlistEntry.updateManyAndReturn({
      where: { id: entry.id, businessId, status: "offered" },
      data: { status: "booked" },
      select: waitlistEntrySelect,
    });
    if (!after) throw new AppError("CONFLICT", "This offer changed while you answered. Please try again.");
    const appointment = await getAppointment(tx, { businessId, appointmentId });
    await recordAudit(tx, { businessId, actor, action: "appointment.book", entityType: "Appointment", entityId: appointmentId, before, after: appointment });
    await recordAudit(tx, { businessId, actor, action: "waitlist.accept", entityType: "WaitlistEntry", entityId: entry.id, before: entry, after });
    return { kind: "booked" as const, entry: after, appointment };
  });

  if (outcome.kind === "lapsed") {
    // Expire it now rather than leave it for the next sweep, so the next in line hears sooner.
    await expireWaitlistOffers(db, { businessId }, { actor: WAITLIST_SYSTEM_ACTOR, now, log });
    throw new AppError("CONFLICT", "Sorry, this offer has expired and the time is no longer held for you.", { reason: "expired" });
  }
  if (outcome.kind === "withdrawn") {
    throw new AppError("CONFLICT", "Sorry, this time is no longer available.", { reason: "withdrawn" });
  }
  return { entry: outcome.entry, appointment: outcome.appointment! };
}

function noOpenOffer(status: string): string {
  switch (status) {
    case "waiting":
      return "There is no offer to accept yet: you are still on the waitlist.";
    case "expired":
      return "Sorry, this offer has expired and the time is no longer held for you.";
    default:
      return "This waitlist entry was cancelled, so there is no offer to accept.";
  }
}
