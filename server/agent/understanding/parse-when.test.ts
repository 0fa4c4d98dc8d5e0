import { afterEach, describe, expect, it } from "vitest";
import { parseWhen, type ParseWhenOptions, type When, whenToInstant } from "./parse-when";

/** Tuesday 24 November 2026, 07:00 in Los Angeles. */
const NOW = new Date("2026-11-24T15:00:00Z");
const LA = "America/Los_Angeles";
const AT_7AM_LA: ParseWhenOptions = { now: NOW, timeZone: LA };

/** The reading without its cues and the bare-weekday hint (tested on its own below). */
function parsed(text: string, options: ParseWhenOptions = AT_7AM_LA): Omit<When, "cues"> | null {
  const when = parseWhen(text, options);
  if (!when) return null;
  const { cues: _cues, bareWeekday: _bareWeekday, ...rest } = when;
  return rest;
}

describe("parseWhen: the phrases callers use (now = Tue 24 Nov 2026 07:00 in Los Angeles)", () => {
  it.each<[string, Omit<When, "cues">]>([
    ["tomorrow at 3", { date: "2026-11-25", time: { hour: 15, minute: 0 } }],
    ["next Tuesday morning", { date: "2026-12-01", partOfDay: "morning" }],
    ["the 5th at half past two", { date: "2026-12-05", time: { hour: 14, minute: 30 } }],
    ["Friday the 27th at half two", { date: "2026-11-27", time: { hour: 14, minute: 30 } }],
    ["this Friday after 4", { date: "2026-11-27", after: { hour: 16, minute: 0 } }],
    ["in two weeks", { date: "2026-12-08" }],
    ["what's the earliest you have", { earliest: true }],
    ["as soon as possible", { earliest: true }],
    ["first available", { earliest: true }],
    ["8 am", { time: { hour: 8, minute: 0 } }],
    ["noon", { time: { hour: 12, minute: 0 } }],
    ["quarter to five", { time: { hour: 16, minute: 45 } }],
    ["today", { date: "2026-11-24" }],
    ["tonight", { date: "2026-11-24", partOfDay: "evening" }],
    ["friday", { date: "2026-11-27" }],
    ["mañana a las 3", { date: "2026-11-25", time: { hour: 15, minute: 0 } }],
    ["el próximo viernes después de las 4", { date: "2026-11-27", after: { hour: 16, minute: 0 } }],
    ["lo antes posible", { earliest: true }],
    ["pasado mañana", { date: "2026-11-26" }],
  ])("%s", (text, expected) => {
    expect(parsed(text)).toEqual(expected);
  });
});

