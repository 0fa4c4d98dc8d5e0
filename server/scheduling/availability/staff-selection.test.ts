import { describe, expect, it } from "vitest";
import { at, makeStaff, slotsFor, utcStarts, weekly } from "./test-support";

// Monday 2024-06-03 in New York (EDT, UTC−4): 09:00 local is 13:00Z.
const MONDAY = { from: "2024-06-03T04:00Z", to: "2024-06-04T04:00Z" };
const team = [
  makeStaff("ana", { weeklyHours: weekly([1], "09:00-11:00") }),
  makeStaff("ben", { weeklyHours: weekly([1], "10:00-12:00") }),
  makeStaff("cal", { weeklyHours: weekly([1], "09:00-12:00"), serviceIds: ["colour"] }),
];
const hourly = { durationMinutes: 60 };

describe("anyone", () => {
  it("lists every staff member free for each slot, in staff order", () => {
    const slots = slotsFor({ staff: team, service: hourly, ...MONDAY });
    expect(slots.map((slot) => [new Date(slot.startMs).toISOString(), slot.staffIds])).toEqual([
      ["2024-06-03T13:00:00.000Z", ["ana"]],
      ["2024-06-03T14:00:00.000Z", ["ana", "ben"]],
      ["2024-06-03T15:00:00.000Z", ["ben"]],
    ]);
  });

  it("drops a busy staff member from a shared slot", () => {
    const slots = slotsFor({
      staff: team,
      service: hourly,
      busyBlocks: [{ staffId: "ben", startMs: at("2024-06-03T14:00Z"), endMs: at("2024-06-03T14:30Z") }],
      ...MONDAY,
    });
    expect(slots.map((slot) => slot.staffIds)).toEqual([["ana"], ["ana"], ["ben"]]);
  });

  it("leaves out staff who do not perform the service", () => {
    const slots = slotsFor({ staff: team, service: hourly, ...MONDAY });
    expect(slots.some((slot) => slot.staffIds.includes("cal"))).toBe(false);
  });
});

describe("a specific staff member", () => {
  it("gets only their own slots", () => {
    const slots = slotsFor({ staff: team, service: hourly, staffId: "ben", ...MONDAY });
    expect(utcStarts(slots)).toEqual(["2024-06-03T14:00Z", "2024-06-03T15:00Z"]);
    expect(slots.every((slot) => slot.staffIds.join() === "ben")).toBe(true);
  });

  it("gets no slots for a service they do not perform", () => {
    expect(slotsFor({ staff: team, service: hourly, staffId: "cal", ...MONDAY })).toEqual([]);
  });

  it("gets no slots for an unknown staff id", () => {
    expect(slotsFor({ staff: team, service: hourly, staffId: "zoe", ...MONDAY })).toEqual([]);
  });
});
