import { describe, expect, it } from "vitest";
import { pickLanguage } from "./pick-language";

const both = { supported: ["en", "es"] as const, firstUtterance: false };

describe("pickLanguage", () => {
  it("switches on the first utterance when it is clearly Spanish", () => {
    expect(pickLanguage("en", "hola, quiero una cita para mañana", { ...both, firstUtterance: true })).toBe("es");
    expect(pickLanguage("en", "sí", { ...both, firstUtterance: true })).toBe("es");
  });

  it("keeps English for an English or neutral first utterance", () => {
    expect(pickLanguage("en", "I need a haircut", { ...both, firstUtterance: true })).toBe("en");
    expect(pickLanguage("en", "3", { ...both, firstUtterance: true })).toBe("en");
  });

  it("does not flip later on a stray word, but does on a clear sentence", () => {
    expect(pickLanguage("en", "sí", both)).toBe("en");
    expect(pickLanguage("es", "okay", both)).toBe("es");
    expect(pickLanguage("en", "perdón, ¿puedo hablar en español? quiero una cita", both)).toBe("es");
  });

  it("never answers in a language the business does not offer", () => {
    expect(pickLanguage("en", "hola, quiero una cita para mañana", { supported: ["en"], firstUtterance: true })).toBe("en");
  });
});
