import { describe, expect, it } from "vitest";
import { alignmentMinutesFor } from "./slot-walk";
import { at, localStarts, makeStaff, slotsFor, utcStarts, weekly } from "./test-support";

// Monday 2024-06-03 in New York (EDT, UTC−4): 09:00 local is 13:00Z.
const MONDAY = { from: "2024-06-03T04:00Z", to: "2024-06-04T04:00Z" };
// The same Monday seen from South Asia (UTC+05:30 / +05:45).
const MONDAY_IN_ASIA = { from: "2024-06-02T18:00Z", to: "2024-06-03T18:00Z" };
const hoursOnMonday = (...specs: string[]) => [makeStaff("ana", { weeklyHours: weekly([1], ...specs) })];

describe("slot interval", () => {
  it("walks by an interval shorter than the duration", () => {
    const slots = slotsFor({
      staff: hoursOnMonday("09:00-10:30"),
      service: { durationMinutes: 60, slotIntervalMinutes: 15 },
      ...MONDAY,
    });
    expect(utcStarts(slots)).toEqual(["2024-06-03T13:00Z", "2024-06-03T13:15Z", "2024-06-03T13:30Z"]);
    expect(slots[0]!.endMs - slots[0]!.startMs).toBe(60 * 60_000);
  });

  it("leaves gaps with an interval longer than the duration", () => {
    const slots = slotsFor({
      staff: hoursOnMonday("09:00-12:00"),
      service: { durationMinutes: 30, slotIntervalMinutes: 60 },
      ...MONDAY,
    });
    expect(utcStarts(slots)).toEqual(["2024-06-03T13:00Z", "2024-06-03T14:00Z", "2024-06-03T15:00Z"]);
  });

  it("defaults the interval to the duration", () => {
    const slots = slotsFor({ staff: hoursOnMonday("09:00-12:00"), service: { durationMinutes: 45 }, ...MONDAY });
    expect(utcStarts(slots)).toEqual(["2024-06-03T13:00Z", "2024-06-03T13:45Z", "2024-06-03T14:30Z", "2024-06-03T15:15Z"]);
  });
});

describe("alignment", () => {
  it("moves a ragged free start up to the next quarter hour", () => {
    const slots = slotsFor({
      staff: hoursOnMonday("09:00-12:30"),
      service: { durationMinutes: 60 },
      appointments: [
        {
          staffId: "ana",
          serviceId: "x",
          startMs: at("2024-06-03T13:00Z"),
          endMs: at("2024-06-03T14:07Z"),
          bufferBeforeMinutes: 0,
          bufferAfterMinutes: 0,
        },
      ],
      ...MONDAY,
    });
    // Free from 10:07 local: 10:15 and 11:15 (12:15 would not fit before 12:30).
    expect(utcStarts(slots)).toEqual(["2024-06-03T14:15Z", "2024-06-03T15:15Z"]);
  });

  it("keeps an opening on the half hour bookable for an hourly service", () => {
    const slots = slotsFor({ staff: hoursOnMonday("09:30-11:30"), service: { durationMinutes: 60 }, ...MONDAY });
    expect(utcStarts(slots)).toEqual(["2024-06-03T13:30Z", "2024-06-03T14:30Z"]);
  });

  it("aligns to the local clock, not UTC, in a half-hour zone (Asia/Kolkata, UTC+05:30)", () => {
    const slots = slotsFor({
      timeZone: "Asia/Kolkata",
      staff: hoursOnMonday("09:05-10:00"),
      service: { durationMinutes: 20 },
      ...MONDAY_IN_ASIA,
    });
    // 20-minute marks on the local clock: 09:20 and 09:40 IST are 03:50Z and 04:10Z. Aligning in
    // UTC would have given 03:40Z (09:10 IST).
    expect(localStarts(slots, "Asia/Kolkata")).toEqual(["2024-06-03T09:20+05:30", "2024-06-03T09:40+05:30"]);
    expect(utcStarts(slots)).toEqual(["2024-06-03T03:50Z", "2024-06-03T04:10Z"]);
  });

  it("aligns in a 45-minute zone (Asia/Kathmandu, UTC+05:45)", () => {
    const slots = slotsFor({
      timeZone: "Asia/Kathmandu",
      staff: hoursOnMonday("09:03-10:00"),
      service: { durationMinutes: 10, slotIntervalMinutes: 20 },
      ...MONDAY_IN_ASIA,
    });
    // 20-minute marks on the local clock: 09:20 and 09:40 NPT. UTC marks would give 03:20Z (09:05).
    expect(utcStarts(slots)).toEqual(["2024-06-03T03:35Z", "2024-06-03T03:55Z"]);
  });

  it.each([
    [60, 15],
    [30, 15],
    [45, 15],
    [90, 15],
    [15, 15],
    [20, 20],
    [10, 10],
    [50, 10],
    [25, 5],
    [7, 1],
  ])("aligns a %i-minute interval to %i-minute marks", (interval, expected) => {
    expect(alignmentMinutesFor(interval)).toBe(expected);
  });
});