describe("parseWhen: clock times", () => {
  it.each<[string, { hour: number; minute: number }]>([
    ["at 8", { hour: 8, minute: 0 }],
    ["at 11", { hour: 11, minute: 0 }],
    ["at 7", { hour: 19, minute: 0 }],
    ["at 1", { hour: 13, minute: 0 }],
    ["at 12", { hour: 12, minute: 0 }],
    ["8 am", { hour: 8, minute: 0 }],
    ["8 a.m.", { hour: 8, minute: 0 }],
    ["8am", { hour: 8, minute: 0 }],
    ["3 p m", { hour: 15, minute: 0 }],
    ["at 9 pm", { hour: 21, minute: 0 }],
    ["12 am", { hour: 0, minute: 0 }],
    ["at 15:30", { hour: 15, minute: 30 }],
    ["three thirty", { hour: 15, minute: 30 }],
    ["twelve thirty", { hour: 12, minute: 30 }],
    ["two forty five", { hour: 14, minute: 45 }],
    ["at 3 o'clock", { hour: 15, minute: 0 }],
    ["half past ten", { hour: 10, minute: 30 }],
    ["a quarter past nine", { hour: 9, minute: 15 }],
    ["ten to five", { hour: 16, minute: 50 }],
    ["10 past 4", { hour: 16, minute: 10 }],
    ["midnight", { hour: 0, minute: 0 }],
    ["a las tres y media", { hour: 15, minute: 30 }],
    ["a las cinco menos cuarto", { hour: 16, minute: 45 }],
    ["a las 4 y cuarto", { hour: 16, minute: 15 }],
    ["a la una", { hour: 13, minute: 0 }],
    ["mediodía", { hour: 12, minute: 0 }],
  ])("%s → %o", (text, time) => {
    expect(parsed(text)).toEqual({ time });
  });

  it.each<[string, Omit<When, "cues">]>([
    ["at 10 in the morning", { time: { hour: 10, minute: 0 }, partOfDay: "morning" }],
    ["at 6 in the evening", { time: { hour: 18, minute: 0 }, partOfDay: "evening" }],
    ["a las 8 de la noche", { time: { hour: 20, minute: 0 }, partOfDay: "evening" }],
    ["a las 10 de la mañana", { time: { hour: 10, minute: 0 }, partOfDay: "morning" }],
  ])("reads the part of day that qualifies a time as its meridiem: %s", (text, expected) => {
    expect(parsed(text)).toEqual(expected);
  });

  it.each<[string, Omit<When, "cues">]>([
    ["maybe around two thirty on Friday", { date: "2026-11-27", time: { hour: 14, minute: 30 } }],
    ["2 o clock friday", { date: "2026-11-27", time: { hour: 14, minute: 0 } }],
    ["a las 3 o 4", { time: { hour: 15, minute: 0 } }],
    ["Friday, December 4th at 2:15 PM", { date: "2026-12-04", time: { hour: 14, minute: 15 } }],
  ])("does not mistake a neighbouring word for part of the time: %s", (text, expected) => {
    expect(parsed(text)).toEqual(expected);
  });

  it("keeps 8 am as 8 am even with a date", () => {
    expect(parsed("tomorrow at 8 am")).toEqual({ date: "2026-11-25", time: { hour: 8, minute: 0 } });
  });

  it("lets a part of the day decide am or pm", () => {
    expect(parsed("tomorrow night at 8")).toEqual({ date: "2026-11-25", time: { hour: 20, minute: 0 }, partOfDay: "evening" });
    expect(parsed("tomorrow morning at 7")).toEqual({ date: "2026-11-25", time: { hour: 7, minute: 0 }, partOfDay: "morning" });
  });

  it("reads a bare hour left after the date as a time", () => {
    expect(parsed("tomorrow 3")).toEqual({ date: "2026-11-25", time: { hour: 15, minute: 0 } });
  });

  it("uses opening hours for bare hours when only one reading is open", () => {
    const bar = { ...AT_7AM_LA, openingHours: { open: { hour: 16, minute: 0 }, close: { hour: 2, minute: 0 } } };
    expect(parsed("at 10", bar)).toEqual({ time: { hour: 22, minute: 0 } });
    const earlyClinic = { ...AT_7AM_LA, openingHours: { open: { hour: 6, minute: 0 }, close: { hour: 14, minute: 0 } } };
    expect(parsed("at 7", earlyClinic)).toEqual({ time: { hour: 7, minute: 0 } });
  });

  it("understands speech-to-text fillers", () => {
    expect(parsed("um can I come in like tomorrow at uh nine")).toEqual({ date: "2026-11-25", time: { hour: 9, minute: 0 } });
  });
});

