import { describe, expect, it } from "vitest";
import { type CatalogueService, matchService } from "./match-service";

const CATALOGUE: CatalogueService[] = [
  { id: "cut", name: "Haircut", synonyms: ["corte de pelo", "corte"] },
  { id: "mens", name: "Men's haircut", synonyms: ["corte de caballero"] },
  { id: "color", name: "Hair color", synonyms: ["tinte", "coloring"] },
  { id: "correction", name: "Color correction" },
  { id: "mani", name: "Manicure", synonyms: ["manicura"] },
  { id: "pedi", name: "Pedicure", synonyms: ["pedicura"] },
  { id: "beard", name: "Beard trim" },
];

describe("matchService", () => {
  it.each<[string, string]>([
    ["haircut", "cut"],
    ["Haircut", "cut"],
    ["hair cut", "cut"],
    ["haircutt", "cut"],
    ["haircuts", "cut"],
    ["I'd like a haircut please", "cut"],
    ["corte de pelo", "cut"],
    ["quiero un corte de pelo para mañana", "cut"],
    ["men's haircut", "mens"],
    ["mens haircut", "mens"],
    ["many cure", "mani"],
    ["manicures", "mani"],
    ["a pedicure", "pedi"],
    ["pedicura", "pedi"],
    ["something for my beard", "beard"],
    ["un tinte", "color"],
    ["coloring", "color"],
    ["colouring", "color"],
    ["I'd like my hair colored", "color"],
    ["my beard trimmed", "beard"],
    ["could I get a colour sometime next week, if that's ok with you", "color"],
    ["hi yeah so um I was wondering if maybe I could come in and get a manicure at some point on Friday if you have anything", "mani"],
    ["quería saber si me podrían hacer una pedicura el viernes por la tarde si tienen hueco", "pedi"],
  ])("%s → %s", (text, id) => {
    expect(matchService(text, CATALOGUE).best?.service.id).toBe(id);
  });

  it("scores an exact name 1 and names the phrase that matched", () => {
    const match = matchService("corte de pelo", CATALOGUE);
    expect(match.best).toMatchObject({ score: 1, matchedPhrase: "corte de pelo" });
  });

  it("prefers the more specific service but keeps the other as runner-up", () => {
    const match = matchService("men's haircut", CATALOGUE);
    expect(match.best?.service.id).toBe("mens");
    expect(match.runnerUp?.service.id).toBe("cut");
    expect(match.ambiguous).toBe(false);
  });

  it("flags a tie so the agent can ask 'Did you mean X or Y?'", () => {
    const catalogue = CATALOGUE.map((s) => (s.id === "color" ? { ...s, synonyms: ["tinte"] } : s));
    const match = matchService("color", catalogue);
    expect(match.ambiguous).toBe(true);
    expect([match.best?.service.id, match.runnerUp?.service.id].sort()).toEqual(["color", "correction"]);
    // In a long sentence only the service whose key words were all heard is left.
    const long = matchService("could I get a colour sometime next week, if that's ok with you", catalogue);
    expect(long.best?.service.id).toBe("color");
    expect(long.runnerUp).toBeUndefined();
  });

  it("lets a synonym that is the same word inflected decide a tie ('coloring' for 'color')", () => {
    const match = matchService("color", CATALOGUE);
    expect(match.best?.service.id).toBe("color");
    expect(match.ambiguous).toBe(false);
  });

  it.each<string>([
    "what time do you open", "I want to get my nails done", "", "actually with Maria",
    "I'd like to get my hair done sometime next week if that's ok with you",
    "is there parking near the salon", "I'm running a bit late", "I'm calling about my appointment on Friday",
    "I'm a new caller", "it's a bit colder today", "I'll be cutting it close but I can come at three",
  ])("finds nothing for '%s'", (text) => {
    const match = matchService(text, CATALOGUE);
    expect(match.best).toBeUndefined();
    expect(match.ambiguous).toBe(false);
  });

  it("honours a custom threshold", () => {
    expect(matchService("beard", CATALOGUE).best?.service.id).toBe("beard");
    expect(matchService("beard", CATALOGUE, { threshold: 0.8 }).best).toBeUndefined();
  });

  describe("on a salon catalogue with one-word synonyms", () => {
    const SALON: CatalogueService[] = [
      { id: "womens", name: "Women's haircut", synonyms: ["haircut", "cut", "trim", "corte de pelo"] },
      { id: "mens", name: "Men's haircut", synonyms: ["haircut", "cut", "trim", "corte"] },
      { id: "color", name: "Color", synonyms: ["colour", "dye", "highlights", "tinte"] },
      { id: "blow", name: "Blow-dry", synonyms: ["blowout", "blow dry", "secado"] },
    ];

    it.each<[string, string]>([
      ["could I get a colour sometime next week, if that's ok with you", "color"],
      ["I was hoping to get some colouring done on Friday afternoon if you have anything", "color"],
      ["I want my hair dyed", "color"],
      ["can I get a blowout thursday morning", "blow"],
      ["quiero un secado el viernes a las diez si puede ser", "blow"],
    ])("%s → %s", (text, id) => {
      expect(matchService(text, SALON).best?.service.id).toBe(id);
    });

    it.each<string>(["I just need my hair trimmed tomorrow", "haircuts", "can I get a trim"])("asks women's or men's for '%s'", (text) => {
      const match = matchService(text, SALON);
      expect(match.ambiguous).toBe(true);
      expect([match.best?.service.id, match.runnerUp?.service.id].sort()).toEqual(["mens", "womens"]);
    });

    it.each<string>([
      "what do you have on saturday", "I'm calling to check on my booking", "can I come in on Saturday at 11",
      "it's for my daughter", "I'll take the second one", "no that's all thanks", "do you take walk-ins",
      "how much does it cost", "I need to change the time", "is there parking", "what time do you close tonight",
      "¿tienen algo el sábado?", "me llamo Carmen", "hola quería saber dónde están", "sábado a las diez",
      "I'm running late, be there in ten minutes", "the first one is fine", "yes please book it", "my name is Dyer",
    ])("finds nothing in '%s'", (text) => {
      expect(matchService(text, SALON).best).toBeUndefined();
    });
  });
});
