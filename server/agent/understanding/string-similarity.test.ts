import { describe, expect, it } from "vitest";
import { damerauLevenshtein, jaroWinkler, wordSimilarity } from "./string-similarity";

describe("damerauLevenshtein", () => {
  it.each<[string, string, number]>([
    ["haircut", "haircut", 0],
    ["haircut", "haircutt", 1],
    ["haircut", "hiarcut", 1],
    ["kitten", "sitting", 3],
    ["", "abc", 3],
  ])("%s ↔ %s = %i", (a, b, d) => {
    expect(damerauLevenshtein(a, b)).toBe(d);
  });
});

describe("jaroWinkler", () => {
  it("matches the textbook values", () => {
    expect(jaroWinkler("martha", "marhta")).toBeCloseTo(0.961, 3);
    expect(jaroWinkler("dixon", "dicksonx")).toBeCloseTo(0.813, 3);
    expect(jaroWinkler("abc", "xyz")).toBe(0);
  });
});

describe("wordSimilarity", () => {
  it("rates near-misses high and unrelated words low", () => {
    expect(wordSimilarity("haircut", "haircutt")).toBeGreaterThan(0.9);
    expect(wordSimilarity("colour", "color")).toBeGreaterThan(0.85);
    expect(wordSimilarity("maria", "manicura")).toBeLessThan(0.6);
    expect(wordSimilarity("time", "tinte")).toBeLessThan(0.75);
  });

  it("requires short words to match exactly", () => {
    expect(wordSimilarity("cut", "cat")).toBe(0);
    expect(wordSimilarity("cut", "cut")).toBe(1);
  });
});
