import { describe, expect, it } from "vitest";
import { spokenNumbersToDigits } from "./spoken-numbers";

describe("spokenNumbersToDigits", () => {
  it.each<[string, string]>([
    ["three thirty", "3 30"],
    ["two forty five", "2 45"],
    ["twenty", "20"],
    ["treinta y cinco", "35"],
    ["a las tres y media", "a las 3 y media"],
    ["veinticinco", "25"],
    ["the fifth", "the 5th"],
    ["the twenty first", "the 21st"],
    ["december second", "december 2nd"],
    ["el primero de diciembre", "el 1 de diciembre"],
    ["a la una", "a la 1"],
  ])("%s → %s", (input, output) => {
    expect(spokenNumbersToDigits(input)).toBe(output);
  });

  it.each<string>([
    "the first available",
    "just a second",
    "the one at noon",
    "the afternoon one",
    "the early one please",
    "una cita",
    "once a week",
  ])("leaves non-numbers alone: %s", (input) => {
    expect(spokenNumbersToDigits(input)).toBe(input);
  });
});
