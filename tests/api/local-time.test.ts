// startLocal across daylight-saving changes and in half-hour zones: the offset shown is the one in
// force at that instant, whether formatted one by one or through a window's offset timeline.
import { describe, expect, it } from "vitest";
import { formatLocal, isKnownTimeZone, localFormatter } from "../../server/api/v1/local-time";

describe("local time with offset", () => {
  const cases: [string, string, string][] = [
    ["America/New_York", "2026-11-01T05:30:00Z", "2026-11-01T01:30:00-04:00"], // first 01:30, before fall-back
    ["America/New_York", "2026-11-01T06:30:00Z", "2026-11-01T01:30:00-05:00"], // the repeated 01:30
    ["America/New_York", "2026-03-08T07:00:00Z", "2026-03-08T03:00:00-04:00"], // 02:00 does not exist
    ["Asia/Kolkata", "2026-11-26T04:30:00Z", "2026-11-26T10:00:00+05:30"],
    ["Australia/Lord_Howe", "2026-10-03T15:00:00Z", "2026-10-04T01:30:00+10:30"], // before its 30-minute DST step
    ["Australia/Lord_Howe", "2026-10-03T16:00:00Z", "2026-10-04T03:00:00+11:00"], // after: 02:00 became 02:30
    ["UTC", "2026-11-26T16:00:00Z", "2026-11-26T16:00:00+00:00"],
  ];
  it.each(cases)("%s at %s is %s", (zone, iso, expected) => {
    const ms = Date.parse(iso);
    expect(formatLocal(ms, zone)).toBe(expected);
    expect(localFormatter(zone, ms - 3 * 86_400_000, ms + 3 * 86_400_000)(ms)).toBe(expected);
  });

  it("uses the offset of each instant across a change inside the window", () => {
    const local = localFormatter("Europe/Berlin", Date.parse("2026-10-20T10:00:00Z"), Date.parse("2026-11-02T10:00:00Z"));
    expect(local(Date.parse("2026-10-24T10:00:00Z"))).toBe("2026-10-24T12:00:00+02:00");
    expect(local(Date.parse("2026-10-26T10:00:00Z"))).toBe("2026-10-26T11:00:00+01:00");
  });

  it("knows IANA names and refuses others", () => {
    expect(isKnownTimeZone("Europe/Berlin")).toBe(true);
    expect(isKnownTimeZone("Mars/Olympus_Mons")).toBe(false);
    expect(isKnownTimeZone("+05:30")).toBe(false);
    expect(isKnownTimeZone("")).toBe(false);
  });
});
