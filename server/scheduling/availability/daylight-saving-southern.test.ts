// Daylight-saving days in the southern hemisphere (clocks go back in April, forward in October)
// and in half-hour zones, plus a whole-day check in every zone that a spring day is shorter and a
// fall day longer, with no slot in a gap. Expected instants are worked out by hand in comments.
import { describe, expect, it } from "vitest";
import { at, localClock, localStarts, openEveryDay, slotsFor, utcStarts } from "./test-support";

const SYDNEY = "Australia/Sydney";
const ADELAIDE = "Australia/Adelaide";
const LORD_HOWE = "Australia/Lord_Howe";

describe("Sydney (AEST +10 / AEDT +11)", () => {
  it("repeats 02:xx on fall-back day (2024-04-07: 03:00 AEDT becomes 02:00 AEST at 16:00Z on the 6th)", () => {
    const slots = slotsFor({
      timeZone: SYDNEY,
      staff: openEveryDay("01:00-04:00"),
      service: { durationMinutes: 60 },
      from: "2024-04-06T13:00Z",
      to: "2024-04-07T14:00Z",
    });
    expect(utcStarts(slots)).toEqual(["2024-04-06T14:00Z", "2024-04-06T15:00Z", "2024-04-06T16:00Z", "2024-04-06T17:00Z"]);
    expect(localStarts(slots, SYDNEY)).toEqual([
      "2024-04-07T01:00+11:00",
      "2024-04-07T02:00+11:00",
      "2024-04-07T02:00+10:00",
      "2024-04-07T03:00+10:00",
    ]);
  });

  it("skips 02:xx on spring-forward day (2024-10-06: 02:00 AEST becomes 03:00 AEDT at 16:00Z on the 5th)", () => {
    const slots = slotsFor({ timeZone: SYDNEY, staff: openEveryDay("01:00-04:00"), from: "2024-10-05T14:00Z", to: "2024-10-06T13:00Z" });
    expect(utcStarts(slots)).toEqual(["2024-10-05T15:00Z", "2024-10-05T15:30Z", "2024-10-05T16:00Z", "2024-10-05T16:30Z"]);
    expect(localClock(slots, SYDNEY)).toEqual(["01:00", "01:30", "03:00", "03:30"]);
  });

  it("moves 09:00 from 23:00Z to 22:00Z across the October change", () => {
    const slots = slotsFor({
      timeZone: SYDNEY,
      staff: openEveryDay("09:00-10:00"),
      service: { durationMinutes: 60 },
      from: "2024-10-04T14:00Z",
      to: "2024-10-06T13:00Z",
    });
    expect(utcStarts(slots)).toEqual(["2024-10-04T23:00Z", "2024-10-05T22:00Z"]);
  });
});

describe("Adelaide (ACST +09:30 / ACDT +10:30)", () => {
  it("skips 02:xx on spring-forward day (2024-10-06: 02:00 ACST becomes 03:00 ACDT at 16:30Z on the 5th)", () => {
    const slots = slotsFor({ timeZone: ADELAIDE, staff: openEveryDay("01:00-04:00"), from: "2024-10-05T14:30Z", to: "2024-10-06T13:30Z" });
    expect(utcStarts(slots)).toEqual(["2024-10-05T15:30Z", "2024-10-05T16:00Z", "2024-10-05T16:30Z", "2024-10-05T17:00Z"]);
    expect(localStarts(slots, ADELAIDE)).toEqual([
      "2024-10-06T01:00+09:30",
      "2024-10-06T01:30+09:30",
      "2024-10-06T03:00+10:30",
      "2024-10-06T03:30+10:30",
    ]);
  });

  it("offers both 02:00s and both 02:30s on fall-back day (2024-04-07: 03:00 ACDT becomes 02:00 ACST at 16:30Z on the 6th)", () => {
    const slots = slotsFor({ timeZone: ADELAIDE, staff: openEveryDay("02:00-03:00"), from: "2024-04-06T13:30Z", to: "2024-04-07T14:30Z" });
    expect(utcStarts(slots)).toEqual(["2024-04-06T15:30Z", "2024-04-06T16:00Z", "2024-04-06T16:30Z", "2024-04-06T17:00Z"]);
    expect(localClock(slots, ADELAIDE)).toEqual(["02:00", "02:30", "02:00", "02:30"]);
  });

  it("starts 09:00 on a half-hour UTC instant (22:30Z in October daylight time)", () => {
    const slots = slotsFor({
      timeZone: ADELAIDE,
      staff: openEveryDay("09:00-10:00"),
      service: { durationMinutes: 60 },
      from: "2024-10-06T13:30Z",
      to: "2024-10-07T13:30Z",
    });
    expect(utcStarts(slots)).toEqual(["2024-10-06T22:30Z"]);
  });
});

