// Randomised concurrent book / reschedule / cancel traffic against the real commands, then an
// invariant check on what the database holds. The short form runs in the test suite; the long
// form (10,000 operations on PostgreSQL) is bench/soak.bench.ts.
import type { Actor } from "../../server/audit";
import type { Db } from "../../server/db";
import { AppError } from "../../server/errors";
import { bookAppointment } from "../../server/scheduling/book-appointment";
import { cancelAppointment } from "../../server/scheduling/cancel-appointment";
import { rescheduleAppointment } from "../../server/scheduling/reschedule-appointment";

export const SOAK_NOW = new Date("2026-11-24T12:00:00Z");
const actor: Actor = { type: "user", id: "soak", channel: "dashboard" };
const EXPECTED_REFUSALS = new Set(["SLOT_TAKEN", "OUTSIDE_HOURS", "CONFLICT"]);

/** Small deterministic PRNG (mulberry32) so a failing run can be replayed from its seed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function createSoakBusiness(db: Db, staffCount = 4) {
  const business = await db.business.create({
    data: { name: "Soak Salon", slug: `soak-${Date.now().toString(36)}-${Math.floor(Math.random() * 1e6)}`, timezone: "America/New_York" },
    select: { id: true },
  });
  const businessId = business.id;
  const service = await db.service.create({
    data: { businessId, name: "Cut", durationMinutes: 30, bufferBeforeMinutes: 5, bufferAfterMinutes: 5, slotIntervalMinutes: 15, minNoticeMinutes: 0 },
    select: { id: true },
  });
  const staffIds: string[] = [];
  for (let i = 0; i < staffCount; i++) {
    const staff = await db.staffMember.create({ data: { businessId, name: `Staff ${i}` }, select: { id: true } });
    staffIds.push(staff.id);
    await db.staffService.create({ data: { businessId, staffId: staff.id, serviceId: service.id } });
    await db.weeklyHours.createMany({
      data: [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ businessId, staffId: staff.id, weekday, startMinute: 8 * 60, endMinute: 20 * 60 })),
    });
  }
  return { businessId, serviceId: service.id, staffIds };
}

export interface SoakResult {
  operations: number;
  succeeded: { book: number; reschedule: number; cancel: number };
  refused: number;
  unexpected: string[];
  elapsedMs: number;
}

export async function runSoak(
  db: Db,
  setup: Awaited<ReturnType<typeof createSoakBusiness>>,
  { operations, concurrency, seed, days = 5 }: { operations: number; concurrency: number; seed: number; days?: number },
): Promise<SoakResult> {
  const random = prng(seed);
  const known: string[] = [];
  const result: SoakResult = { operations, succeeded: { book: 0, reschedule: 0, cancel: 0 }, refused: 0, unexpected: [], elapsedMs: 0 };
  const pick = <T,>(list: T[]) => list[Math.floor(random() * list.length)]!;
  // Quarter-hour starts between 08:00 and 19:30 New York time (EST in this window) over `days` days.
  const randomStart = () => {
    const day = 1 + Math.floor(random() * days);
    const quarter = Math.floor(random() * 47);
    return new Date(Date.UTC(2026, 10, 24 + day, 13, 0) + quarter * 15 * 60_000);
  };
  let next = 0;
  const started = performance.now();

  async function one(i: number) {
    const roll = random();
    try {
      if (roll < 0.5 || known.length === 0) {
        const appointment = await bookAppointment(
          db,
          {
            businessId: setup.businessId,
            serviceId: setup.serviceId,
            staffId: random() < 0.5 ? pick(setup.staffIds) : null,
            startsAt: randomStart(),
            customer: { phone: `+1555${String(3000000 + (i % 5000)).padStart(7, "0")}` },
            idempotencyKey: random() < 0.1 && i > 10 ? `soak-${Math.floor(random() * i)}` : `soak-${i}`,
          },
          { actor, now: SOAK_NOW },
        );
        known.push(appointment.id);
        result.succeeded.book += 1;
      } else if (roll < 0.75) {
        const moved = await rescheduleAppointment(
          db,
          { businessId: setup.businessId, appointmentId: pick(known), startsAt: randomStart(), staffId: random() < 0.5 ? undefined : null },
          { actor, now: SOAK_NOW },
        );
        known.push(moved.id);
        result.succeeded.reschedule += 1;
      } else {
        await cancelAppointment(db, { businessId: setup.businessId, appointmentId: pick(known) }, { actor, now: SOAK_NOW });
        result.succeeded.cancel += 1;
      }
    } catch (error) {
      if (error instanceof AppError && EXPECTED_REFUSALS.has(error.code)) result.refused += 1;
      else result.unexpected.push(error instanceof Error ? `${error.name}: ${error.message}` : String(error));
    }
  }

  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < operations) await one(next++);
    }),
  );
  result.elapsedMs = performance.now() - started;
  return result;
}

/** Every broken invariant as a sentence; empty when the data is sound. */
export async function checkInvariants(db: Db, businessId: string): Promise<string[]> {
  const problems: string[] = [];
  const overlaps = await db.$queryRaw<{ n: bigint | number }[]>`
    SELECT count(*) AS n FROM "Appointment" a JOIN "Appointment" b
      ON a."staffId" = b."staffId" AND a.id < b.id
     AND tstzrange(a."blockedFrom", a."blockedUntil") && tstzrange(b."blockedFrom", b."blockedUntil")
   WHERE a."businessId" = ${businessId}
     AND a.status IN ('held', 'booked', 'completed') AND b.status IN ('held', 'booked', 'completed')`;
  if (Number(overlaps[0]?.n ?? 0) !== 0) problems.push(`${overlaps[0]?.n} pairs of active appointments overlap`);

  const appointments = await db.appointment.findMany({
    where: { businessId },
    select: { id: true, status: true, rescheduledFromId: true },
  });
  const audits = await db.auditLog.findMany({ where: { businessId, entityType: "Appointment" }, select: { action: true, entityId: true } });
  const created = new Map<string, number>();
  const cancelledByAudit = new Set<string>();
  for (const a of audits) {
    if (a.action === "appointment.book" || a.action === "appointment.reschedule") created.set(a.entityId!, (created.get(a.entityId!) ?? 0) + 1);
    if (a.action === "appointment.cancel") cancelledByAudit.add(a.entityId!);
  }
  const movedAway = new Set(appointments.map((a) => a.rescheduledFromId).filter((id): id is string => id !== null));
  for (const a of appointments) {
    if (created.get(a.id) !== 1) problems.push(`appointment ${a.id} has ${created.get(a.id) ?? 0} creation audit rows`);
    if (a.status === "cancelled" && !cancelledByAudit.has(a.id) && !movedAway.has(a.id)) {
      problems.push(`appointment ${a.id} is cancelled with no cancellation or reschedule on record`);
    }
    if (movedAway.has(a.id) && a.status !== "cancelled") problems.push(`appointment ${a.id} was moved but is still ${a.status}`);
  }
  const ids = new Set(appointments.map((a) => a.id));
  for (const id of created.keys()) if (!ids.has(id)) problems.push(`audited appointment ${id} is missing`);
  return problems;
}
