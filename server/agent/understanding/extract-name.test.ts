import { describe, expect, it } from "vitest";
import { capitalize, extractName } from "./extract-name";

describe("extractName", () => {
  it.each<[string, string]>([
    ["it's John Smith", "John Smith"],
    ["it's john smith", "John Smith"],
    ["my name is Ana García", "Ana García"],
    ["this is Bob", "Bob"],
    ["me llamo María", "María"],
    ["soy Pedro", "Pedro"],
    ["hi yes my name's jon o'brien", "Jon O'Brien"],
    ["this is Bob calling about a haircut", "Bob"],
    ["soy Pedro y quiero una cita", "Pedro"],
    ["me llamo ana de la cruz", "Ana de la Cruz"],
    ["mi nombre es Lucía Fernández", "Lucía Fernández"],
    ["you can call me Sam", "Sam"],
    ["I'm Rachel McDonald and I need a trim", "Rachel McDonald"],
    ["it's for my son, my name is Tom", "Tom"],
    ["this is Una calling about a blow-dry", "Una"],
    ["Me llamo Una", "Una"],
    ["me llamo una", "Una"],
    ["my name is Una Smith", "Una Smith"],
    ["hi, it's Will", "Will"],
    ["my name's uh Devon", "Devon"],
    ["me llamo, este, Juan", "Juan"],
    ["it's d'angelo", "D'Angelo"],
    ["this is mary-jane", "Mary-Jane"],
  ])("%s → %s", (text, fullName) => {
    expect(extractName(text)?.fullName).toBe(fullName);
  });

  it("splits first and last name", () => {
    expect(extractName("my name is Ana de la Cruz")).toEqual({
      fullName: "Ana de la Cruz", firstName: "Ana", lastName: "de la Cruz", cue: "my name is",
    });
  });

  it.each<string>([
    "it's for a haircut",
    "I'm calling about my appointment",
    "I'm looking for a haircut",
    "soy nueva",
    "soy cliente",
    "it's me",
    "I'm free tomorrow",
    "it's tomorrow at 3",
    "this is about my booking",
    "I'm not sure",
    "John Smith",
    "soy una clienta nueva",
    "soy una",
    "I will be there",
    "it's will be fine",
  ])("rejects '%s'", (text) => {
    expect(extractName(text)).toBeNull();
  });

  describe("when the agent just asked for the name", () => {
    it.each<[string, string]>([
      ["John Smith", "John Smith"],
      ["sure it's uh Maria please", "Maria"],
      ["j o h n", "John"],
      ["Pedro", "Pedro"],
      ["Una", "Una"],
      ["una", "Una"],
      ["Una García", "Una García"],
      ["yeah it's uh Devon", "Devon"],
      ["o'brien", "O'Brien"],
      ["women's", "Women's"],
    ])("accepts the bare answer %s", (text, fullName) => {
      expect(extractName(text, { expectingName: true })?.fullName).toBe(fullName);
    });

    it.each<string>(["tomorrow at 3", "a haircut please", "I don't know", "yes", "una cita", "will do", "una cita para mañana"])("still rejects '%s'", (text) => {
      expect(extractName(text, { expectingName: true })).toBeNull();
    });
  });

  describe("title-casing lowercase speech", () => {
    it.each<[string, string]>([
      ["o'brien", "O'Brien"],
      ["women's", "Women's"],
      ["jean-luc", "Jean-Luc"],
      ["McDonald", "McDonald"],
      ["garcía", "García"],
    ])("%s → %s", (raw, cased) => {
      expect(capitalize(raw)).toBe(cased);
    });
  });
});
