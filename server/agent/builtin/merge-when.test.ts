import { describe, expect, it } from "vitest";
import type { Offer } from "./dialogue-state";
import { fitWeekday, hasWhen, mergeWhen, timeLimits } from "./merge-when";

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

describe("fitWeekday", () => {
  const TODAY = "2026-11-24"; // a Tuesday
  const offer = (date: string): Offer => ({ slotId: date, date, time: "09:00", staff: [] });
  const tuesday = { date: "2026-11-24", bareWeekday: 2, partOfDay: "morning" as const, cues: [] };

  it("moves a bare weekday to the week whose days were just offered", () => {
    const offers = [offer("2026-12-01"), offer("2026-12-02"), offer("2026-12-03")];
    expect(fitWeekday(tuesday, { offers, when: {} }, TODAY).date).toBe("2026-12-01");
  });

  it("moves it into the week the caller asked about", () => {
    const when = { range: { fromDate: "2026-11-30", toDate: "2026-12-06" } };
    expect(fitWeekday({ date: "2026-11-27", bareWeekday: 5, cues: [] }, { offers: [], when }, TODAY).date).toBe("2026-12-04");
  });

  it("leaves 'this Tuesday', explicit dates and unrelated offers alone", () => {
    const offers = [offer("2026-12-01")];
    expect(fitWeekday({ date: "2026-11-24", cues: [] }, { offers, when: {} }, TODAY).date).toBe("2026-11-24");
    expect(fitWeekday(tuesday, { offers: [offer("2026-11-25")], when: {} }, TODAY).date).toBe("2026-11-24");
    expect(fitWeekday(tuesday, { offers: [], when: {} }, TODAY).date).toBe("2026-11-24");
  });
});
