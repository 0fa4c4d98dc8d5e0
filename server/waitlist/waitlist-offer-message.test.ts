// The offer's words name the business's local weekday, date and time, not UTC's, and stay plain
// ASCII so an SMS keeps the GSM-7 alphabet.
import { describe, expect, it } from "vitest";
import { waitlistOfferMessage } from "./waitlist-offer-message";

const base = { businessName: "Bloom Hair Studio", serviceName: "Men's haircut", staffName: "Maya Chen" };

describe("waitlistOfferMessage", () => {
  it("names the local weekday, date and time when the UTC date is already the next day", () => {
    const text = waitlistOfferMessage({
      ...base,
      startsAt: new Date("2026-11-27T01:00:00Z"), // Thursday 20:00 in New York, Friday in UTC
      holdExpiresAt: new Date("2026-11-24T14:30:00Z"),
      now: new Date("2026-11-24T14:00:00Z"),
      timeZone: "America/New_York",
    });
    expect(text.body).toBe(
      "Bloom Hair Studio: a time you were waiting for is free. Men's haircut with Maya Chen, Thursday, November 26 at 8:00 PM. " +
        "We are holding it for you until 9:30 AM. Reply YES to book it, or NO to let it go.",
    );
    expect(text.subject).toBe("Bloom Hair Studio: Men's haircut on Thursday, November 26 at 8:00 PM is free");
    expect(text.body).toMatch(/^[\x20-\x7e]+$/);
  });

  it("uses the zone's own offset on a daylight-saving change and in a half-hour zone", () => {
    // 2026-03-08 is spring-forward in New York: 07:30Z is 03:30 EDT (not 02:30 EST).
    const spring = waitlistOfferMessage({ ...base, startsAt: new Date("2026-03-08T07:30:00Z"), holdExpiresAt: new Date("2026-03-08T07:00:00Z"), now: new Date("2026-03-08T06:30:00Z"), timeZone: "America/New_York" });
    expect(spring.body).toContain("Sunday, March 8 at 3:30 AM");
    const adelaide = waitlistOfferMessage({ ...base, startsAt: new Date("2026-11-26T00:00:00Z"), holdExpiresAt: new Date("2026-11-25T23:30:00Z"), now: new Date("2026-11-25T23:00:00Z"), timeZone: "Australia/Adelaide" });
    expect(adelaide.body).toContain("Thursday, November 26 at 10:30 AM"); // ACDT, UTC+10:30
  });

  it("gives the hold deadline's weekday when it falls on another local day", () => {
    const text = waitlistOfferMessage({
      ...base,
      startsAt: new Date("2026-11-26T15:00:00Z"),
      holdExpiresAt: new Date("2026-11-25T05:15:00Z"), // Wednesday 00:15 in New York
      now: new Date("2026-11-25T04:45:00Z"), // Tuesday 23:45
      timeZone: "America/New_York",
    });
    expect(text.body).toContain("until Wednesday 12:15 AM.");
  });
});
