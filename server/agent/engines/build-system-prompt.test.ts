import { describe, expect, it } from "vitest";
import { demoContext } from "../context/context-fixture";
import { buildSystemPrompt, longDate } from "./build-system-prompt";

describe("buildSystemPrompt", () => {
  it("states today's weekday and date in the business's zone, and the hours, services and prices", () => {
    const prompt = buildSystemPrompt(demoContext(), { language: "en", channel: "phone" });
    expect(prompt).toContain("Today is Tuesday, November 24, 2026 (2026-11-24) and the time is 09:00 in the business's time zone (America/New_York)");
    expect(prompt).toContain("- Monday: closed");
    expect(prompt).toContain("- Saturday: 09:00–16:00");
    expect(prompt).toContain("- Men's haircut (service id mens): 30 minutes, $35.00; done by Maya Chen, Leo Alvarez");
    expect(prompt).toContain("- Color (service id color): 120 minutes, $120.00; done by Maya Chen");
    expect(prompt).toContain("Q: Is there parking nearby?\n  A: Free parking behind the salon.");
    expect(prompt).toContain("answering a phone call");
  });

  it("keeps the honesty rules: slot ids only, read back and ask first, booked only after ok, one question, the caller's language", () => {
    const prompt = buildSystemPrompt(demoContext(), { language: "es", channel: "sms" });
    expect(prompt).toMatch(/take one of those slot ids, never a date or time you made up/);
    expect(prompt).toMatch(/read back the weekday, the date, the time and the service .* end with a question/);
    expect(prompt).toMatch(/Say "booked".* only after the tool returned ok: true/);
    expect(prompt).toContain("Ask one question at a time");
    expect(prompt).toContain("Reply in Spanish, the caller's language.");
    expect(prompt).toContain("a text-message (SMS) conversation");
  });

  it("asks an unknown caller for a name and greets a returning one by it, with their appointments", () => {
    expect(buildSystemPrompt(demoContext(), { language: "en", channel: "phone" })).toContain("has no name on file. Ask for their name before booking");
    const known = buildSystemPrompt(
      demoContext({
        caller: { phone: "+15551230000", known: true, customerId: "cus1", name: "Sam Lee" },
        upcoming: [{ appointmentId: "apt1", serviceId: "mens", serviceName: "Men's haircut", staffName: "Maya Chen", date: "2026-11-25", weekday: 3, time: "15:00", startsAt: "2026-11-25T20:00:00.000Z" }],
      }),
      { language: "en", channel: "phone" },
    );
    expect(known).toContain("The caller is Sam Lee, a returning customer");
    expect(known).toContain("- Men's haircut with Maya Chen on Wednesday, November 25, 2026 at 15:00 (appointment id apt1)");
  });

  it("lists whole-day closures", () => {
    const prompt = buildSystemPrompt(demoContext({ closures: ["2026-11-26"] }), { language: "en", channel: "phone" });
    expect(prompt).toContain("Closed all day on: Thursday, November 26, 2026 (2026-11-26).");
    expect(longDate("2027-01-01")).toBe("Friday, January 1, 2027");
  });
});
