// Offers time that just freed up (a cancellation, a move, a lapsed or declined offer) to the
// waitlist: the first entry in line (FIFO by when it joined) whose service now has a bookable slot
// touching the freed time, inside the entry's range and with its staff member if it named one.
// "Bookable" is the real slot engine's answer, so an offer never names a time that could not be
// booked. The offer is a `held` appointment (the exclusion constraint guards it like a booking),
// the entry marked `offered`, and a queued Message saying how to accept, all in one transaction.
// One freed span makes one offer; when that offer lapses or is declined, its span comes back here.
import { z } from "zod";
import { recordAudit, type Actor } from "../audit";
import type { Db, Tx } from "../db";
import { isSlotRefusal } from "../db-errors";
import { AppError } from "../errors";
import { insertAppointment } from "../scheduling/book-appointment";
import { slotsFrom, type AvailableSlot } from "../scheduling/find-available-slots";
import { loadSchedulingContext, type SchedulingContext } from "../scheduling/load-scheduling-context";
import { waitlistEntrySelect } from "./waitlist-entry-view";
import { waitlistOfferMessage } from "./waitlist-offer-message";

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
/** How far down the line one freed span looks; a longer line waits for the next freed span. */
const MAX_CANDIDATES = 200;

export const offerFreedSlotInput = z.object({
  businessId: z.string().min(1),
  /** Whose time freed up. */
  staffId: z.string().min(1),
  /** The freed appointment's blocked range (buffers included): what the database no longer holds. */
  from: z.coerce.date({ message: "from must be an ISO 8601 date-time" }),
  to: z.coerce.date({ message: "to must be an ISO 8601 date-time" }),
});

export type OfferFreedSlotInput = z.input<typeof offerFreedSlotInput>;

export interface WaitlistOffer {
  entryId: string;
  customerId: string;
  appointmentId: string;
  staffId: string;
  startsAt: Date;
  endsAt: Date;
  holdExpiresAt: Date;
  messageId: string;
  channel: "sms" | "email";
}

/** Another offer claimed the entry between our read and our write; look again. */
class EntryNoLongerWaiting extends Error {}

export async function offerFreedSlot(db: Db, rawInput: OfferFreedSlotInput, { actor, now }: { actor: Actor; now: Date }): Promise<WaitlistOffer | null> {
  const input = offerFreedSlotInput.parse(rawInput);
  if (input.to <= input.from) throw new AppError("INVALID_INPUT", "to must be after from.");
  if (input.to <= now) return null; // time already gone: nothing to offer
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await db.$transaction((tx) => offerInTransaction(tx, input, { actor, now }));
    } catch (error) {
      // A booking or another offer took the time (exclusion constraint), or another offer claimed
      // the entry, after we read; the transaction rolled back, so retry on fresh data.
      if (error instanceof EntryNoLongerWaiting || isSlotRefusal(error)) continue;
      throw error;
    }
  }
  return null;
}

type Input = z.infer<typeof offerFreedSlotInput>;

