import { describe, expect, it } from "vitest";
import { minuteLabel, minuteToTime, timeToMinute, upsertDateOverrideInput, weeklyRanges } from "./weekly-hours-input";

describe("weekly hours", () => {
  it("accepts a split day and refuses overlapping ranges on one day, pointing at the later one", () => {
    expect(weeklyRanges.safeParse([{ weekday: 1, startMinute: 540, endMinute: 720 }, { weekday: 1, startMinute: 780, endMinute: 1080 }]).success).toBe(true);
    const overlap = weeklyRanges.safeParse([{ weekday: 1, startMinute: 540, endMinute: 800 }, { weekday: 1, startMinute: 780, endMinute: 1080 }]);
    expect(overlap.error?.issues).toEqual([expect.objectContaining({ path: [1, "startMinute"], message: "Overlaps the other hours on Monday." })]);
  });

  it("refuses a closing time before the opening time", () => {
    const result = weeklyRanges.safeParse([{ weekday: 2, startMinute: 600, endMinute: 540 }]);
    expect(result.error?.issues[0]).toMatchObject({ path: [0, "endMinute"], message: "Closing time must be after opening time." });
  });

  it("converts between minutes and clock times; a closing time of 00:00 is midnight at the end of the day", () => {
    expect(minuteToTime(570)).toBe("09:30");
    expect(timeToMinute("09:30")).toBe(570);
    expect(timeToMinute("00:00", { closing: true })).toBe(1440);
    expect(timeToMinute("")).toBeNaN();
    expect(minuteLabel(0)).toBe("12:00 AM");
    expect(minuteLabel(13 * 60 + 5)).toBe("1:05 PM");
  });
});

describe("date overrides", () => {
  it("needs hours unless the date is closed, and a date that exists", () => {
    expect(upsertDateOverrideInput.safeParse({ staffId: null, date: "2026-12-25", closed: true }).success).toBe(true);
    const open = upsertDateOverrideInput.safeParse({ staffId: null, date: "2026-12-24", closed: false });
    expect(open.error?.issues.map((i) => i.path.join("."))).toEqual(["startMinute", "endMinute"]);
    expect(upsertDateOverrideInput.safeParse({ staffId: null, date: "2026-02-30", closed: true }).error?.issues[0]?.message).toBe("Choose a date that exists.");
  });
});
