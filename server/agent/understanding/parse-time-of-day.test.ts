import { describe, expect, it } from "vitest";
import { MaskedText } from "./masked-text";
import { canonicalizeClockPhrases, detectPartOfDay, extractTimeOfDay } from "./parse-time-of-day";
import type { PartOfDay } from "./resolve-hour";

describe("canonicalizeClockPhrases", () => {
  it.each<[string, string]>([
    ["half past 2", "2:30"],
    ["at half 2", "at 2:30"],
    ["half 2 hours", "half 2 hours"],
    ["quarter to 1", "12:45"],
    ["quarter after 9", "9:15"],
    ["20 to 5", "4:40"],
    ["5 minutes to 3", "2:55"],
    ["3 oclock", "3:00"],
    ["3 oh 5", "3:05"],
    ["3 30", "3:30"],
    ["4 y media", "4:30"],
    ["5 menos cuarto", "4:45"],
    ["5 menos 10", "4:50"],
    ["2 y 10", "2:10"],
    ["3pm", "3 pm"],
    ["noon", "12:00 pm"],
    ["12 de la noche", "12 am"],
    ["9 de la noche", "9 pm"],
  ])("%s → %s", (input, output) => {
    const text = new MaskedText(input);
    canonicalizeClockPhrases(text);
    expect(text.text).toBe(output);
  });

  it.each<string>(["from 5 to 7", "2 to 4", "entre las 2 y 4", "the 5 30", "december 3 2026"])("leaves ranges and dates alone: %s", (input) => {
    const text = new MaskedText(input);
    canonicalizeClockPhrases(text);
    expect(text.text).toBe(input);
  });
});

describe("extractTimeOfDay", () => {
  it("returns raw readings, leaving am/pm to resolve-hour", () => {
    const found = extractTimeOfDay(new MaskedText("at 3"));
    expect(found.time).toEqual({ hour: 3, minute: 0 });
  });

  it("keeps an explicit meridiem", () => {
    expect(extractTimeOfDay(new MaskedText("at 8 am")).time).toEqual({ hour: 8, minute: 0, meridiem: "am" });
  });

  it("does not read durations, ordinals or counts as times", () => {
    for (const input of ["for 2 weeks", "the 5th", "for 2 people", "el 5 de mayo", "12/3"]) {
      expect(extractTimeOfDay(new MaskedText(input)).time).toBeUndefined();
    }
  });

  it("leaves day words that name a date for the day grammar", () => {
    const text = new MaskedText("tonight at 8");
    extractTimeOfDay(text);
    expect(text.remainingWords()).toEqual(["tonight"]);
  });
});

describe("detectPartOfDay", () => {
  it.each<[string, PartOfDay | undefined]>([
    ["tomorrow morning", "morning"],
    ["por la manana", "morning"],
    ["manana", undefined],
    ["in the afternoon", "afternoon"],
    ["esta tarde", "afternoon"],
    ["tonight", "evening"],
    ["friday night", "evening"],
    ["good morning i want friday", undefined],
    ["buenas tardes", undefined],
    ["first thing", "morning"],
  ])("%s → %s", (text, part) => {
    expect(detectPartOfDay(text)).toBe(part);
  });
});
