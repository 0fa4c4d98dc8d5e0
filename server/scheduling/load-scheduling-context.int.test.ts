// loadAppointmentRows: the active appointments of the given staff whose blocked range (buffers
// included) overlaps the window widened by a day each side, exactly at the edges: a range that
// ends where the widened window starts, or starts where it ends, stays out. And
// isOutsideTransaction, which decides whether reads may run in parallel and use the caches.
import { describe, expect, it } from "vitest";
import { appointmentData, createBusinessFixture } from "../../tests/helpers/fixtures";
import { engines, useTestDatabase } from "../../tests/helpers/test-database";
import { isOutsideTransaction, loadAppointmentRows } from "./load-scheduling-context";

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

describe.each(engines)("loadAppointmentRows on %s", (engine) => {
  const database = useTestDatabase(engine);

  it("tells the client from a transaction's client, so reads in a transaction run in it, one at a time", async () => {
    const db = database().prisma;
    expect(isOutsideTransaction(db)).toBe(true);
    expect(await db.$transaction(async (tx) => isOutsideTransaction(tx))).toBe(false);
  });

  it("reads exactly the active appointments of those staff overlapping the widened window", async () => {
    const db = database().prisma;
    const f = await createBusinessFixture(db);
    const fromMs = Date.UTC(2027, 2, 10, 12);
    const toMs = fromMs + DAY_MS;
    const widenedFrom = fromMs - DAY_MS;
    const widenedTo = toMs + DAY_MS;
    const make = async (label: string, blockedFromMs: number, blockedUntilMs: number, extra: { status?: "cancelled"; staffId?: string } = {}) => {
      await db.appointment.create({ data: appointmentData(f, new Date(blockedFromMs), new Date(blockedUntilMs), { ...extra, notes: label }) });
    };
    // The edge cases on two people, as one person's could not overlap each other.
    const third = (await db.staffMember.create({ data: { businessId: f.businessId, name: "Kim" }, select: { id: true } })).id;
    await make("ends where the widened window starts", widenedFrom - 30 * MINUTE_MS, widenedFrom);
    await make("ends just inside", widenedFrom - 29 * MINUTE_MS, widenedFrom + 1, { staffId: f.otherStaffId });
    await make("inside", fromMs, fromMs + 30 * MINUTE_MS);
    await make("starts just inside the end", widenedTo - 1, widenedTo + 30 * MINUTE_MS, { staffId: f.otherStaffId });
    await make("starts where the widened window ends", widenedTo, widenedTo + 30 * MINUTE_MS);
    await make("spans the whole window", widenedFrom - DAY_MS, widenedTo + DAY_MS, { staffId: third });
    await make("cancelled", fromMs, fromMs + 30 * MINUTE_MS, { status: "cancelled", staffId: f.otherStaffId });

    const read = async (staffIds: string[]) =>
      (await loadAppointmentRows(db, { businessId: f.businessId, staffIds, fromMs, toMs })).map((r) => r.startsAt.getTime()).sort((a, b) => a - b);
    expect(await read([f.staffId])).toEqual([fromMs]);
    expect(await read([f.otherStaffId])).toEqual([widenedFrom - 29 * MINUTE_MS, widenedTo - 1]);
    expect(await read([f.staffId, third])).toEqual([widenedFrom - DAY_MS, fromMs]);
  });
});
