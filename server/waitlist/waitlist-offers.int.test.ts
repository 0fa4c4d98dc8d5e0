// Freed time reaching the waitlist, against a real database (PGlite, and PostgreSQL when
// TEST_DATABASE_URL is set): offers on cancellation and on a move, holds that block bookings,
// acceptance, expiry and the next in line, declining, and what is never offered.
// The shop (waitlist-test-support.ts) is in New York; the clock stands on Tuesday 2026-11-24 09:00
// EST. The freed time is Alex's Thursday 20:00, which is already Friday 01:00 in UTC.
import { describe, expect, it, vi } from "vitest";
import { engines, useTestDatabase } from "../../tests/helpers/test-database";
import type { Db } from "../db";
import { bookAppointment } from "../scheduling/book-appointment";
import { cancelAppointment } from "../scheduling/cancel-appointment";
import { findAvailableSlots } from "../scheduling/find-available-slots";
import { rescheduleAppointment } from "../scheduling/reschedule-appointment";
import { acceptWaitlistOffer } from "./accept-waitlist-offer";
import { cancelWaitlistEntry } from "./cancel-waitlist-entry";
import { declineWaitlistOffer } from "./decline-waitlist-offer";
import { expireWaitlistOffers } from "./expire-waitlist-offers";
import { handFreedSlotToWaitlist } from "./hand-freed-slot-to-waitlist";
import { joinWaitlist } from "./join-waitlist";
import { offerFreedSlot } from "./offer-freed-slot";
import { caller, local, minutesLater, now, owner, person, rejection, system, waitlistShop } from "./waitlist-test-support";

type Shop = Awaited<ReturnType<typeof waitlistShop>>;

const thursday8pm = local("2026-11-26T20:00"); // 2026-11-27T01:00Z

