import { describe, expect, it } from "vitest";
import { type FaqEntry, matchFaq } from "./match-faq";

const FAQS: FaqEntry[] = [
  { id: "walkins", question: "Do you take walk-ins?", answer: "Yes, when a chair is free." },
  { id: "parking", question: "Is there parking nearby?", answer: "Free parking behind the salon.", keywords: ["aparcamiento", "estacionamiento"] },
  { id: "gift", question: "Do you sell gift cards?", answer: "Yes, any amount." },
  { id: "kids", question: "Do you cut children's hair?", answer: "Yes, under 12 is $20." },
];

describe("matchFaq", () => {
  it.each<[string, string]>([
    ["do you guys take walk ins", "walkins"],
    ["hi I was wondering if you take walk-ins on saturdays", "walkins"],
    ["where can I park", "parking"],
    ["hay estacionamiento", "parking"],
    ["can I buy a gift card", "gift"],
    ["do you cut kids hair, like children", "kids"],
  ])("%s → %s", (text, id) => {
    expect(matchFaq(text, FAQS)?.entry.id).toBe(id);
  });

  it("reports the score and the words that matched", () => {
    const match = matchFaq("do you sell gift cards", FAQS);
    expect(match).toMatchObject({ index: 2, score: 1, matchedWords: ["sell", "gift", "cards"] });
  });

  it.each<string>(["what time do you close", "I want to book a haircut", "", "yes"])("finds nothing for '%s'", (text) => {
    expect(matchFaq(text, FAQS)).toBeUndefined();
  });

  it("honours a stricter threshold", () => {
    expect(matchFaq("hi I was wondering if you take walk-ins on saturdays", FAQS, { threshold: 0.9 })).toBeUndefined();
  });
});
