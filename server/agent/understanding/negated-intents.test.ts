import { describe, expect, it } from "vitest";
import { type NegatableIntent, negatedIntents, withoutRefusedThings } from "./negated-intents";

describe("negatedIntents", () => {
  it.each<[string, NegatableIntent[]]>([
    ["I don't want to cancel", ["cancel"]],
    ["I do not want it cancelled", ["cancel"]],
    ["please don't cancel it", ["cancel"]],
    ["I'm not cancelling, I just have a question", ["cancel"]],
    ["I don't think I need to cancel after all", ["cancel"]],
    ["I don't need to reschedule anymore", ["reschedule"]],
    ["there's no need to move it", ["reschedule"]],
    ["I'd rather not change the time", ["reschedule"]],
    ["don't book anything yet", ["book"]],
    ["no quiero cancelar", ["cancel"]],
    ["no la cancele por favor", ["cancel"]],
    ["ya no necesito cambiar la cita", ["reschedule"]],
    ["no voy a cancelar, solo quiero saber la dirección", ["cancel"]],
    ["I don't want to cancel, I want to move it", ["cancel"]],
    ["I want to cancel, not reschedule", ["reschedule"]],
  ])("%s → %j", (text, negated) => {
    expect(negatedIntents(text)).toEqual(negated);
  });

  it.each<string>([
    "I want to cancel",
    "no, cancel it",
    "No, quiero cancelar",
    "I don't know, I want to cancel",
    "I can't make it, I need to cancel",
    "no I don't want to keep it, cancel it",
    "I don't want to cancel. Actually yes, cancel it",
    "why not just move it to Friday",
    "quiero cancelar mi cita",
    "I need to reschedule",
  ])("finds no refusal in '%s'", (text) => {
    expect(negatedIntents(text)).toEqual([]);
  });
});

describe("withoutRefusedThings", () => {
  it.each<[string, string]>([
    ["I don't need a haircut, I need a colour, Wednesday at 10", "i i need a colour wednesday at 10"],
    ["a blow-dry, not a haircut", "a blow dry"],
    ["a colour instead of a haircut", "a colour"],
    ["no quiero un corte, quiero un tinte", "quiero un tinte"],
    ["I want a men's haircut tomorrow", "i want a mens haircut tomorrow"],
  ])("%s → %s", (text, rest) => {
    expect(withoutRefusedThings(text)).toBe(rest);
  });
});
