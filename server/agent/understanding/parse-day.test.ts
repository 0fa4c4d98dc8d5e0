import { describe, expect, it } from "vitest";
import { MaskedText } from "./masked-text";
import { type DayMentions, extractDay } from "./parse-day";

function day(text: string, today: string): Omit<DayMentions, "cues"> {
  const { cues: _cues, ...rest } = extractDay(new MaskedText(text), today);
  return rest;
}

describe("extractDay: weekday rules", () => {
  // 2026-11-24 is a Tuesday; 2026-11-27 a Friday; 2026-11-29 a Sunday.
  it.each<[string, string, Omit<DayMentions, "cues">]>([
    ["friday", "2026-11-24", { date: "2026-11-27", statedWeekday: 5, bareWeekday: 5 }],
    ["tuesday", "2026-11-24", { date: "2026-12-01", statedWeekday: 2, weekdayIsToday: true, bareWeekday: 2 }],
    ["this friday", "2026-11-24", { date: "2026-11-27", statedWeekday: 5 }],
    ["this tuesday", "2026-11-24", { date: "2026-11-24", statedWeekday: 2 }],
    ["this monday", "2026-11-24", { date: "2026-11-30", statedWeekday: 1 }],
    ["this coming tuesday", "2026-11-24", { date: "2026-12-01", statedWeekday: 2 }],
    ["next friday", "2026-11-24", { date: "2026-12-04", alternativeDate: "2026-11-27", statedWeekday: 5 }],
    ["next monday", "2026-11-24", { date: "2026-11-30", statedWeekday: 1 }],
    ["next friday", "2026-11-29", { date: "2026-12-04", statedWeekday: 5 }],
    ["el proximo viernes", "2026-11-24", { date: "2026-11-27", statedWeekday: 5 }],
    ["el viernes que viene", "2026-11-24", { date: "2026-11-27", statedWeekday: 5 }],
    ["friday next week", "2026-11-24", { date: "2026-12-04", statedWeekday: 5 }],
    ["next week on monday", "2026-11-24", { date: "2026-11-30", statedWeekday: 1 }],
    ["last friday", "2026-11-24", { date: "2026-11-20", statedWeekday: 5 }],
    ["last tuesday", "2026-11-24", { date: "2026-11-17", statedWeekday: 2 }],
    ["el viernes pasado", "2026-11-24", { date: "2026-11-20", statedWeekday: 5 }],
  ])("%s on %s", (text, today, expected) => {
    expect(day(text, today)).toEqual(expected);
  });
});

describe("extractDay: relative days, ranges and days of the month", () => {
  it.each<[string, string, Omit<DayMentions, "cues">]>([
    ["tomorrow", "2026-12-31", { date: "2027-01-01" }],
    ["the day after tomorrow", "2026-11-24", { date: "2026-11-26" }],
    ["pasado manana", "2026-11-24", { date: "2026-11-26" }],
    ["manana", "2026-11-24", { date: "2026-11-25" }],
    ["antier", "2026-11-24", { date: "2026-11-22" }],
    ["in 3 days", "2026-11-24", { date: "2026-11-27" }],
    ["2 weeks from tomorrow", "2026-11-24", { date: "2026-12-09" }],
    ["in a month", "2027-01-31", { date: "2027-02-28" }],
    ["this weekend", "2026-11-29", { range: { fromDate: "2026-11-29", toDate: "2026-11-29" } }],
    ["next weekend", "2026-11-24", { range: { fromDate: "2026-12-05", toDate: "2026-12-06" } }],
    ["later this week", "2026-11-24", { range: { fromDate: "2026-11-25", toDate: "2026-11-29" } }],
    ["the 24th", "2026-11-24", { date: "2026-11-24" }],
    ["the 23rd", "2026-11-24", { date: "2026-12-23" }],
    ["the 31st", "2026-11-24", { date: "2026-12-31" }],
    ["the 30th", "2027-01-31", { date: "2027-03-30" }],
    ["el dia 3", "2026-11-24", { date: "2026-12-03" }],
    ["march 3rd", "2026-11-24", { date: "2027-03-03" }],
    ["march 3rd 2026", "2026-11-24", { date: "2026-03-03" }],
  ])("%s on %s", (text, today, expected) => {
    expect(day(text, today)).toEqual(expected);
  });

  it("consumes what it understood", () => {
    const text = new MaskedText("tomorrow 3");
    extractDay(text, "2026-11-24");
    expect(text.remainingWords()).toEqual(["3"]);
  });
});
