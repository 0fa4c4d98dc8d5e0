// Daylight-saving days in the northern hemisphere. Rule under test (wall-time-to-instants.ts): an
// opening range covers exactly the instants whose local clock reads inside it, so a range crossing
// a gap is shortened, a time in the gap never becomes a slot, and both occurrences of a repeated
// time are offered. Expected instants are worked out by hand in the comments.
import { describe, expect, it } from "vitest";
import { localClock, localStarts, openEveryDay, slotsFor, utcStarts } from "./test-support";

const NEW_YORK = "America/New_York";
const LONDON = "Europe/London";

describe("New York spring forward (2024-03-10: 02:00 EST becomes 03:00 EDT at 07:00Z)", () => {
  const DAY = { timeZone: NEW_YORK, from: "2024-03-10T05:00Z", to: "2024-03-11T04:00Z" };

  it("shortens hours that cross the gap to their real length and never offers 02:xx", () => {
    const slots = slotsFor({ ...DAY, staff: openEveryDay("01:00-04:00") });
    expect(utcStarts(slots)).toEqual(["2024-03-10T06:00Z", "2024-03-10T06:30Z", "2024-03-10T07:00Z", "2024-03-10T07:30Z"]);
    expect(localStarts(slots, NEW_YORK)).toEqual([
      "2024-03-10T01:00-05:00",
      "2024-03-10T01:30-05:00",
      "2024-03-10T03:00-04:00",
      "2024-03-10T03:30-04:00",
    ]);
  });

  it("opens hours starting inside the gap at the moment of the change", () => {
    const slots = slotsFor({ ...DAY, staff: openEveryDay("02:30-05:00") });
    expect(utcStarts(slots)).toEqual(["2024-03-10T07:00Z", "2024-03-10T07:30Z", "2024-03-10T08:00Z", "2024-03-10T08:30Z"]);
  });

  it("closes hours ending inside the gap at the moment of the change", () => {
    const slots = slotsFor({ ...DAY, staff: openEveryDay("00:00-02:30") });
    expect(localClock(slots, NEW_YORK)).toEqual(["00:00", "00:30", "01:00", "01:30"]);
    expect(slots[3]!.endMs).toBe(Date.parse("2024-03-10T07:00Z"));
  });

  it("lets an hour-long slot straddle the gap as one real hour", () => {
    const slots = slotsFor({ ...DAY, staff: openEveryDay("01:00-04:00"), service: { durationMinutes: 60, slotIntervalMinutes: 30 } });
    // 01:30 EST to 03:30 EDT is 06:30Z–07:30Z; 03:30 EDT would end at 04:30, after closing.
    expect(utcStarts(slots)).toEqual(["2024-03-10T06:00Z", "2024-03-10T06:30Z", "2024-03-10T07:00Z"]);
  });

  it("moves 09:00 from 14:00Z on Saturday to 13:00Z on Sunday", () => {
    const slots = slotsFor({
      timeZone: NEW_YORK,
      staff: openEveryDay("09:00-10:00"),
      service: { durationMinutes: 60 },
      from: "2024-03-09T05:00Z",
      to: "2024-03-11T04:00Z",
    });
    expect(utcStarts(slots)).toEqual(["2024-03-09T14:00Z", "2024-03-10T13:00Z"]);
  });

  it("counts minimum notice in real time when it lands on the transition day", () => {
    // Now: Saturday 23:00 EST (04:00Z). Four hours' notice reaches 08:00Z = 04:00 EDT, not the
    // 03:00 a wall-clock addition would give.
    const slots = slotsFor({
      ...DAY,
      staff: openEveryDay("00:00-06:00"),
      service: { minNoticeMinutes: 240 },
      now: "2024-03-10T04:00Z",
    });
    expect(utcStarts(slots)).toEqual(["2024-03-10T08:00Z", "2024-03-10T08:30Z", "2024-03-10T09:00Z", "2024-03-10T09:30Z"]);
    expect(localClock(slots, NEW_YORK)[0]).toBe("04:00");
  });
});

