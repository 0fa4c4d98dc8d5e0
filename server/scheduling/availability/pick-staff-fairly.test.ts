import { describe, expect, it } from "vitest";
import { pickStaffFairly } from "./pick-staff-fairly";
import { at } from "./test-support";
import type { ExistingAppointment } from "./types";

const TIME_ZONE = "America/New_York";
// Monday 2024-06-03 11:00 EDT.
const slot = { startMs: at("2024-06-03T15:00Z"), staffIds: ["ana", "ben", "cal"] };

function booked(staffId: string, start: string, bookedAt?: string): ExistingAppointment {
  return {
    staffId,
    serviceId: "haircut",
    startMs: at(start),
    endMs: at(start) + 30 * 60_000,
    bufferBeforeMinutes: 0,
    bufferAfterMinutes: 0,
    ...(bookedAt ? { bookedAtMs: at(bookedAt) } : {}),
  };
}

describe("pickStaffFairly", () => {
  it("picks the free staff member with the fewest appointments that local day", () => {
    const appointments = [
      booked("ana", "2024-06-03T13:00Z"),
      booked("ana", "2024-06-03T17:00Z"),
      booked("ben", "2024-06-03T13:00Z"),
      booked("cal", "2024-06-03T13:00Z"),
      booked("cal", "2024-06-03T18:00Z"),
    ];
    expect(pickStaffFairly({ slot, timeZone: TIME_ZONE, appointments })).toBe("ben");
  });

  it("counts appointments by local day, not UTC day", () => {
    // 22:00 Monday in New York is 02:00Z Tuesday: it still loads ana's Monday.
    // 01:00Z Monday is Sunday evening locally: it does not load ben's Monday.
    const appointments = [booked("ana", "2024-06-04T02:00Z"), booked("ben", "2024-06-03T01:00Z")];
    expect(pickStaffFairly({ slot: { ...slot, staffIds: ["ana", "ben"] }, timeZone: TIME_ZONE, appointments })).toBe("ben");
  });

  it("breaks a tie by choosing the least recently booked", () => {
    const appointments = [
      booked("ana", "2024-06-03T13:00Z", "2024-05-30T12:00Z"),
      booked("ben", "2024-06-03T13:00Z", "2024-05-20T12:00Z"),
      booked("cal", "2024-06-03T13:00Z", "2024-06-01T12:00Z"),
    ];
    expect(pickStaffFairly({ slot, timeZone: TIME_ZONE, appointments })).toBe("ben");
  });

  it("treats someone never booked as least recently booked", () => {
    const appointments = [booked("ana", "2024-06-10T13:00Z", "2024-05-30T12:00Z")];
    expect(pickStaffFairly({ slot: { ...slot, staffIds: ["ana", "ben"] }, timeZone: TIME_ZONE, appointments })).toBe("ben");
  });

  it("falls back to the smallest id when everything else is equal", () => {
    expect(pickStaffFairly({ slot: { ...slot, staffIds: ["cal", "ben"] }, timeZone: TIME_ZONE, appointments: [] })).toBe("ben");
  });

  it("chooses only among the staff free for the slot", () => {
    const appointments = [booked("ana", "2024-06-03T13:00Z")];
    expect(pickStaffFairly({ slot: { ...slot, staffIds: ["ana"] }, timeZone: TIME_ZONE, appointments })).toBe("ana");
  });

  it("returns null for a slot nobody is free for", () => {
    expect(pickStaffFairly({ slot: { ...slot, staffIds: [] }, timeZone: TIME_ZONE, appointments: [] })).toBeNull();
  });
});
