// The database itself refuses overlapping active appointments of one staff member, buffers
// included, on both engines: the last guard behind the scheduling engine's own checks.
import { describe, expect, it } from "vitest";
import { engines, useTestDatabase } from "../helpers/test-database";
import { createBusinessFixture } from "../helpers/fixtures";

const at = (hhmm: string) => new Date(`2026-12-01T${hhmm}:00Z`);

describe.each(engines)("appointment exclusion constraint on %s", (engine) => {
  const database = useTestDatabase(engine);

  async function book(f: Awaited<ReturnType<typeof createBusinessFixture>>, opts: {
    start: string; end: string; blockedFrom?: string; blockedUntil?: string; staffId?: string; status?: "booked" | "cancelled" | "held" | "completed" | "no_show";
  }) {
    return database().prisma.appointment.create({
      data: {
        businessId: f.businessId,
        serviceId: f.serviceId,
        customerId: f.customerId,
        staffId: opts.staffId ?? f.staffId,
        startsAt: at(opts.start),
        endsAt: at(opts.end),
        blockedFrom: at(opts.blockedFrom ?? opts.start),
        blockedUntil: at(opts.blockedUntil ?? opts.end),
        status: opts.status ?? "booked",
        channel: "dashboard",
      },
      select: { id: true },
    });
  }

  it("refuses a second booking that overlaps the first for the same staff member", async () => {
    const f = await createBusinessFixture(database().prisma);
    await book(f, { start: "15:00", end: "15:30" });
    await expect(book(f, { start: "15:15", end: "15:45" })).rejects.toThrow(/Appointment_no_overlap|exclusion|conflicting key/i);
    expect(await database().prisma.appointment.count({ where: { businessId: f.businessId } })).toBe(1);
  });

  it("refuses a booking that only overlaps the first one's buffer", async () => {
    const f = await createBusinessFixture(database().prisma);
    await book(f, { start: "15:00", end: "15:30", blockedUntil: "15:40" });
    await expect(book(f, { start: "15:35", end: "16:05" })).rejects.toThrow(/Appointment_no_overlap|exclusion|conflicting key/i);
  });

  it("refuses an overlap written by raw SQL too", async () => {
    const f = await createBusinessFixture(database().prisma);
    await book(f, { start: "10:00", end: "11:00" });
    const insert = `INSERT INTO "Appointment" (id, "businessId", "serviceId", "staffId", "customerId", "startsAt", "endsAt", "blockedFrom", "blockedUntil", status, channel, "updatedAt")
      VALUES ($1, $2, $3, $4, $5, $6, $7, $6, $7, 'booked', 'api', now())`;
    await expect(
      database().sql.query(insert, ["raw-1", f.businessId, f.serviceId, f.staffId, f.customerId, at("10:30"), at("11:30")]),
    ).rejects.toThrow(/Appointment_no_overlap/);
  });

  it("accepts back-to-back bookings whose blocked ranges only touch", async () => {
    const f = await createBusinessFixture(database().prisma);
    await book(f, { start: "15:00", end: "15:30", blockedUntil: "15:40" });
    await expect(book(f, { start: "15:40", end: "16:10" })).resolves.toHaveProperty("id");
  });

  it("lets another staff member take the same time", async () => {
    const f = await createBusinessFixture(database().prisma);
    await book(f, { start: "15:00", end: "15:30" });
    await expect(book(f, { start: "15:00", end: "15:30", staffId: f.otherStaffId })).resolves.toHaveProperty("id");
  });

  it("ignores cancelled and no-show appointments but not holds", async () => {
    const f = await createBusinessFixture(database().prisma);
    await book(f, { start: "09:00", end: "09:30", status: "cancelled" });
    await book(f, { start: "09:00", end: "09:30", status: "no_show" });
    await book(f, { start: "09:00", end: "09:30", status: "held" });
    await expect(book(f, { start: "09:00", end: "09:30" })).rejects.toThrow(/Appointment_no_overlap|exclusion|conflicting key/i);
  });

  it("refuses an appointment that ends before it starts or a blocked range that does not cover it", async () => {
    const f = await createBusinessFixture(database().prisma);
    await expect(book(f, { start: "12:00", end: "11:00" })).rejects.toThrow(/Appointment_times_check|check constraint/i);
    await expect(book(f, { start: "12:00", end: "12:30", blockedFrom: "12:10" })).rejects.toThrow(/Appointment_times_check|check constraint/i);
  });
});