describe("parseWhen: limits and ranges", () => {
  it.each<[string, Omit<When, "cues">]>([
    ["after 4", { after: { hour: 16, minute: 0 } }],
    ["before 10", { before: { hour: 10, minute: 0 } }],
    ["before noon", { before: { hour: 12, minute: 0 } }],
    ["anytime after lunch on wednesday", { date: "2026-11-25", after: { hour: 13, minute: 0 } }],
    ["between 2 and 4", { after: { hour: 14, minute: 0 }, before: { hour: 16, minute: 0 } }],
    ["from 7 to 9", { after: { hour: 19, minute: 0 }, before: { hour: 21, minute: 0 } }],
    ["3 or later", { after: { hour: 15, minute: 0 } }],
    ["antes de las 5", { before: { hour: 17, minute: 0 } }],
    ["entre las 2 y las 4", { after: { hour: 14, minute: 0 }, before: { hour: 16, minute: 0 } }],
    ["a partir de las 3", { after: { hour: 15, minute: 0 } }],
    ["no later than 6", { before: { hour: 18, minute: 0 } }],
    ["not before 3", { after: { hour: 15, minute: 0 } }],
    ["no más tarde de las 6", { before: { hour: 18, minute: 0 } }],
    ["from 3 on", { after: { hour: 15, minute: 0 } }],
    ["anytime after 2 on monday", { date: "2026-11-30", after: { hour: 14, minute: 0 } }],
    ["next week", { range: { fromDate: "2026-11-30", toDate: "2026-12-06" } }],
    ["la semana que viene", { range: { fromDate: "2026-11-30", toDate: "2026-12-06" } }],
    ["this week", { range: { fromDate: "2026-11-24", toDate: "2026-11-29" } }],
    ["this weekend", { range: { fromDate: "2026-11-28", toDate: "2026-11-29" } }],
    ["next month", { range: { fromDate: "2026-12-01", toDate: "2026-12-31" } }],
  ])("%s", (text, expected) => {
    expect(parsed(text)).toEqual(expected);
  });
});

describe("parseWhen: days", () => {
  it.each<[string, Omit<When, "cues">]>([
    ["the twenty fifth", { date: "2026-11-25" }],
    ["on the 1st", { date: "2026-12-01" }],
    ["december 3rd at 10", { date: "2026-12-03", time: { hour: 10, minute: 0 } }],
    ["12/3 at 2pm", { date: "2026-12-03", time: { hour: 14, minute: 0 } }],
    ["january 5", { date: "2027-01-05" }],
    ["3 de diciembre a las 5 de la tarde", { date: "2026-12-03", time: { hour: 17, minute: 0 }, partOfDay: "afternoon" }],
    ["el 5 a las dos y media", { date: "2026-12-05", time: { hour: 14, minute: 30 } }],
    ["dentro de dos semanas", { date: "2026-12-08" }],
    ["in a week", { date: "2026-12-01" }],
    ["thursday next week", { date: "2026-12-03" }],
    ["el viernes de la semana que viene", { date: "2026-12-04" }],
    ["tuesday after next", { date: "2026-12-08" }],
    ["friday the 27th", { date: "2026-11-27" }],
    ["thursday the 27th", { date: "2026-11-27", weekdayMismatch: true }],
    ["mañana por la mañana", { date: "2026-11-25", partOfDay: "morning" }],
    ["esta noche a las 8", { date: "2026-11-24", time: { hour: 20, minute: 0 }, partOfDay: "evening" }],
    ["first thing tomorrow", { date: "2026-11-25", earliest: true, partOfDay: "morning" }],
    ["in 2 hours", { date: "2026-11-24", time: { hour: 9, minute: 0 } }],
    ["en media hora", { date: "2026-11-24", time: { hour: 7, minute: 30 } }],
  ])("%s", (text, expected) => {
    expect(parsed(text)).toEqual(expected);
  });

  it("reads English 'next Friday' as next week's, offering this week's as the alternative", () => {
    expect(parsed("next friday")).toEqual({ date: "2026-12-04", alternativeDate: "2026-11-27" });
  });

  it("returns null when nothing about time was said", () => {
    expect(parsed("I'd like a haircut")).toBeNull();
    expect(parsed("I need 2 haircuts")).toBeNull();
    expect(parsed("good morning")).toBeNull();
  });
});