describe.each(engines)("waitlist offers on %s", (engine) => {
  const database = useTestDatabase(engine);

  async function bookAlex(db: Db, s: Shop, startsAt: Date) {
    const c = await person(db, s.businessId);
    return bookAppointment(db, { businessId: s.businessId, serviceId: s.haircut, staffId: s.alex, startsAt, customer: { id: c.id } }, { actor: owner, now });
  }

  async function wait(db: Db, s: Shop, range: [string, string], extra: { serviceId?: string; staffId?: string; customer?: { email?: string; smsOptOut?: boolean } } = {}) {
    const c = await person(db, s.businessId, extra.customer);
    const { entry } = await joinWaitlist(
      db,
      { businessId: s.businessId, serviceId: extra.serviceId ?? s.haircut, staffId: extra.staffId, customer: { id: c.id }, earliest: local(range[0]), latest: local(range[1]) },
      { actor: caller, now },
    );
    return { ...entry, phone: c.phone };
  }

  const entryOf = (db: Db, id: string) =>
    db.waitlistEntry.findUniqueOrThrow({ where: { id }, select: { status: true, offeredAppointmentId: true, offerExpiresAt: true } });
  const heldFor = (db: Db, customerId: string) =>
    db.appointment.findMany({ where: { customerId, status: "held" }, select: { id: true, staffId: true, startsAt: true, endsAt: true, holdExpiresAt: true } });
  const messagesTo = (db: Db, customerId: string) =>
    db.message.findMany({ where: { customerId }, select: { channel: true, kind: true, to: true, subject: true, body: true, status: true, appointmentId: true } });

  it("offers a cancelled slot to the first in line: a hold, and an SMS naming the local weekday, date and time", async () => {
    const db = database().prisma;
    const s = await waitlistShop(db, { settings: { booking: { waitlistHoldMinutes: 45 } } });
    const booked = await bookAlex(db, s, thursday8pm);
    const first = await wait(db, s, ["2026-11-26T20:00", "2026-11-26T21:00"]);
    const second = await wait(db, s, ["2026-11-26T20:00", "2026-11-26T21:00"]);

    await cancelAppointment(db, { businessId: s.businessId, appointmentId: booked.id }, { actor: owner, now });

    const [hold, ...more] = await heldFor(db, first.customerId);
    expect(more).toEqual([]);
    expect(hold).toMatchObject({ staffId: s.alex, startsAt: new Date("2026-11-27T01:00:00Z"), endsAt: new Date("2026-11-27T01:30:00Z"), holdExpiresAt: minutesLater(45) });
    expect(await entryOf(db, first.id)).toEqual({ status: "offered", offeredAppointmentId: hold!.id, offerExpiresAt: minutesLater(45) });
    expect(await messagesTo(db, first.customerId)).toEqual([
      {
        channel: "sms",
        kind: "waitlist_offer",
        to: first.phone,
        subject: null,
        body: `${s.name}: a time you were waiting for is free. Haircut with Alex, Thursday, November 26 at 8:00 PM. We are holding it for you until 9:45 AM. Reply YES to book it, or NO to let it go.`,
        status: "queued",
        appointmentId: hold!.id,
      },
    ]);

    // The second in line gets nothing while the first one's hold stands.
    expect(await entryOf(db, second.id)).toEqual({ status: "waiting", offeredAppointmentId: null, offerExpiresAt: null });
    expect(await heldFor(db, second.customerId)).toEqual([]);
    expect(await messagesTo(db, second.customerId)).toEqual([]);

    const audit = await db.auditLog.findMany({ where: { businessId: s.businessId, action: { in: ["appointment.cancel", "appointment.hold", "waitlist.offer"] } }, select: { action: true, entityId: true, actorType: true } });
    expect(audit).toEqual(
      expect.arrayContaining([
        { action: "appointment.cancel", entityId: booked.id, actorType: "user" },
        { action: "appointment.hold", entityId: hold!.id, actorType: "system" },
        { action: "waitlist.offer", entityId: first.id, actorType: "system" },
      ]),
    );
  });

  it("lets the hold block other bookings of that time until it is accepted, then books it", async () => {
    const db = database().prisma;
    const s = await waitlistShop(db);
    const booked = await bookAlex(db, s, thursday8pm);
    const first = await wait(db, s, ["2026-11-26T20:00", "2026-11-26T21:00"]);
    await cancelAppointment(db, { businessId: s.businessId, appointmentId: booked.id }, { actor: owner, now });

    const someone = await person(db, s.businessId);
    const taken = await rejection(bookAppointment(db, { businessId: s.businessId, serviceId: s.haircut, staffId: s.alex, startsAt: thursday8pm, customer: { id: someone.id } }, { actor: owner, now: minutesLater(10) }));
    expect(taken.code).toBe("SLOT_TAKEN");
    const alexFree = await findAvailableSlots(db, { businessId: s.businessId, serviceId: s.haircut, staffId: s.alex, from: thursday8pm, to: local("2026-11-26T20:01") }, minutesLater(10));
    expect(alexFree.slots).toEqual([]);
    // "Anyone" still gets the time, from Sam.
    const withSam = await bookAppointment(db, { businessId: s.businessId, serviceId: s.haircut, startsAt: thursday8pm, customer: { id: someone.id } }, { actor: owner, now: minutesLater(10) });
    expect(withSam.staff.id).toBe(s.sam);

    const accepted = await acceptWaitlistOffer(db, { businessId: s.businessId, entryId: first.id }, { actor: caller, now: minutesLater(29) });
    expect(accepted.entry.status).toBe("booked");
    expect(accepted.appointment).toMatchObject({ status: "booked", channel: "sms", holdExpiresAt: null, startsAt: thursday8pm, staff: { id: s.alex }, customer: { id: first.customerId } });
    // A repeated YES answers with the same booking and changes nothing.
    const again = await acceptWaitlistOffer(db, { businessId: s.businessId, entryId: first.id }, { actor: caller, now: minutesLater(30) });
    expect(again.appointment!.id).toBe(accepted.appointment.id);
    expect(await db.auditLog.count({ where: { businessId: s.businessId, action: "waitlist.accept", entityId: first.id } })).toBe(1);
    const bookAudit = await db.auditLog.findFirstOrThrow({ where: { businessId: s.businessId, action: "appointment.book", entityId: accepted.appointment.id }, select: { before: true, after: true, actorType: true } });
    expect([(bookAudit.before as { status: string }).status, (bookAudit.after as { status: string }).status, bookAudit.actorType]).toEqual(["held", "booked", "caller"]);
    // The expiry sweep leaves a booked offer alone.
    expect(await expireWaitlistOffers(db, { businessId: s.businessId }, { actor: system, now: minutesLater(120) })).toEqual({ expired: 0, offered: 0 });
  });

  it("passes a lapsed offer to the next in line, once, and refuses the late acceptance", async () => {
    const db = database().prisma;
    const s = await waitlistShop(db);
    const booked = await bookAlex(db, s, thursday8pm);
    const first = await wait(db, s, ["2026-11-26T20:00", "2026-11-26T21:00"]);
    const second = await wait(db, s, ["2026-11-26T19:45", "2026-11-26T21:00"]);
    await cancelAppointment(db, { businessId: s.businessId, appointmentId: booked.id }, { actor: owner, now });
    const [firstHold] = await heldFor(db, first.customerId);

    expect(await expireWaitlistOffers(db, { businessId: s.businessId }, { actor: system, now: minutesLater(29) })).toEqual({ expired: 0, offered: 0 });
    expect((await entryOf(db, first.id)).status).toBe("offered");

    const later = minutesLater(31);
    expect(await expireWaitlistOffers(db, { businessId: s.businessId }, { actor: system, now: later })).toEqual({ expired: 1, offered: 1 });
    expect((await entryOf(db, first.id)).status).toBe("expired");
    expect((await db.appointment.findUniqueOrThrow({ where: { id: firstHold!.id }, select: { status: true, cancelledAt: true } }))).toEqual({ status: "cancelled", cancelledAt: later });
    const [secondHold] = await heldFor(db, second.customerId);
    expect(secondHold).toMatchObject({ staffId: s.alex, startsAt: thursday8pm, holdExpiresAt: new Date(later.getTime() + 30 * 60_000) });
    expect((await entryOf(db, second.id)).status).toBe("offered");
    const [message] = await messagesTo(db, second.customerId);
    expect(message!.body).toContain("Thursday, November 26 at 8:00 PM");
    expect(message!.body).toContain("until 10:01 AM");

    // Idempotent: running again changes nothing.
    expect(await expireWaitlistOffers(db, { businessId: s.businessId }, { actor: system, now: later })).toEqual({ expired: 0, offered: 0 });
    expect(await db.message.count({ where: { businessId: s.businessId, kind: "waitlist_offer" } })).toBe(2);

    const late = await rejection(acceptWaitlistOffer(db, { businessId: s.businessId, entryId: first.id }, { actor: caller, now: later }));
    expect([late.code, late.message]).toEqual(["CONFLICT", "Sorry, this offer has expired and the time is no longer held for you."]);
    expect((await heldFor(db, second.customerId)).map((h) => h.id)).toEqual([secondHold!.id]);

    const audit = await db.auditLog.findMany({ where: { businessId: s.businessId, action: { in: ["appointment.hold_expire", "waitlist.expire"] } }, select: { action: true, entityId: true } });
    expect(audit).toEqual(expect.arrayContaining([{ action: "appointment.hold_expire", entityId: firstHold!.id }, { action: "waitlist.expire", entityId: first.id }]));
    expect(audit).toHaveLength(2);
  });

  it("lets concurrent sweepers expire a hold and offer its time exactly once", async () => {
    const db = database().prisma;
    const s = await waitlistShop(db);
    const booked = await bookAlex(db, s, thursday8pm);
    await wait(db, s, ["2026-11-26T20:00", "2026-11-26T21:00"]);
    const second = await wait(db, s, ["2026-11-26T20:00", "2026-11-26T21:00"]);
    const third = await wait(db, s, ["2026-11-26T20:00", "2026-11-26T21:00"]);
    await cancelAppointment(db, { businessId: s.businessId, appointmentId: booked.id }, { actor: owner, now });

    const results = await Promise.all(Array.from({ length: 4 }, () => expireWaitlistOffers(db, { businessId: s.businessId }, { actor: system, now: minutesLater(31) })));
    expect(results.reduce((sum, r) => sum + r.expired, 0)).toBe(1);
    expect(results.reduce((sum, r) => sum + r.offered, 0)).toBe(1);
    expect((await entryOf(db, second.id)).status).toBe("offered");
    expect((await entryOf(db, third.id)).status).toBe("waiting");
    expect(await db.appointment.count({ where: { businessId: s.businessId, status: "held" } })).toBe(1);
    expect(await db.message.count({ where: { businessId: s.businessId, kind: "waitlist_offer" } })).toBe(2);
  });

  it("does not let a lapsed hold block a normal booking, and leaves lapsed holds elsewhere to the sweep", async () => {
    const db = database().prisma;
    const s = await waitlistShop(db);
    const thursday = await bookAlex(db, s, thursday8pm);
    const friday = await bookAlex(db, s, local("2026-11-27T20:00"));
    const onThursday = await wait(db, s, ["2026-11-26T20:00", "2026-11-26T21:00"]);
    const onFriday = await wait(db, s, ["2026-11-27T20:00", "2026-11-27T21:00"]);
    await cancelAppointment(db, { businessId: s.businessId, appointmentId: thursday.id }, { actor: owner, now });
    await cancelAppointment(db, { businessId: s.businessId, appointmentId: friday.id }, { actor: owner, now });
    const [thursdayHold] = await heldFor(db, onThursday.customerId);
    const [fridayHold] = await heldFor(db, onFriday.customerId);
    expect([thursdayHold, fridayHold].every(Boolean)).toBe(true);

    const walkIn = await person(db, s.businessId);
    const later = minutesLater(31); // both holds have lapsed; no sweep has run
    const appointment = await bookAppointment(db, { businessId: s.businessId, serviceId: s.haircut, staffId: s.alex, startsAt: thursday8pm, customer: { id: walkIn.id } }, { actor: owner, now: later });
    expect(appointment).toMatchObject({ status: "booked", startsAt: thursday8pm, staff: { id: s.alex } });
    expect((await db.appointment.findUniqueOrThrow({ where: { id: thursdayHold!.id }, select: { status: true } })).status).toBe("cancelled");
    expect((await entryOf(db, onThursday.id)).status).toBe("expired");
    expect(await db.auditLog.count({ where: { businessId: s.businessId, action: "appointment.hold_expire", entityId: thursdayHold!.id, actorType: "user" } })).toBe(1);
    expect(await db.auditLog.count({ where: { businessId: s.businessId, action: "waitlist.expire", entityId: onThursday.id } })).toBe(1);
    // Friday's lapsed hold was not in the way, so it waits for the sweep.
    expect((await db.appointment.findUniqueOrThrow({ where: { id: fridayHold!.id }, select: { status: true } })).status).toBe("held");
    expect((await entryOf(db, onFriday.id)).status).toBe("offered");
  });

  it("offers only an entry whose service, staff and range fit the freed time, first come first served", async () => {
    const db = database().prisma;
    const s = await waitlistShop(db);
    const booked = await bookAlex(db, s, thursday8pm);
    const skipped = [
      await wait(db, s, ["2026-11-26T18:00", "2026-11-26T21:00"], { serviceId: s.color }), // Alex does not do colour
      await wait(db, s, ["2026-11-26T18:00", "2026-11-26T21:00"], { staffId: s.sam }), // wants Sam
      await wait(db, s, ["2026-11-26T18:00", "2026-11-26T19:30"]), // free slots, but none the cancellation freed
      await wait(db, s, ["2026-11-26T20:00", "2026-11-26T20:20"]), // too short for a haircut
      await wait(db, s, ["2026-11-27T19:00", "2026-11-27T21:00"]), // Friday
      await wait(db, s, ["2026-11-26T20:00", "2026-11-26T21:00"], { customer: { smsOptOut: true } }), // no way to reach them
    ];
    const fits = await wait(db, s, ["2026-11-26T20:00", "2026-11-26T21:00"], { customer: { smsOptOut: true, email: "fits@example.com" } });

    await cancelAppointment(db, { businessId: s.businessId, appointmentId: booked.id }, { actor: owner, now });

    for (const entry of skipped) expect(await entryOf(db, entry.id)).toEqual({ status: "waiting", offeredAppointmentId: null, offerExpiresAt: null });
    expect(await db.message.count({ where: { customerId: { in: skipped.map((e) => e.customerId) } } })).toBe(0);
    expect((await entryOf(db, fits.id)).status).toBe("offered");
    const [email] = await messagesTo(db, fits.customerId);
    expect(email).toMatchObject({ channel: "email", to: "fits@example.com", subject: `${s.name}: Haircut on Thursday, November 26 at 8:00 PM is free` });
    expect(email!.body).toContain("Reply YES to book it");
  });

  it("never offers a slot the database would refuse next to another appointment", async () => {
    // The haircut has 10 minutes after it. With Alex booked at 19:30, a 19:00 haircut would end
    // its buffer at 19:40, inside the 19:30 appointment: not offerable, whatever the engine says.
    const db = database().prisma;
    const s = await waitlistShop(db);
    const freed = await bookAlex(db, s, local("2026-11-26T18:30"));
    await bookAlex(db, s, local("2026-11-26T19:30"));
    const wantsSeven = await wait(db, s, ["2026-11-26T19:00", "2026-11-26T19:30"]);
    const wantsHalfSix = await wait(db, s, ["2026-11-26T18:30", "2026-11-26T19:00"]);
    await cancelAppointment(db, { businessId: s.businessId, appointmentId: freed.id }, { actor: owner, now });
    expect((await entryOf(db, wantsSeven.id)).status).toBe("waiting");
    expect((await heldFor(db, wantsHalfSix.customerId)).map((h) => h.startsAt)).toEqual([local("2026-11-26T18:30")]);
  });

  it("offers the time a move gives up", async () => {
    const db = database().prisma;
    const s = await waitlistShop(db);
    const booked = await bookAlex(db, s, thursday8pm);
    const waiting = await wait(db, s, ["2026-11-26T19:00", "2026-11-26T21:00"]);
    await rescheduleAppointment(db, { businessId: s.businessId, appointmentId: booked.id, startsAt: local("2026-11-27T10:00") }, { actor: owner, now });
    const [hold] = await heldFor(db, waiting.customerId);
    expect(hold).toMatchObject({ staffId: s.alex });
    // The earliest freed slot in the range: 19:30 (a 19:30 haircut's buffer ran into the old 20:00 appointment).
    expect(hold!.startsAt).toEqual(local("2026-11-26T19:30"));
    expect((await entryOf(db, waiting.id)).status).toBe("offered");
  });

  it("passes a declined offer, or one the customer leaves, to the next in line", async () => {
    const db = database().prisma;
    const s = await waitlistShop(db);
    const booked = await bookAlex(db, s, thursday8pm);
    const first = await wait(db, s, ["2026-11-26T20:00", "2026-11-26T21:00"]);
    const second = await wait(db, s, ["2026-11-26T20:00", "2026-11-26T21:00"]);
    const third = await wait(db, s, ["2026-11-26T20:00", "2026-11-26T21:00"]);
    await cancelAppointment(db, { businessId: s.businessId, appointmentId: booked.id }, { actor: owner, now });
    const [firstHold] = await heldFor(db, first.customerId);

    const tooEarly = await rejection(declineWaitlistOffer(db, { businessId: s.businessId, entryId: second.id }, { actor: caller, now: minutesLater(5) }));
    expect(tooEarly.code).toBe("CONFLICT");

    const declined = await declineWaitlistOffer(db, { businessId: s.businessId, entryId: first.id }, { actor: caller, now: minutesLater(5) });
    expect(declined.status).toBe("cancelled");
    expect((await db.appointment.findUniqueOrThrow({ where: { id: firstHold!.id }, select: { status: true } })).status).toBe("cancelled");
    const [secondHold] = await heldFor(db, second.customerId);
    expect(secondHold).toMatchObject({ startsAt: thursday8pm, holdExpiresAt: minutesLater(35) });
    expect((await declineWaitlistOffer(db, { businessId: s.businessId, entryId: first.id }, { actor: caller, now: minutesLater(6) })).status).toBe("cancelled");
    expect(await db.auditLog.count({ where: { businessId: s.businessId, action: "waitlist.decline", entityId: first.id } })).toBe(1);
    expect(await db.auditLog.count({ where: { businessId: s.businessId, action: "appointment.hold_release", entityId: firstHold!.id } })).toBe(1);

    await cancelWaitlistEntry(db, { businessId: s.businessId, entryId: second.id }, { actor: caller, now: minutesLater(7) });
    expect((await entryOf(db, second.id)).status).toBe("cancelled");
    expect((await heldFor(db, third.customerId)).map((h) => h.startsAt)).toEqual([thursday8pm]);
    expect((await entryOf(db, third.id)).status).toBe("offered");
  });

  it("closes the offer when the business cancels the hold itself, and passes the time on", async () => {
    const db = database().prisma;
    const s = await waitlistShop(db);
    const booked = await bookAlex(db, s, thursday8pm);
    const first = await wait(db, s, ["2026-11-26T20:00", "2026-11-26T21:00"]);
    const second = await wait(db, s, ["2026-11-26T20:00", "2026-11-26T21:00"]);
    await cancelAppointment(db, { businessId: s.businessId, appointmentId: booked.id }, { actor: owner, now });
    const [firstHold] = await heldFor(db, first.customerId);
    await cancelAppointment(db, { businessId: s.businessId, appointmentId: firstHold!.id }, { actor: owner, now: minutesLater(2) });
    expect((await entryOf(db, first.id)).status).toBe("expired");
    expect((await heldFor(db, second.customerId)).map((h) => h.startsAt)).toEqual([thursday8pm]);
    const error = await rejection(acceptWaitlistOffer(db, { businessId: s.businessId, entryId: first.id }, { actor: caller, now: minutesLater(3) }));
    expect(error.code).toBe("CONFLICT");
  });

  it("finds nothing of another business", async () => {
    const db = database().prisma;
    const a = await waitlistShop(db);
    const b = await waitlistShop(db);
    const booked = await bookAlex(db, a, thursday8pm);
    const first = await wait(db, a, ["2026-11-26T20:00", "2026-11-26T21:00"]);
    const second = await wait(db, a, ["2026-11-26T20:00", "2026-11-26T21:00"]);

    // Another business's id with this business's staff member frees nothing here.
    expect(await offerFreedSlot(db, { businessId: b.businessId, staffId: a.alex, from: thursday8pm, to: local("2026-11-26T20:40") }, { actor: system, now })).toBeNull();
    expect((await entryOf(db, first.id)).status).toBe("waiting");

    await cancelAppointment(db, { businessId: a.businessId, appointmentId: booked.id }, { actor: owner, now });
    for (const attempt of [acceptWaitlistOffer, declineWaitlistOffer, cancelWaitlistEntry]) {
      expect((await rejection(attempt(db, { businessId: b.businessId, entryId: first.id }, { actor: caller, now: minutesLater(1) }))).code).toBe("NOT_FOUND");
    }
    expect((await entryOf(db, first.id)).status).toBe("offered");
    expect((await entryOf(db, second.id)).status).toBe("waiting");
    expect(await expireWaitlistOffers(db, { businessId: b.businessId }, { actor: system, now: minutesLater(60) })).toEqual({ expired: 0, offered: 0 });
    expect((await entryOf(db, first.id)).status).toBe("offered");
  });

  it("keeps a cancellation when the waitlist fails, and logs the failure", async () => {
    const db = database().prisma;
    const log = { error: vi.fn() };
    const broken = new Proxy(db, {
      get: (target, key) => (key === "appointment" ? { findFirst: () => Promise.reject(new Error("waitlist exploded")) } : Reflect.get(target, key)),
    });
    expect(await handFreedSlotToWaitlist(broken, { businessId: "b", appointmentId: "a" }, { now, log })).toBeNull();
    expect(log.error).toHaveBeenCalledWith(expect.objectContaining({ businessId: "b", appointmentId: "a" }), "waitlist: could not offer freed time");
  });
});
