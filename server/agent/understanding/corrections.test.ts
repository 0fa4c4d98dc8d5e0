import { describe, expect, it } from "vitest";
import { type CorrectionContext, type CorrectionSlot, detectCorrection } from "./corrections";

/** Tuesday 24 November 2026, 07:00 in Los Angeles. */
const CONTEXT: CorrectionContext = {
  now: new Date("2026-11-24T15:00:00Z"),
  timeZone: "America/Los_Angeles",
  services: [
    { id: "cut", name: "Haircut", synonyms: ["corte de pelo"] },
    { id: "beard", name: "Beard trim" },
    { id: "mani", name: "Manicure", synonyms: ["manicura"] },
  ],
  staff: [{ id: "s1", name: "Maria Lopez" }, { id: "s2", name: "Tom" }],
};

describe("detectCorrection", () => {
  it.each<[string, CorrectionSlot[], string | undefined, { hour: number; minute: number } | undefined]>([
    ["no, Thursday", ["date"], "2026-11-26", undefined],
    ["no, I said Tuesday", ["date"], "2026-12-01", undefined],
    ["mejor el jueves", ["date"], "2026-11-26", undefined],
    ["Thursday, not Tuesday", ["date"], "2026-11-26", undefined],
    ["en vez del martes, el jueves", ["date"], "2026-11-26", undefined],
    ["actually make it 4", ["time"], undefined, { hour: 16, minute: 0 }],
    ["no, 4:30", ["time"], undefined, { hour: 16, minute: 30 }],
    ["sorry, I meant 10 am", ["time"], undefined, { hour: 10, minute: 0 }],
    ["no, Thursday at 4", ["date", "time"], "2026-11-26", { hour: 16, minute: 0 }],
    ["mejor mañana a las 5", ["date", "time"], "2026-11-25", { hour: 17, minute: 0 }],
    ["ok so Friday... no sorry, Saturday, at 11", ["date", "time"], "2026-11-28", { hour: 11, minute: 0 }],
    ["actually Friday at 10, no wait, at 11", ["date", "time"], "2026-11-27", { hour: 11, minute: 0 }],
    ["perdón, el viernes, no, mejor el sábado", ["date"], "2026-11-28", undefined],
  ])("%s → %o", (text, slots, date, time) => {
    const correction = detectCorrection(text, CONTEXT);
    expect(correction?.slots).toEqual(slots);
    expect(correction?.when?.date).toBe(date);
    expect(correction?.when?.time).toEqual(time);
  });

  it("changes the service", () => {
    const correction = detectCorrection("actually can I get a beard trim instead", CONTEXT);
    expect(correction?.slots).toEqual(["service"]);
    expect(correction?.service?.service.id).toBe("beard");
  });

  it("leaves the choice open when the new service fits two equally", () => {
    const services = [{ id: "womens", name: "Women's haircut", synonyms: ["cut"] }, { id: "mens", name: "Men's haircut", synonyms: ["cut"] }];
    const correction = detectCorrection("actually make it a haircut", { ...CONTEXT, services });
    expect(correction?.slots).toEqual(["service"]);
    expect(correction?.service).toBeUndefined();
    expect(correction?.serviceOptions?.map((o) => o.service.id).sort()).toEqual(["mens", "womens"]);
  });

  it.each<[string, string]>([
    ["actually with Maria", "s1"],
    ["no, con Tom", "s2"],
  ])("changes the staff member: %s", (text, staffId) => {
    const correction = detectCorrection(text, CONTEXT);
    expect(correction?.slots).toEqual(["staff"]);
    expect(correction?.staff?.id).toBe(staffId);
  });

  it("changes the name", () => {
    expect(detectCorrection("no, my name is Jon", CONTEXT)).toEqual({ slots: ["name"], name: "Jon", cue: "no" });
  });

  it.each<string>(["no", "no thanks", "nope", "I'm not sure", "yes that works", "Thursday"])("is not a correction: '%s'", (text) => {
    expect(detectCorrection(text, CONTEXT)).toBeNull();
  });
});
