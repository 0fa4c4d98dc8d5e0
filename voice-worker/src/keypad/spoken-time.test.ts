import { describe, expect, it } from "vitest";
import { spokenClock, spokenDateTime } from "./spoken-time";

// Tuesday 2026-11-24 09:00 in New York.
const NOW = new Date("2026-11-24T14:00:00Z");
const NY = "America/New_York";

describe("spoken dates and times", () => {
  it("says clock times the way people do", () => {
    expect(spokenClock(9, 0)).toBe("9 AM");
    expect(spokenClock(13, 30)).toBe("1:30 PM");
    expect(spokenClock(12, 0)).toBe("noon");
    expect(spokenClock(0, 15)).toBe("12:15 AM");
  });

  it("uses today and tomorrow on the business's calendar, not UTC's", () => {
    // 23:30 in New York is already Wednesday in UTC: still "today".
    expect(spokenDateTime(new Date("2026-11-25T04:30:00Z"), NY, NOW)).toBe("today at 11:30 PM");
    expect(spokenDateTime(new Date("2026-11-25T15:00:00Z"), NY, NOW)).toBe("tomorrow at 10 AM");
    expect(spokenDateTime(new Date("2026-11-26T17:15:00Z"), NY, NOW)).toBe("Thursday, November 26 at 12:15 PM");
  });
});
