import { describe, expect, it } from "vitest";
import { makeStaff, slotsFor, utcStarts, weekly } from "./test-support";
import type { BookableSlot } from "./types";

// Monday 2024-06-03 in New York (EDT, UTC−4): 09:00 local is 13:00Z.
const MONDAY = { from: "2024-06-03T04:00Z", to: "2024-06-04T04:00Z" };
const MONDAY_TO_WEDNESDAY = { from: "2024-06-03T04:00Z", to: "2024-06-06T04:00Z" };

const onDay = (slots: readonly BookableSlot[], utcDate: string): string[] =>
  utcStarts(slots).filter((start) => start.startsWith(utcDate));

describe("weekly hours", () => {
  it("offers a slot every duration through the day's hours, and nothing on days without hours", () => {
    const slots = slotsFor({
      staff: [makeStaff("ana", { weeklyHours: weekly([1], "09:00-11:00") })],
      ...MONDAY_TO_WEDNESDAY,
    });
    expect(utcStarts(slots)).toEqual(["2024-06-03T13:00Z", "2024-06-03T13:30Z", "2024-06-03T14:00Z", "2024-06-03T14:30Z"]);
    expect(slots.every((slot) => slot.endMs - slot.startMs === 30 * 60_000)).toBe(true);
  });

  it("never offers a slot that would run into a break", () => {
    const slots = slotsFor({
      staff: [makeStaff("ana", { weeklyHours: weekly([1], "09:00-12:00", "13:00-15:00") })],
      service: { durationMinutes: 60, slotIntervalMinutes: 30 },
      ...MONDAY,
    });
    expect(utcStarts(slots)).toEqual([
      "2024-06-03T13:00Z",
      "2024-06-03T13:30Z",
      "2024-06-03T14:00Z",
      "2024-06-03T14:30Z",
      "2024-06-03T15:00Z",
      "2024-06-03T17:00Z",
      "2024-06-03T17:30Z",
      "2024-06-03T18:00Z",
    ]);
  });

  it("merges touching ranges so a slot may span the seam", () => {
    const slots = slotsFor({
      staff: [makeStaff("ana", { weeklyHours: weekly([1], "10:00-11:00", "09:00-10:00") })],
      service: { durationMinutes: 60, slotIntervalMinutes: 30 },
      ...MONDAY,
    });
    expect(utcStarts(slots)).toEqual(["2024-06-03T13:00Z", "2024-06-03T13:30Z", "2024-06-03T14:00Z"]);
  });

  it("joins late hours and early hours of the next day into one overnight range", () => {
    const slots = slotsFor({
      staff: [makeStaff("ana", { weeklyHours: [...weekly([1], "22:00-24:00"), ...weekly([2], "00:00-02:00")] })],
      service: { durationMinutes: 60, slotIntervalMinutes: 30 },
      ...MONDAY_TO_WEDNESDAY,
    });
    // 22:00 EDT Monday is 02:00Z Tuesday; the 23:30 slot crosses local midnight.
    expect(utcStarts(slots)).toEqual([
      "2024-06-04T02:00Z",
      "2024-06-04T02:30Z",
      "2024-06-04T03:00Z",
      "2024-06-04T03:30Z",
      "2024-06-04T04:00Z",
      "2024-06-04T04:30Z",
      "2024-06-04T05:00Z",
    ]);
  });
});

describe("date overrides and closures", () => {
  it("replaces a day's weekly hours with the override's ranges", () => {
    const slots = slotsFor({
      staff: [makeStaff("ana", { dateOverrides: [{ date: "2024-06-04", ranges: [{ startMinute: 720, endMinute: 780 }] }] })],
      from: "2024-06-04T04:00Z",
      to: "2024-06-05T04:00Z",
    });
    expect(utcStarts(slots)).toEqual(["2024-06-04T16:00Z", "2024-06-04T16:30Z"]);
  });

  it("closes the staff member for a date whose override has no ranges", () => {
    const slots = slotsFor({
      staff: [makeStaff("ana", { dateOverrides: [{ date: "2024-06-04", ranges: [] }] })],
      ...MONDAY_TO_WEDNESDAY,
    });
    expect(onDay(slots, "2024-06-03")).toHaveLength(16);
    expect(onDay(slots, "2024-06-04")).toEqual([]);
    expect(onDay(slots, "2024-06-05")).toHaveLength(16);
  });

  it("removes a business closure date for every staff member", () => {
    const slots = slotsFor({
      staff: [makeStaff("ana"), makeStaff("ben")],
      business: { closures: ["2024-06-04"] },
      ...MONDAY_TO_WEDNESDAY,
    });
    expect(onDay(slots, "2024-06-04")).toEqual([]);
    expect(onDay(slots, "2024-06-05")).toHaveLength(16);
    expect(slots[0]!.staffIds).toEqual(["ana", "ben"]);
  });
});

describe("business hours", () => {
  it("keeps staff bookable only inside the business's weekly hours", () => {
    const slots = slotsFor({
      staff: [makeStaff("ana", { weeklyHours: weekly([1, 2], "08:00-18:00") })],
      business: { weeklyHours: weekly([1], "10:00-12:00", "13:00-14:00") },
      ...MONDAY_TO_WEDNESDAY,
    });
    // Tuesday has staff hours but no business hours: closed.
    expect(utcStarts(slots)).toEqual([
      "2024-06-03T14:00Z",
      "2024-06-03T14:30Z",
      "2024-06-03T15:00Z",
      "2024-06-03T15:30Z",
      "2024-06-03T17:00Z",
      "2024-06-03T17:30Z",
    ]);
  });

  it("applies a business date override as that day's business hours, still within staff hours", () => {
    const slots = slotsFor({
      staff: [makeStaff("ana", { weeklyHours: weekly([1], "08:00-18:00") })],
      business: {
        weeklyHours: weekly([1], "09:00-17:00"),
        dateOverrides: [{ date: "2024-06-03", ranges: [{ startMinute: 7 * 60, endMinute: 10 * 60 }] }],
      },
      ...MONDAY,
    });
    expect(utcStarts(slots)).toEqual(["2024-06-03T12:00Z", "2024-06-03T12:30Z", "2024-06-03T13:00Z", "2024-06-03T13:30Z"]);
  });

  it("leaves staff hours alone when the business gives no weekly hours", () => {
    const slots = slotsFor({
      staff: [makeStaff("ana", { weeklyHours: weekly([1], "07:00-08:00") })],
      business: { weeklyHours: null, closures: [] },
      ...MONDAY,
    });
    expect(utcStarts(slots)).toEqual(["2024-06-03T11:00Z", "2024-06-03T11:30Z"]);
  });
});
