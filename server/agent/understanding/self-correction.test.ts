import { describe, expect, it } from "vitest";
import { selfCorrectionSplits } from "./self-correction";

describe("selfCorrectionSplits", () => {
  it.each<[string, { before: string; after: string }]>([
    ["ok so friday no sorry saturday at 11", { before: "ok so friday", after: "saturday at 11" }],
    ["friday at 10 actually 11", { before: "friday at 10", after: "11" }],
    ["a mens cut i mean a blow dry", { before: "a mens cut", after: "a blow dry" }],
    ["el viernes no mejor el sabado", { before: "el viernes", after: "el sabado" }],
    ["el viernes no el sabado", { before: "el viernes", after: "el sabado" }],
  ])("%s", (text, split) => {
    expect(selfCorrectionSplits(text)[0]).toEqual(split);
  });

  it.each<string>([
    "no thursday",
    "actually make it 4",
    "tomorrow no later than 3",
    "tomorrow at 3 no problem",
    "el martes y no el lunes",
    "saturday not friday",
    "no se",
  ])("finds no change of mind in '%s'", (text) => {
    expect(selfCorrectionSplits(text)).toEqual([]);
  });
});
