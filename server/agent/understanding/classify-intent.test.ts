import { describe, expect, it } from "vitest";
import { classifyIntent, type Intent } from "./classify-intent";
import type { FaqEntry } from "./match-faq";

const FAQS: FaqEntry[] = [
  { id: "walkins", question: "Do you take walk-ins?", answer: "Yes." },
  { id: "parking", question: "Is there parking nearby?", answer: "Behind the salon." },
];

describe("classifyIntent", () => {
  it.each<[string, Intent]>([
    ["I'd like to book a haircut", "book"],
    ["um yeah I wanna like book for tomorrow", "book"],
    ["can I make an appointment", "book"],
    ["I want to come in tomorrow at 3", "book"],
    ["quiero una cita para mañana", "book"],
    ["quisiera reservar un corte", "book"],
    ["eh, sí, hola... quería, este, una cita", "book"],
    ["um hi uh I was hoping to get a haircut", "book"],
    ["can I get a haircut on friday", "book"],
    ["can I get directions", "location"],
    ["I need to cancel my appointment", "cancel"],
    ["quiero cancelar mi cita", "cancel"],
    ["can I move my appointment to friday", "reschedule"],
    ["I need to reschedule", "reschedule"],
    ["cancel and rebook for next week", "reschedule"],
    ["quiero cambiar mi cita", "reschedule"],
    ["do you have anything tomorrow afternoon", "availability"],
    ["any openings on saturday", "availability"],
    ["tienen algo el viernes", "availability"],
    ["what time do you close", "hours"],
    ["are you open on sunday", "hours"],
    ["what are your hours", "hours"],
    ["a qué hora abren", "hours"],
    ["where are you located", "location"],
    ["what's the address", "location"],
    ["dónde están ubicados", "location"],
    ["how much is a haircut", "prices"],
    ["what are your prices", "prices"],
    ["cuánto cuesta un corte", "prices"],
    ["can I speak to a representative", "human"],
    ["operator", "human"],
    ["I want to talk to a real person", "human"],
    ["quiero hablar con una persona", "human"],
    ["no I want to cancel", "cancel"],
    ["thanks bye", "goodbye"],
    ["that's it, thanks", "goodbye"],
    ["no that's everything", "goodbye"],
    ["ya está, gracias", "goodbye"],
    ["that's it, the 3 pm one", "unknown"],
    ["that's all, have a nice day", "goodbye"],
    ["adiós gracias", "goodbye"],
    ["yes", "affirm"],
    ["yeah that works", "affirm"],
    ["sí claro", "affirm"],
    ["no", "deny"],
    ["nope", "deny"],
    ["no gracias", "deny"],
    ["hello", "greeting"],
    ["hola buenos días", "greeting"],
    ["hi there", "greeting"],
    ["blah blah", "unknown"],
    ["", "unknown"],
    ["what do you have on saturday", "availability"],
    ["what have you got Friday afternoon", "availability"],
    ["anything tomorrow after 3?", "availability"],
    ["how does Thursday look", "availability"],
    ["¿qué tienen el sábado?", "availability"],
    ["qué hay para mañana", "availability"],
    ["¿cómo tienen el viernes por la tarde?", "availability"],
    ["what services do you have", "unknown"],
    ["¿qué hay?", "unknown"],
    ["yeah hi", "greeting"],
    ["oh hello there", "greeting"],
    ["I don't want to cancel, I want to move it to Friday", "reschedule"],
    ["I don't wanna reschedule, I want to cancel", "cancel"],
    ["no quiero cancelar, quiero cambiarla para el viernes", "reschedule"],
    ["No, quiero cancelar", "cancel"],
    ["I don't want to cancel, what time do you close on Friday", "hours"],
  ])("%s → %s", (text, intent) => {
    expect(classifyIntent(text).intent).toBe(intent);
  });

  it("lets a request outrank a greeting and a yes in the same breath", () => {
    const result = classifyIntent("hi yes I'd like to book a haircut");
    expect(result.intent).toBe("book");
    expect(result.alternatives.map((a) => a.intent)).toEqual(expect.arrayContaining(["greeting", "affirm"]));
  });

  it("returns the cues that decided it", () => {
    expect(classifyIntent("What time do you close?").cues).toContain("what time do you close");
  });

  it("is more confident about a clear request than a lone greeting", () => {
    const clear = classifyIntent("can I speak to a representative").confidence;
    const greeting = classifyIntent("hello").confidence;
    expect(clear).toBeGreaterThan(0.9);
    expect(greeting).toBeLessThan(clear);
    expect(classifyIntent("blah").confidence).toBe(0);
  });

  it("delegates to the business's FAQ entries", () => {
    const result = classifyIntent("do you guys take walk ins", { faqs: FAQS });
    expect(result.intent).toBe("faq");
    expect(result.faq?.entry.id).toBe("walkins");
    expect(classifyIntent("where can I park", { faqs: FAQS }).faq?.entry.id).toBe("parking");
  });

  it("prefers the built-in hours answer to a similar FAQ entry", () => {
    const faqs = [...FAQS, { question: "What time do you close?", answer: "7pm" }];
    expect(classifyIntent("what time do you close", { faqs }).intent).toBe("hours");
  });

  it.each<string>(["I don't want to cancel", "no quiero cancelar", "I don't need to reschedule anymore", "ya no necesito cambiar la cita", "please don't cancel my appointment"])(
    "does not take the refusal '%s' for the action",
    (text) => {
      const result = classifyIntent(text);
      expect(["cancel", "reschedule", "book"]).not.toContain(result.intent);
      expect(result.alternatives.map((a) => a.intent)).not.toEqual(expect.arrayContaining(["cancel"]));
      expect(result.negated.length).toBe(1);
    },
  );

  it("reports the caller's language", () => {
    expect(classifyIntent("quiero cancelar mi cita").language).toBe("es");
    expect(classifyIntent("I need to cancel").language).toBe("en");
  });
});
