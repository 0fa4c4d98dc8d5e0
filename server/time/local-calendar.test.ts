import { describe, expect, it } from "vitest";
import {
  addDays, addMonths, daysBetween, localDateTimeOf, localDateTimeToInstant, startOfWeek, weekdayOf,
} from "./local-calendar";

describe("localDateTimeOf", () => {
  it("reads the business's wall clock, not UTC", () => {
    expect(localDateTimeOf(Date.parse("2026-11-25T07:30:00Z"), "America/Los_Angeles")).toEqual({
      date: "2026-11-24", time: { hour: 23, minute: 30 }, weekday: 2,
    });
    expect(localDateTimeOf(new Date("2026-11-24T13:30:00Z"), "Australia/Sydney")).toEqual({
      date: "2026-11-25", time: { hour: 0, minute: 30 }, weekday: 3,
    });
  });
});

describe("localDateTimeToInstant", () => {
  it.each<[string, string, number, number, string]>([
    ["an ordinary winter day", "2026-11-25", 15, 0, "2026-11-25T23:00:00.000Z"],
    ["the fall-back day, after the change (PST)", "2026-11-01", 9, 0, "2026-11-01T17:00:00.000Z"],
    ["the repeated 01:30 on fall-back, first occurrence (PDT)", "2026-11-01", 1, 30, "2026-11-01T08:30:00.000Z"],
    ["the spring-forward day, after the change (PDT)", "2026-03-08", 9, 0, "2026-03-08T16:00:00.000Z"],
    ["the skipped 02:30 on spring-forward, moved forward to 03:30 PDT", "2026-03-08", 2, 30, "2026-03-08T10:30:00.000Z"],
  ])("%s", (_name, date, hour, minute, iso) => {
    expect(new Date(localDateTimeToInstant(date, { hour, minute }, "America/Los_Angeles")).toISOString()).toBe(iso);
  });

  it("rejects a malformed date", () => {
    expect(() => localDateTimeToInstant("25/11/2026", { hour: 9, minute: 0 }, "UTC")).toThrow(/YYYY-MM-DD/);
  });
});

describe("calendar arithmetic", () => {
  it("adds days across month, year and DST boundaries", () => {
    expect(addDays("2026-11-30", 1)).toBe("2026-12-01");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2026-03-08", -1)).toBe("2026-03-07");
    expect(addDays("2026-10-31", 1)).toBe("2026-11-01");
  });

  it("adds months, clamping the day", () => {
    expect(addMonths("2026-01-31", 1)).toBe("2026-02-28");
    expect(addMonths("2026-11-24", 2)).toBe("2027-01-24");
  });

  it("knows weekdays and Monday-based weeks", () => {
    expect(weekdayOf("2026-11-24")).toBe(2);
    expect(startOfWeek("2026-11-24")).toBe("2026-11-23");
    expect(startOfWeek("2026-11-29")).toBe("2026-11-23");
    expect(daysBetween("2026-11-24", "2026-12-08")).toBe(14);
    expect(daysBetween("2026-11-24", "2026-11-20")).toBe(-4);
  });
});