describe("parseWhen: weekday names (the next one; today only if the time is still ahead)", () => {
  it.each<[string, Omit<When, "cues">]>([
    ["tuesday", { date: "2026-12-01" }],
    ["tuesday at 10", { date: "2026-11-24", time: { hour: 10, minute: 0 } }],
    ["tuesday at 6 am", { date: "2026-12-01", time: { hour: 6, minute: 0 } }],
    ["tuesday afternoon", { date: "2026-11-24", partOfDay: "afternoon" }],
    ["el martes por la mañana", { date: "2026-11-24", partOfDay: "morning" }],
    ["this tuesday", { date: "2026-11-24" }],
    ["next tuesday", { date: "2026-12-01" }],
    ["wednesday", { date: "2026-11-25" }],
    ["monday", { date: "2026-11-30" }],
  ])("%s", (text, expected) => {
    expect(parsed(text)).toEqual(expected);
  });

  it("moves a Tuesday morning to next week once this morning is over", () => {
    const at1pm = { now: new Date("2026-11-24T21:00:00Z"), timeZone: LA };
    expect(parsed("el martes por la mañana", at1pm)).toEqual({ date: "2026-12-01", partOfDay: "morning" });
  });
});

describe("parseWhen: past dates are reported", () => {
  it.each<[string, Omit<When, "cues">]>([
    ["yesterday", { date: "2026-11-23", past: true }],
    ["last monday", { date: "2026-11-23", past: true }],
    ["el lunes pasado", { date: "2026-11-23", past: true }],
    ["ayer", { date: "2026-11-23", past: true }],
    ["today at 6 am", { date: "2026-11-24", time: { hour: 6, minute: 0 }, past: true }],
    ["november 20", { date: "2026-11-20", past: true }],
  ])("%s", (text, expected) => {
    expect(parsed(text)).toEqual(expected);
  });

  it("does not call a later time today past", () => {
    expect(parsed("today at 6 pm")).toEqual({ date: "2026-11-24", time: { hour: 18, minute: 0 } });
  });

  it("calls this morning past in the afternoon", () => {
    const at1pm = { now: new Date("2026-11-24T21:00:00Z"), timeZone: LA };
    expect(parsed("this morning", at1pm)).toEqual({ date: "2026-11-24", partOfDay: "morning", past: true });
  });
});

describe("parseWhen: 'tomorrow' follows the business's calendar, not UTC", () => {
  it("at 23:30 in Los Angeles (already the next day in UTC)", () => {
    const lateLA = { now: new Date("2026-11-25T07:30:00Z"), timeZone: LA };
    expect(parsed("today", lateLA)).toEqual({ date: "2026-11-24" });
    expect(parsed("tomorrow", lateLA)).toEqual({ date: "2026-11-25" });
    expect(parsed("mañana a las 3", lateLA)).toEqual({ date: "2026-11-25", time: { hour: 15, minute: 0 } });
  });

  it("at 00:30 in Sydney (still the previous day in UTC)", () => {
    const earlySydney = { now: new Date("2026-11-24T13:30:00Z"), timeZone: "Australia/Sydney" };
    expect(parsed("today", earlySydney)).toEqual({ date: "2026-11-25" });
    expect(parsed("tomorrow", earlySydney)).toEqual({ date: "2026-11-26" });
    expect(parsed("wednesday at 10", earlySydney)).toEqual({ date: "2026-11-25", time: { hour: 10, minute: 0 } });
  });
});

describe("whenToInstant across daylight-saving changes", () => {
  function tomorrowAt9(now: string, timeZone: string): string | undefined {
    const when = parseWhen("tomorrow at 9", { now: new Date(now), timeZone });
    const instant = when ? whenToInstant(when, timeZone) : undefined;
    return instant === undefined ? undefined : new Date(instant).toISOString();
  }

  it("resolves to 09:00 PST on the US fall-back day (1 Nov 2026)", () => {
    expect(tomorrowAt9("2026-10-31T19:00:00Z", LA)).toBe("2026-11-01T17:00:00.000Z");
    expect(tomorrowAt9("2026-10-31T16:00:00Z", "America/New_York")).toBe("2026-11-01T14:00:00.000Z");
  });

  it("resolves to 09:00 PDT on the US spring-forward day (8 Mar 2026)", () => {
    expect(tomorrowAt9("2026-03-07T20:00:00Z", LA)).toBe("2026-03-08T16:00:00.000Z");
    expect(tomorrowAt9("2026-03-07T17:00:00Z", "America/New_York")).toBe("2026-03-08T13:00:00.000Z");
  });

  it("is undefined without both a date and a time", () => {
    expect(whenToInstant({ date: "2026-11-25" }, LA)).toBeUndefined();
    expect(whenToInstant({ time: { hour: 9, minute: 0 } }, LA)).toBeUndefined();
  });
});

