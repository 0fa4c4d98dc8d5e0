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
    const match = matchService("color", CATALOGUE);
    expect(match.ambiguous).toBe(true);
    expect([match.best?.service.id, match.runnerUp?.service.id].sort()).toEqual(["color", "correction"]);
  });

  it.each<string>(["what time do you open", "I want to get my nails done", "", "actually with Maria"])("finds nothing for '%s'", (text) => {
    const match = matchService(text, CATALOGUE);
    expect(match.best).toBeUndefined();
    expect(match.ambiguous).toBe(false);
  });

  it("honours a custom threshold", () => {
    expect(matchService("beard", CATALOGUE).best?.service.id).toBe("beard");
    expect(matchService("beard", CATALOGUE, { threshold: 0.8 }).best).toBeUndefined();
  });
});
