import { describe, expect, it } from "vitest";
import { atTime, dayLabel, durationLabel, listOr, money, serviceNoun, slotLabel, timeLabel, weekdayPlural } from "./speak-time";

const TODAY = "2026-11-24"; // a Tuesday

describe("speak-time", () => {
  it.each([
    ["15:00", "3 PM", "las 3 de la tarde"],
    ["08:00", "8 AM", "las 8 de la mañana"],
    ["09:30", "9:30 AM", "las 9:30 de la mañana"],
    ["12:00", "noon", "las 12 del mediodía"],
    ["13:00", "1 PM", "la 1 de la tarde"],
    ["12:45", "12:45 PM", "las 12:45 del mediodía"],
    ["20:15", "8:15 PM", "las 8:15 de la noche"],
  ])("says %s as '%s' and '%s'", (time, en, es) => {
    expect(timeLabel(time, "en")).toBe(en);
    expect(timeLabel(time, "es")).toBe(es);
  });

  it("names today and tomorrow, and always the weekday and date", () => {
    expect(dayLabel("2026-11-24", TODAY, "en")).toBe("today, Tuesday, November 24");
    expect(dayLabel("2026-11-25", TODAY, "en")).toBe("tomorrow, Wednesday, November 25");
    expect(dayLabel("2026-12-04", TODAY, "en")).toBe("Friday, December 4");
    expect(dayLabel("2026-11-25", TODAY, "es")).toBe("mañana, miércoles 25 de noviembre");
    expect(dayLabel("2026-12-04", TODAY, "es")).toBe("el viernes 4 de diciembre");
  });

  it("puts day and time together", () => {
    expect(slotLabel("2026-11-26", "14:30", TODAY, "en")).toBe("Thursday, November 26 at 2:30 PM");
    expect(slotLabel("2026-11-26", "13:00", TODAY, "es")).toBe("el jueves 26 de noviembre a la 1 de la tarde");
    expect(atTime("12:00", "en")).toBe("at noon");
  });

  it("lists, prices and articles", () => {
    expect(listOr(["9 AM", "11 AM", "2 PM"], "en")).toBe("9 AM, 11 AM or 2 PM");
    expect(listOr(["A", "B"], "es")).toBe("A o B");
    expect(money(3500, "USD")).toBe("$35");
    expect(money(3550, "USD")).toBe("$35.50");
    expect(serviceNoun("Men's haircut", "en")).toBe("a men's haircut");
    expect(serviceNoun("Color", "en")).toBe("a color");
    expect(weekdayPlural(0, "en")).toBe("Sundays");
    expect(weekdayPlural(0, "es")).toBe("los domingos");
    expect(weekdayPlural(1, "es")).toBe("los lunes");
  });

  it("says durations in hours and minutes", () => {
    expect(durationLabel(30, "en")).toBe("30 minutes");
    expect(durationLabel(120, "en")).toBe("2 hours");
    expect(durationLabel(90, "en")).toBe("1 hour 30 minutes");
    expect(durationLabel(60, "es")).toBe("1 hora");
    expect(durationLabel(90, "es")).toBe("1 hora y 30 minutos");
  });
});