describe("Lord Howe Island (a 30-minute shift: +10:30 / +11:00)", () => {
  it("re-aligns to the new local clock after the change (2024-10-06: 02:00 becomes 02:30 at 15:30Z on the 5th)", () => {
    // Busy until 01:50 local (15:20Z). The next 20-minute mark on the old clock, 02:00, does not
    // exist; after the change the local clock reads 02:30, so the walk resumes at 02:40.
    const slots = slotsFor({
      timeZone: LORD_HOWE,
      staff: openEveryDay("01:00-04:00"),
      service: { durationMinutes: 20 },
      busyBlocks: [{ staffId: "ana", startMs: at("2024-10-05T14:30Z"), endMs: at("2024-10-05T15:20Z") }],
      from: "2024-10-05T13:30Z",
      to: "2024-10-06T13:00Z",
    });
    expect(localClock(slots, LORD_HOWE)).toEqual(["02:40", "03:00", "03:20", "03:40"]);
    expect(utcStarts(slots)).toEqual(["2024-10-05T15:40Z", "2024-10-05T16:00Z", "2024-10-05T16:20Z", "2024-10-05T16:40Z"]);
  });
});

describe("a whole transition day, open around the clock with 15-minute slots", () => {
  it.each([
    // zone, local midnight → next local midnight (UTC), real hours, a wall time that must not exist / must repeat
    [ "America/New_York", "2024-03-10T05:00Z", "2024-03-11T04:00Z", 23, { missing: ["02:00", "03:00"] } ],
    [ "America/New_York", "2024-11-03T04:00Z", "2024-11-04T05:00Z", 25, { repeated: "01:30" } ],
    [ "Europe/London", "2024-03-31T00:00Z", "2024-03-31T23:00Z", 23, { missing: ["01:00", "02:00"] } ],
    [ "Europe/London", "2024-10-26T23:00Z", "2024-10-28T00:00Z", 25, { repeated: "01:30" } ],
    [ "Australia/Sydney", "2024-10-05T14:00Z", "2024-10-06T13:00Z", 23, { missing: ["02:00", "03:00"] } ],
    [ "Australia/Sydney", "2024-04-06T13:00Z", "2024-04-07T14:00Z", 25, { repeated: "02:30" } ],
    [ "Australia/Adelaide", "2024-10-05T14:30Z", "2024-10-06T13:30Z", 23, { missing: ["02:00", "03:00"] } ],
    [ "Australia/Adelaide", "2024-04-06T13:30Z", "2024-04-07T14:30Z", 25, { repeated: "02:30" } ],
    [ "Australia/Lord_Howe", "2024-10-05T13:30Z", "2024-10-06T13:00Z", 23.5, { missing: ["02:00", "02:30"] } ],
    [ "Australia/Lord_Howe", "2024-04-06T13:00Z", "2024-04-07T13:30Z", 24.5, { repeated: "01:45" } ],
    [ "Asia/Kolkata", "2024-03-09T18:30Z", "2024-03-10T18:30Z", 24, {} ],
  ] as const)("%s from %s has %d real hours of slots", (timeZone, from, to, realHours, clock) => {
    const slots = slotsFor({ timeZone, staff: openEveryDay("00:00-24:00"), service: { durationMinutes: 15 }, from, to });
    expect(slots).toHaveLength(realHours * 4);
    expect(utcStarts(slots)[0]).toBe(from);
    expect(slots.every((slot, i) => i === 0 || slot.startMs - slots[i - 1]!.startMs === 15 * 60_000)).toBe(true);
    const wall = localClock(slots, timeZone);
    expect(wall[0]).toBe("00:00");
    if ("missing" in clock) {
      const [gapStart, gapEnd] = clock.missing;
      expect(wall.filter((time) => time >= gapStart && time < gapEnd)).toEqual([]);
    }
    if ("repeated" in clock) expect(wall.filter((time) => time === clock.repeated)).toHaveLength(2);
  });
});
