import { describe, expect, it } from "vitest";
import { bookingWindow } from "./booking-window";
import { at, slotsFor, utcStarts } from "./test-support";

// Monday 2024-06-03 in New York (EDT, UTC−4); ana works 09:00–17:00 every day.
const MONDAY_TO_THURSDAY = { from: "2024-06-03T04:00Z", to: "2024-06-07T04:00Z" };

describe("minimum notice", () => {
  it("starts no slot before now plus the notice, on the next aligned quarter hour", () => {
    const slots = slotsFor({
      service: { minNoticeMinutes: 60 },
      now: "2024-06-03T14:05Z", // 10:05 local; earliest start 11:05
      ...MONDAY_TO_THURSDAY,
    });
    expect(utcStarts(slots)[0]).toBe("2024-06-03T15:15Z");
  });

  it("returns nothing when the whole request lies inside the notice period", () => {
    const slots = slotsFor({
      service: { minNoticeMinutes: 24 * 60 },
      now: "2024-06-03T12:00Z",
      from: "2024-06-03T13:00Z",
      to: "2024-06-03T21:00Z",
    });
    expect(slots).toEqual([]);
  });
});

describe("booking horizon", () => {
  it("ends at the close of the local day the horizon reaches", () => {
    const slots = slotsFor({
      service: { bookingHorizonDays: 1 },
      now: "2024-06-03T14:00Z", // Monday 10:00 local: Tuesday is the last bookable day
      ...MONDAY_TO_THURSDAY,
    });
    const starts = utcStarts(slots);
    expect(starts[starts.length - 1]).toBe("2024-06-04T20:30Z");
    expect(starts.some((start) => start.startsWith("2024-06-05"))).toBe(false);
  });

  it("allows only today with a horizon of zero days", () => {
    const slots = slotsFor({ service: { bookingHorizonDays: 0 }, now: "2024-06-03T14:00Z", ...MONDAY_TO_THURSDAY });
    // 10:00 to the 16:30 start, Monday only.
    expect(slots).toHaveLength(14);
    expect(utcStarts(slots)[0]).toBe("2024-06-03T14:00Z");
    expect(utcStarts(slots).every((start) => start.startsWith("2024-06-03"))).toBe(true);
  });

  it("computes the horizon's end as local midnight, not UTC midnight", () => {
    const window = bookingWindow(
      "America/New_York",
      { minNoticeMinutes: 0, bookingHorizonDays: 2 },
      { fromMs: at("2024-06-03T00:00Z"), toMs: at("2024-07-01T00:00Z"), nowMs: at("2024-06-03T14:00Z") },
    );
    // End of Wednesday 2024-06-05, New York time.
    expect(window?.latestStartMs).toBe(at("2024-06-06T04:00Z"));
  });
});

describe("request window", () => {
  it("keeps a slot that starts before `to` even though it ends after it", () => {
    const slots = slotsFor({ from: "2024-06-03T13:00Z", to: "2024-06-03T14:15Z" });
    expect(utcStarts(slots)).toEqual(["2024-06-03T13:00Z", "2024-06-03T13:30Z", "2024-06-03T14:00Z"]);
    expect(slots[2]!.endMs).toBe(at("2024-06-03T14:30Z"));
  });

  it("starts no slot before `from`", () => {
    const slots = slotsFor({ from: "2024-06-03T15:00Z", to: "2024-06-03T16:00Z" });
    expect(utcStarts(slots)).toEqual(["2024-06-03T15:00Z", "2024-06-03T15:30Z"]);
  });
});