describe("New York fall back (2024-11-03: 02:00 EDT becomes 01:00 EST at 06:00Z)", () => {
  const DAY = { timeZone: NEW_YORK, from: "2024-11-03T04:00Z", to: "2024-11-04T05:00Z" };

  it("offers both occurrences of a repeated time inside the hours, as distinct instants", () => {
    const slots = slotsFor({ ...DAY, staff: openEveryDay("00:00-03:00") });
    // 00:00–03:00 is four real hours today.
    expect(localStarts(slots, NEW_YORK)).toEqual([
      "2024-11-03T00:00-04:00",
      "2024-11-03T00:30-04:00",
      "2024-11-03T01:00-04:00",
      "2024-11-03T01:30-04:00",
      "2024-11-03T01:00-05:00",
      "2024-11-03T01:30-05:00",
      "2024-11-03T02:00-05:00",
      "2024-11-03T02:30-05:00",
    ]);
    expect(utcStarts(slots)[3]).toBe("2024-11-03T05:30Z");
    expect(utcStarts(slots)[5]).toBe("2024-11-03T06:30Z");
  });

  it("never offers a repeated instant whose clock reads before opening", () => {
    const slots = slotsFor({ ...DAY, staff: openEveryDay("01:30-03:00") });
    // The second 01:00–01:30 (06:00Z–06:30Z) reads before 01:30, so it stays closed.
    expect(utcStarts(slots)).toEqual(["2024-11-03T05:30Z", "2024-11-03T06:30Z", "2024-11-03T07:00Z", "2024-11-03T07:30Z"]);
  });

  it("lets an appointment at the second 01:30 block only that occurrence", () => {
    const slots = slotsFor({
      ...DAY,
      staff: openEveryDay("00:00-03:00"),
      appointments: [
        {
          staffId: "ana",
          serviceId: "haircut",
          startMs: Date.parse("2024-11-03T06:30Z"),
          endMs: Date.parse("2024-11-03T07:00Z"),
          bufferBeforeMinutes: 0,
          bufferAfterMinutes: 0,
        },
      ],
    });
    expect(utcStarts(slots)).toContain("2024-11-03T05:30Z");
    expect(utcStarts(slots)).not.toContain("2024-11-03T06:30Z");
    expect(slots).toHaveLength(7);
  });

  it("moves 09:00 from 13:00Z on Saturday to 14:00Z on Sunday", () => {
    const slots = slotsFor({
      timeZone: NEW_YORK,
      staff: openEveryDay("09:00-10:00"),
      service: { durationMinutes: 60 },
      from: "2024-11-02T04:00Z",
      to: "2024-11-04T05:00Z",
    });
    expect(utcStarts(slots)).toEqual(["2024-11-02T13:00Z", "2024-11-03T14:00Z"]);
  });

  it("counts minimum notice in real time across the repeated hour", () => {
    // Now: 00:30 EDT (04:30Z). Ninety minutes later is 06:00Z = 01:00 EST, the second 01:00.
    const slots = slotsFor({ ...DAY, staff: openEveryDay("00:00-03:00"), service: { minNoticeMinutes: 90 }, now: "2024-11-03T04:30Z" });
    expect(localStarts(slots, NEW_YORK)).toEqual([
      "2024-11-03T01:00-05:00",
      "2024-11-03T01:30-05:00",
      "2024-11-03T02:00-05:00",
      "2024-11-03T02:30-05:00",
    ]);
  });
});

describe("London (GMT/BST)", () => {
  it("skips 01:xx on spring-forward day (2024-03-31: 01:00 GMT becomes 02:00 BST at 01:00Z)", () => {
    const slots = slotsFor({ timeZone: LONDON, staff: openEveryDay("00:00-03:00"), from: "2024-03-31T00:00Z", to: "2024-03-31T23:00Z" });
    expect(utcStarts(slots)).toEqual(["2024-03-31T00:00Z", "2024-03-31T00:30Z", "2024-03-31T01:00Z", "2024-03-31T01:30Z"]);
    expect(localClock(slots, LONDON)).toEqual(["00:00", "00:30", "02:00", "02:30"]);
  });

  it("repeats 01:xx on fall-back day (2024-10-27: 02:00 BST becomes 01:00 GMT at 01:00Z)", () => {
    const slots = slotsFor({ timeZone: LONDON, staff: openEveryDay("00:00-03:00"), from: "2024-10-26T23:00Z", to: "2024-10-28T00:00Z" });
    expect(utcStarts(slots)).toEqual([
      "2024-10-26T23:00Z",
      "2024-10-26T23:30Z",
      "2024-10-27T00:00Z",
      "2024-10-27T00:30Z",
      "2024-10-27T01:00Z",
      "2024-10-27T01:30Z",
      "2024-10-27T02:00Z",
      "2024-10-27T02:30Z",
    ]);
    expect(localClock(slots, LONDON)).toEqual(["00:00", "00:30", "01:00", "01:30", "01:00", "01:30", "02:00", "02:30"]);
  });

  it("moves 09:00 from 08:00Z (BST) on Saturday to 09:00Z (GMT) on Sunday", () => {
    const slots = slotsFor({
      timeZone: LONDON,
      staff: openEveryDay("09:00-10:00"),
      service: { durationMinutes: 60 },
      from: "2024-10-25T23:00Z",
      to: "2024-10-28T00:00Z",
    });
    expect(utcStarts(slots)).toEqual(["2024-10-26T08:00Z", "2024-10-27T09:00Z"]);
  });
});
