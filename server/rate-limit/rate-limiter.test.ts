import { describe, expect, it } from "vitest";
import { describeWait, rateLimitedError, rateLimitKey } from "./rate-limiter";

describe("rate limiter words and keys", () => {
  it("says how long to wait in the largest sensible unit, rounding up", () => {
    expect(describeWait(1)).toBe("1 second");
    expect(describeWait(45)).toBe("45 seconds");
    expect(describeWait(61)).toBe("2 minutes");
    expect(describeWait(15 * 60)).toBe("15 minutes");
    expect(describeWait(3600)).toBe("1 hour");
    expect(describeWait(3601)).toBe("2 hours");
  });

  it("puts the wait into the rule's message and keeps the seconds for Retry-After", () => {
    const error = rateLimitedError({ scope: "x", limit: 1, windowMs: 1000, message: "Slow down. Try again in {wait}." }, 300);
    expect(error.code).toBe("RATE_LIMITED");
    expect(error.message).toBe("Slow down. Try again in 5 minutes.");
    expect(error.data).toEqual({ retryAfterSeconds: 300 });
  });

  it("hashes keys, treating case and surrounding spaces as the same key", () => {
    expect(rateLimitKey(" Owner@Example.com ")).toBe(rateLimitKey("owner@example.com"));
    expect(rateLimitKey("owner@example.com")).toMatch(/^[0-9a-f]{64}$/);
  });
});
