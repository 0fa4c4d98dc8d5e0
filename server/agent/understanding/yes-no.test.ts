import { describe, expect, it } from "vitest";
import { detectYesNo, type YesNo } from "./yes-no";

describe("detectYesNo", () => {
  it.each<[string, YesNo]>([
    ["yes", "yes"],
    ["Y", "yes"],
    ["yeah sure", "yes"],
    ["Yep!", "yes"],
    ["sí claro", "yes"],
    ["si", "yes"],
    ["that works", "yes"],
    ["that works for me", "yes"],
    ["perfect", "yes"],
    ["sounds good", "yes"],
    ["mm hmm", "yes"],
    ["uh huh", "yes"],
    ["vale", "yes"],
    ["de acuerdo", "yes"],
    ["no problem", "yes"],
    ["yes, no problem", "yes"],
    ["no", "no"],
    ["nope", "no"],
    ["nah", "no"],
    ["no gracias", "no"],
    ["no thank you", "no"],
    ["that doesn't work", "no"],
    ["not really", "no"],
    ["para nada", "no"],
    ["no wait, yes", "yes"],
    ["yes, sorry, no", "no"],
  ])("%s → %s", (text, answer) => {
    expect(detectYesNo(text).answer).toBe(answer);
  });

  it.each<string>(["good morning", "right now I want a haircut", "I have no preference at all really", "ya tengo cita", "what time", "y el viernes?"])(
    "finds no answer in '%s'",
    (text) => {
      expect(detectYesNo(text).answer).toBeUndefined();
    },
  );

  it.each<string>(["I'm not sure", "maybe", "no sé", "tal vez"])("marks '%s' as unsure", (text) => {
    const result = detectYesNo(text);
    expect(result.answer).toBeUndefined();
    expect(result.unsure).toBe(true);
  });

  it("keeps what follows the answer for corrections", () => {
    expect(detectYesNo("no, Thursday")).toMatchObject({ answer: "no", rest: "thursday" });
  });

  it("is most confident when the utterance is only an answer", () => {
    expect(detectYesNo("yes").confidence).toBeGreaterThan(detectYesNo("yes I think I want the 3 pm one").confidence);
    expect(detectYesNo("no wait yes").confidence).toBeLessThan(detectYesNo("yes").confidence);
  });
});
