import { describe, expect, it } from "vitest";
import { at, makeStaff, slotsFor, utcStarts } from "./test-support";
import type { ExistingAppointment } from "./types";

// Monday 2024-06-03 and Tuesday in New York (EDT, UTC−4); staff work 09:00–17:00 every day.
const MONDAY_AND_TUESDAY = { from: "2024-06-03T04:00Z", to: "2024-06-05T04:00Z" };

function booked(staffId: string, serviceId: string, start: string): ExistingAppointment {
  return { staffId, serviceId, startMs: at(start), endMs: at(start) + 30 * 60_000, bufferBeforeMinutes: 0, bufferAfterMinutes: 0 };
}

const startsOn = (starts: string[], utcDate: string) => starts.filter((start) => start.startsWith(utcDate));

describe("maxPerDay", () => {
  it("offers no more slots on a local day that already holds the maximum of this service", () => {
    const starts = utcStarts(
      slotsFor({
        appointments: [booked("ana", "haircut", "2024-06-03T19:00Z")],
        service: { maxPerDay: 1 },
        ...MONDAY_AND_TUESDAY,
      }),
    );
    expect(startsOn(starts, "2024-06-03")).toEqual([]);
    expect(startsOn(starts, "2024-06-04")).toHaveLength(16);
  });

  it("still offers the day while it holds fewer than the maximum", () => {
    const starts = utcStarts(
      slotsFor({
        appointments: [booked("ana", "haircut", "2024-06-03T19:00Z")],
        service: { maxPerDay: 2 },
        ...MONDAY_AND_TUESDAY,
      }),
    );
    expect(startsOn(starts, "2024-06-03")).toHaveLength(15);
  });

  it("does not count appointments of other services", () => {
    const starts = utcStarts(
      slotsFor({
        appointments: [booked("ana", "colour", "2024-06-03T19:00Z")],
        service: { maxPerDay: 1 },
        ...MONDAY_AND_TUESDAY,
      }),
    );
    expect(startsOn(starts, "2024-06-03")).toHaveLength(15);
  });

  it("counts an appointment on the local day of its start, not its UTC day", () => {
    // 23:30 Monday in New York is 03:30Z on Tuesday.
    const starts = utcStarts(
      slotsFor({
        appointments: [booked("ana", "haircut", "2024-06-04T03:30Z")],
        service: { maxPerDay: 1 },
        ...MONDAY_AND_TUESDAY,
      }),
    );
    expect(startsOn(starts, "2024-06-03")).toEqual([]);
    expect(startsOn(starts, "2024-06-04")).toHaveLength(16);
  });

  it("limits each staff member separately", () => {
    const slots = slotsFor({
      staff: [makeStaff("ana"), makeStaff("ben")],
      appointments: [booked("ana", "haircut", "2024-06-03T19:00Z")],
      service: { maxPerDay: 1 },
      ...MONDAY_AND_TUESDAY,
    });
    const monday = slots.filter((slot) => slot.startMs < at("2024-06-04T04:00Z"));
    expect(monday).toHaveLength(16);
    expect(monday.every((slot) => slot.staffIds.join() === "ben")).toBe(true);
  });
});
