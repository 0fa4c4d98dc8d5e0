import { describe, expect, it } from "vitest";
import { hasWhen, mergeWhen, timeLimits } from "./merge-when";

describe("mergeWhen", () => {
  it("keeps the time when only the day changes", () => {
    expect(mergeWhen({ date: "2026-11-25", time: "15:00" }, { date: "2026-11-26", cues: [] })).toEqual({ date: "2026-11-26", time: "15:00" });
  });

  it("keeps the day when only the time changes, and drops the old limits", () => {
    expect(mergeWhen({ date: "2026-11-27", partOfDay: "morning" }, { time: { hour: 16, minute: 0 }, cues: [] })).toEqual({ date: "2026-11-27", time: "16:00" });
  });

  it("lets 'earliest' replace day and time", () => {
    expect(mergeWhen({ date: "2026-11-27", time: "10:00" }, { earliest: true, cues: [] })).toEqual({ earliest: true });
  });

  it("remembers both readings of an ambiguous day", () => {
    expect(mergeWhen({}, { date: "2026-12-04", alternativeDate: "2026-11-27", cues: [] })).toEqual({
      date: "2026-12-04",
      dateOptions: ["2026-11-27", "2026-12-04"],
    });
  });

  it("drops the ambiguity once a new day is given", () => {
    expect(mergeWhen({ date: "2026-12-04", dateOptions: ["2026-11-27", "2026-12-04"] }, { date: "2026-11-27", cues: [] })).toEqual({ date: "2026-11-27" });
  });
});

describe("timeLimits and hasWhen", () => {
  it("turns parts of the day into limits, explicit limits first", () => {
    expect(timeLimits({ partOfDay: "afternoon" })).toEqual({ after: "12:00", before: "17:00" });
    expect(timeLimits({ partOfDay: "morning", after: "10:00" })).toEqual({ after: "10:00", before: "12:00" });
    expect(timeLimits({ time: "15:00" })).toEqual({});
  });

  it("knows when nothing about time was said", () => {
    expect(hasWhen({})).toBe(false);
    expect(hasWhen({ partOfDay: "evening" })).toBe(true);
  });
});