describe("parseWhen does not depend on the server's own time zone", () => {
  const original = process.env.TZ;
  afterEach(() => {
    if (original === undefined) delete process.env.TZ;
    else process.env.TZ = original;
  });

  it.each(["Pacific/Kiritimati", "Pacific/Pago_Pago", "America/Santiago"])("gives the same answers with TZ=%s", (zone) => {
    process.env.TZ = zone;
    expect(parsed("december 3rd at 10")).toEqual({ date: "2026-12-03", time: { hour: 10, minute: 0 } });
    expect(parsed("in two weeks")).toEqual({ date: "2026-12-08" });
    expect(parsed("tomorrow at 3")).toEqual({ date: "2026-11-25", time: { hour: 15, minute: 0 } });
  });
});

describe("parseWhen: a change of mind in the same breath (now = Tue 24 Nov 2026 07:00 in Los Angeles)", () => {
  it.each<[string, Omit<When, "cues">]>([
    ["ok so Friday... no sorry, Saturday, at 11", { date: "2026-11-28", time: { hour: 11, minute: 0 }, corrected: true }],
    ["Friday at 10, actually 11", { date: "2026-11-27", time: { hour: 11, minute: 0 }, corrected: true }],
    ["tomorrow at 3, no wait, Thursday", { date: "2026-11-26", time: { hour: 15, minute: 0 }, corrected: true }],
    ["Thursday morning, I mean afternoon", { date: "2026-11-26", partOfDay: "afternoon", corrected: true }],
    ["I can't do Friday, how about Saturday", { date: "2026-11-28", corrected: true }],
    ["el viernes, no, mejor el sábado a las 11", { date: "2026-11-28", time: { hour: 11, minute: 0 }, corrected: true }],
    ["mañana a las 3, perdón, a las 4", { date: "2026-11-25", time: { hour: 16, minute: 0 }, corrected: true }],
    ["el viernes no puedo, el sábado", { date: "2026-11-28", corrected: true }],
  ])("%s", (text, expected) => {
    expect(parsed(text)).toEqual(expected);
  });

  it.each<[string, Omit<When, "cues">]>([
    ["Saturday, not Friday", { date: "2026-11-28" }],
    ["el martes y no el lunes", { date: "2026-12-01" }],
    ["tomorrow no later than 3", { date: "2026-11-25", before: { hour: 15, minute: 0 } }],
    ["no, Thursday at 4", { date: "2026-11-26", time: { hour: 16, minute: 0 } }],
    ["tomorrow at 3 no problem", { date: "2026-11-25", time: { hour: 15, minute: 0 } }],
    ["actually tomorrow at 3", { date: "2026-11-25", time: { hour: 15, minute: 0 } }],
  ])("keeps the first value in '%s'", (text, expected) => {
    expect(parsed(text)).toMatchObject(expected);
    expect(parsed(text)?.corrected).toBeUndefined();
  });

  it("says when the date came from a weekday on its own", () => {
    expect(parseWhen("Tuesday morning", AT_7AM_LA)?.bareWeekday).toBe(2);
    expect(parseWhen("el viernes", AT_7AM_LA)?.bareWeekday).toBe(5);
    expect(parseWhen("this Tuesday", AT_7AM_LA)?.bareWeekday).toBeUndefined();
    expect(parseWhen("next Friday", AT_7AM_LA)?.bareWeekday).toBeUndefined();
    expect(parseWhen("Friday the 27th", AT_7AM_LA)?.bareWeekday).toBeUndefined();
  });
});
