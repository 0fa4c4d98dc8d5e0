import { describe, expect, it } from "vitest";
import { detectLanguage, keepOrSwitchLanguage, type Language } from "./detect-language";

describe("detectLanguage", () => {
  it.each<[string, Language]>([
    ["I want to book an appointment for tomorrow", "en"],
    ["quiero una cita para mañana", "es"],
    ["quiero una cita para manana", "es"],
    ["¿tienen algo el viernes?", "es"],
    ["my name is Ana García", "en"],
    ["hola buenos dias", "es"],
    ["can I speak to someone", "en"],
    ["me llamo Pedro y necesito un corte de pelo", "es"],
  ])("%s → %s", (text, language) => {
    expect(detectLanguage(text).language).toBe(language);
  });

  it.each<string>(["ok", "no", "3", "Maria"])("gives no language for evidence-free '%s'", (text) => {
    const guess = detectLanguage(text);
    expect(guess.language).toBeUndefined();
    expect(guess.confidence).toBe(0);
  });
});

describe("keepOrSwitchLanguage", () => {
  it.each<[Language, string, Language]>([
    ["en", "sí", "en"],
    ["en", "ok", "en"],
    ["en", "mañana", "es"],
    ["en", "quiero una cita", "es"],
    ["es", "yes", "es"],
    ["es", "I want an appointment", "en"],
    ["es", "sí claro", "es"],
    ["en", "my name is José García", "en"],
    ["es", "no", "es"],
  ])("from %s, '%s' → %s", (previous, text, expected) => {
    expect(keepOrSwitchLanguage(previous, text)).toBe(expected);
  });
});
