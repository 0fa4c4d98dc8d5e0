import { describe, expect, it } from "vitest";
import { demoContext, FIXTURE_NOW } from "../context/context-fixture";
import { nameAnswer, pickByDistinctWords, readUtterance } from "./read-utterance";

const context = demoContext();
const read = (text: string) => readUtterance(text, { context, now: FIXTURE_NOW });

describe("readUtterance", () => {
  it("reads a whole booking request: service, day and time in the business's zone", () => {
    const r = read("Hi, I'd like to book a men's haircut tomorrow at 3");
    expect(r.intent).toBe("book");
    expect(r.serviceId).toBe("mens");
    expect(r.when).toMatchObject({ date: "2026-11-25", time: { hour: 15, minute: 0 } });
  });

  it("leaves 'haircut' open between the two haircuts, and settles it with a distinguishing word", () => {
    expect(read("I need a haircut").serviceOptions).toEqual(["womens", "mens"]);
    expect(read("a haircut for my husband, he's a man").serviceId).toBe("mens");
    expect(read("un corte de pelo para mujer").serviceId).toBe("womens");
  });

  it("finds a service named once inside a long sentence", () => {
    expect(read("Hi, this is Karen, I was wondering if I could get my hair colored sometime next Thursday afternoon").serviceId).toBe("color");
    expect(read("I want to get my hair dyed").serviceId).toBe("color");
    expect(read("hi um could I get a colour sometime next week, if that's ok with you").serviceId).toBe("color");
    expect(read("hi I was looking at getting some colouring done on Friday afternoon").serviceId).toBe("color");
    expect(read("yeah I just need my hair trimmed tomorrow at 11").serviceOptions).toEqual(["womens", "mens"]);
  });

  it("settles the haircut by who it is for", () => {
    expect(read("Can I get a haircut for my son on Saturday morning").serviceId).toBe("mens");
    expect(read("un corte para mi esposa").serviceId).toBe("womens");
  });

  it("hears the service the caller settles on, not the one they refused or took back", () => {
    expect(read("I don't need a haircut, I need a colour, Wednesday at 11").serviceId).toBe("color");
    expect(read("a men's cut, no sorry, a women's cut").serviceId).toBe("womens");
    expect(read("no quiero un tinte, quiero un secado").serviceId).toBe("blowdry");
  });

  it("notices a request for something not on the menu, but not in small talk", () => {
    expect(read("do you do nails?")).toMatchObject({ request: true, unknownServiceWords: ["nails"] });
    expect(read("hi there").unknownServiceWords).toEqual([]);
    expect(read("I'd like to book for two people tomorrow").unknownServiceWords).toEqual([]);
  });

  it("names the stylist the caller asked for", () => {
    expect(read("with Leo please").staffId).toBe("leo");
    expect(read("con Maya").staffId).toBe("maya");
    expect(read("Thursday at 2").staffId).toBeUndefined();
  });

  it.each<[string, Partial<ReturnType<typeof read>>]>([
    ["put me on the waitlist", { waitlist: true }],
    ["¿me apunta en la lista de espera?", { waitlist: true }],
    ["can I leave a message", { message: true }],
    ["I'm running late", { passOn: true }],
    ["never mind", { neverMind: true }],
    ["olvídalo", { neverMind: true }],
    ["the second one", { ordinal: 1 }],
    ["la última", { ordinal: -1 }],
    ["anything earlier?", { shift: "earlier" }],
    ["do you have any other times", { shift: "other" }],
    ["I need to cancel my appointment", { intent: "cancel", mentionsAppointment: true }],
    ["can I move my appointment", { strongReschedule: true }],
    ["do you have a different time", { strongReschedule: false }],
    ["I don't want to cancel, I just have a question", { refused: ["cancel"] }],
    ["ya no necesito cambiar la cita", { refused: ["reschedule"] }],
    ["I just wanted to double check what time my appointment is", { asksAboutAppointment: true }],
    ["quería confirmar la hora de mi cita", { asksAboutAppointment: true }],
    ["yes please confirm my booking", { asksAboutAppointment: false }],
    ["yeah hi", { greeted: true, yes: true }],
    ["the earliest one", { ordinal: 0 }],
  ])("cues: %s", (text, expected) => {
    expect(read(text)).toMatchObject(expected);
  });

  it("does not read 'the first available' as picking the first offer", () => {
    const r = read("the first available");
    expect(r.when?.earliest).toBe(true);
    expect(r.ordinal).toBeUndefined();
  });

  it("offers the other weekday when the weekday and the date disagree", () => {
    const r = read("Thursday the 27th");
    expect(r.when).toMatchObject({ date: "2026-11-27", weekdayMismatch: true });
    expect(r.weekdayDate).toBe("2026-11-26");
  });

  it("finds the FAQ entry the caller asks about", () => {
    const r = read("is there parking?");
    expect(r.intent).toBe("faq");
    expect(r.faq?.answer).toBe("Free parking behind the salon.");
  });
});

describe("nameAnswer", () => {
  it.each([["Sam", "Sam"], ["it's uh Sam", "Sam"], ["my name is Ana García", "Ana García"], ["j o h n", "John"]])("takes %s as %s", (text, name) => {
    expect(nameAnswer(text, read(text))).toBe(name);
  });

  it.each(["yes", "tomorrow at 3", "a blow-dry", "never mind", "what time do you close", "earlier"])("does not take '%s' for a name", (text) => {
    expect(nameAnswer(text, read(text))).toBeUndefined();
  });
});

describe("pickByDistinctWords", () => {
  const haircuts = context.services.filter((s) => s.id === "womens" || s.id === "mens");
  it.each([["men's", "mens"], ["women's", "womens"], ["para hombre", "mens"], ["de caballero", "mens"], ["for a lady", "womens"]])("%s → %s", (text, id) => {
    expect(pickByDistinctWords(text.replace("'", ""), haircuts)).toBe(id);
  });

  it("gives up when nothing distinguishes them", () => {
    expect(pickByDistinctWords("a haircut", haircuts)).toBeUndefined();
  });
});