async function offerInTransaction(tx: Tx, input: Input, { actor, now }: { actor: Actor; now: Date }): Promise<WaitlistOffer | null> {
  const fromMs = input.from.getTime();
  const toMs = input.to.getTime();
  const entries = await tx.waitlistEntry.findMany({
    where: {
      businessId: input.businessId,
      status: "waiting",
      OR: [{ staffId: null }, { staffId: input.staffId }],
      // Coarse window here (buffers are per service); the exact test is on the slots below.
      earliest: { lt: new Date(toMs + DAY_MS) },
      latest: { gt: new Date(Math.max(now.getTime(), fromMs - DAY_MS)) },
      service: { businessId: input.businessId, active: true, staff: { some: { staffId: input.staffId, staff: { active: true } } } },
      // Someone we cannot tell (opted out of SMS, no email) would only sit on the time until it lapsed.
      customer: { businessId: input.businessId, OR: [{ smsOptOut: false }, { email: { not: null } }] },
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: MAX_CANDIDATES,
    select: { ...waitlistEntrySelect, customer: { select: { phone: true, email: true, smsOptOut: true } } },
  });

  const freedByService = new Map<string, FreedSlots | null>();
  for (const entry of entries) {
    let freed = freedByService.get(entry.serviceId);
    if (freed === undefined) {
      freed = await freedSlotsOf(tx, { ...input, serviceId: entry.serviceId, fromMs, toMs, nowMs: now.getTime() });
      freedByService.set(entry.serviceId, freed);
    }
    const slot = freed?.slots.find((s) => s.startsAt >= entry.earliest && s.endsAt <= entry.latest);
    if (!freed || !slot) continue;
    const { customer, ...before } = entry;
    return makeOffer(tx, { businessId: input.businessId, staffId: input.staffId, entry: before, customer, slot, context: freed.context }, { actor, now });
  }
  return null;
}

interface FreedSlots {
  context: SchedulingContext;
  slots: AvailableSlot[];
}

/**
 * The staff member's bookable slots of one service that the freed range had been standing in the
 * way of, and that the exclusion constraint will accept. Two guards beyond the slot engine:
 * - Reach. The engine widens an appointment's blocked range by the requested service's before-
 *   buffer at its start and after-buffer at its end; the constraint compares blocked ranges, which
 *   amounts to the opposite pairing. A slot counts as freed when it overlaps the freed range
 *   widened by the larger buffer on both sides, which covers either rule.
 * - Neighbours. Where the two rules differ the engine can offer a slot whose blocked range meets a
 *   neighbouring appointment's (a slot just before one, when the service has only an after-
 *   buffer). Such a hold would fail on the constraint every time and stall the whole line, so
 *   those slots are dropped here by the constraint's own rule.
 */
async function freedSlotsOf(
  tx: Tx,
  args: { businessId: string; serviceId: string; staffId: string; fromMs: number; toMs: number; nowMs: number },
): Promise<FreedSlots | null> {
  let context: SchedulingContext;
  try {
    context = await loadSchedulingContext(tx, { businessId: args.businessId, serviceId: args.serviceId, staffId: args.staffId, fromMs: args.fromMs, toMs: args.toMs });
  } catch (error) {
    // The service was retired or the person stopped performing it since the entry was written.
    if (error instanceof AppError && error.code === "NOT_FOUND") return null;
    throw error;
  }
  const beforeMs = context.service.bufferBeforeMinutes * MINUTE_MS;
  const afterMs = context.service.bufferAfterMinutes * MINUTE_MS;
  const reachFrom = args.fromMs - Math.max(beforeMs, afterMs);
  const reachTo = args.toMs + Math.max(beforeMs, afterMs);
  const durationMs = context.service.durationMinutes * MINUTE_MS;
  const neighbours = context.query.appointments
    .filter((a) => a.staffId === args.staffId)
    .map((a) => ({ from: a.startMs - a.bufferBeforeMinutes * MINUTE_MS, until: a.endMs + a.bufferAfterMinutes * MINUTE_MS }));
  // Starts in this window are exactly the slots overlapping [reachFrom, reachTo).
  const slots = slotsFrom(context, { fromMs: reachFrom - durationMs + 1, toMs: reachTo, staffId: args.staffId, nowMs: args.nowMs }).filter((s) => {
    const startMs = s.startsAt.getTime();
    const endMs = s.endsAt.getTime();
    return neighbours.every((n) => startMs - beforeMs >= n.until || endMs + afterMs <= n.from);
  });
  return { context, slots };
}

async function makeOffer(
  tx: Tx,
  args: {
    businessId: string;
    staffId: string;
    entry: { id: string; customerId: string; serviceId: string };
    customer: { phone: string; email: string | null; smsOptOut: boolean };
    slot: AvailableSlot;
    context: SchedulingContext;
  },
  { actor, now }: { actor: Actor; now: Date },
): Promise<WaitlistOffer> {
  const { businessId, entry, context } = args;
  const holdExpiresAt = new Date(now.getTime() + context.business.settings.booking.waitlistHoldMinutes * MINUTE_MS);
  const hold = await insertAppointment(tx, {
    businessId,
    serviceId: entry.serviceId,
    staffId: args.staffId,
    customerId: entry.customerId,
    startMs: args.slot.startsAt.getTime(),
    endMs: args.slot.endsAt.getTime(),
    bufferBeforeMinutes: context.service.bufferBeforeMinutes,
    bufferAfterMinutes: context.service.bufferAfterMinutes,
    channel: actor.channel,
    status: "held",
    holdExpiresAt,
  });
  const claimed = await tx.waitlistEntry.updateManyAndReturn({
    where: { id: entry.id, businessId, status: "waiting" },
    data: { status: "offered", offeredAppointmentId: hold.id, offerExpiresAt: holdExpiresAt },
    select: waitlistEntrySelect,
  });
  const after = claimed[0];
  if (!after) throw new EntryNoLongerWaiting();

  const business = await tx.business.findUniqueOrThrow({ where: { id: businessId }, select: { name: true } });
  const channel = args.customer.smsOptOut ? "email" : "sms";
  const text = waitlistOfferMessage({
    businessName: business.name,
    serviceName: hold.service.name,
    staffName: hold.staff.name,
    startsAt: hold.startsAt,
    holdExpiresAt,
    timeZone: context.business.timezone,
    now,
  });
  const message = await tx.message.create({
    data: {
      businessId,
      customerId: entry.customerId,
      appointmentId: hold.id,
      channel,
      kind: "waitlist_offer",
      to: channel === "sms" ? args.customer.phone : args.customer.email!,
      subject: channel === "email" ? text.subject : null,
      body: text.body,
      status: "queued",
      sendAfter: now,
    },
    select: { id: true },
  });

  await recordAudit(tx, { businessId, actor, action: "appointment.hold", entityType: "Appointment", entityId: hold.id, after: hold });
  await recordAudit(tx, {
    businessId,
    actor,
    action: "waitlist.offer",
    entityType: "WaitlistEntry",
    entityId: entry.id,
    before: args.entry,
    after: { ...after, messageId: message.id },
  });
  return {
    entryId: entry.id,
    customerId: entry.customerId,
    appointmentId: hold.id,
    staffId: args.staffId,
    startsAt: hold.startsAt,
    endsAt: hold.endsAt,
    holdExpiresAt,
    messageId: message.id,
    channel,
  };
}
