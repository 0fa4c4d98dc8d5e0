import { describe, expect, it } from "vitest";
import { AppError } from "../../errors";
import { assertValidTimeZone } from "./assert-time-zone";
import { makeStaff, slotsFor } from "./test-support";

const MONDAY = { from: "2024-06-03T04:00Z", to: "2024-06-04T04:00Z" };

function thrown(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected an AppError");
}

describe("time zone", () => {
  it("rejects an unknown time zone with an error naming it", () => {
    const error = thrown(() => slotsFor({ timeZone: "Mars/Olympus_Mons", ...MONDAY }));
    expect(error.code).toBe("INVALID_INPUT");
    expect(error.message).toContain('"Mars/Olympus_Mons"');
  });

  it("rejects a fixed UTC offset, which would lose daylight-saving changes", () => {
    expect(() => assertValidTimeZone("+05:30")).toThrow(/Unknown time zone "\+05:30"/);
  });

  it("rejects an empty time zone", () => {
    expect(() => assertValidTimeZone("")).toThrow(AppError);
  });

  it.each(["America/New_York", "Europe/London", "Australia/Adelaide", "Asia/Kathmandu", "UTC"])("accepts %s", (zone) => {
    expect(() => assertValidTimeZone(zone)).not.toThrow();
  });
});

describe("rules", () => {
  it("rejects an opening range that ends before it starts, naming the field", () => {
    const staff = [makeStaff("ana", { weeklyHours: [{ weekday: 1, startMinute: 600, endMinute: 540 }] })];
    expect(thrown(() => slotsFor({ staff, ...MONDAY })).message).toMatch(/^staff\[0\]\.weeklyHours\[0\]/);
  });

  it("rejects an override for a date that does not exist", () => {
    const staff = [makeStaff("ana", { dateOverrides: [{ date: "2024-02-30", ranges: [] }] })];
    expect(thrown(() => slotsFor({ staff, ...MONDAY })).message).toContain("2024-02-30");
  });

  it("rejects a zero duration", () => {
    expect(thrown(() => slotsFor({ service: { durationMinutes: 0 }, ...MONDAY })).message).toMatch(/durationMinutes/);
  });

  it("rejects two staff members with the same id", () => {
    expect(thrown(() => slotsFor({ staff: [makeStaff("ana"), makeStaff("ana")], ...MONDAY })).message).toContain('"ana"');
  });
});
