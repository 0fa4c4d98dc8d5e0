import { describe, expect, it } from "vitest";
import { unionBusyTime } from "./busy-time";
import { at, makeStaff, slotsFor, utcStarts, weekly } from "./test-support";
import type { ExistingAppointment } from "./types";

// Monday 2024-06-03 in New York (EDT, UTC−4): 09:00 local is 13:00Z.
const MONDAY = { from: "2024-06-03T04:00Z", to: "2024-06-04T04:00Z" };
const morning = (id: string) => makeStaff(id, { weeklyHours: weekly([1], "09:00-12:00") });

function appointment(start: string, end: string, extra: Partial<ExistingAppointment> = {}): ExistingAppointment {
  return {
    staffId: "ana",
    serviceId: "haircut",
    startMs: at(start),
    endMs: at(end),
    bufferBeforeMinutes: 0,
    bufferAfterMinutes: 0,
    ...extra,
  };
}

describe("existing appointments", () => {
  it("block their own span", () => {
    const slots = slotsFor({
      staff: [morning("ana")],
      appointments: [appointment("2024-06-03T14:00Z", "2024-06-03T15:00Z")],
      ...MONDAY,
    });
    expect(utcStarts(slots)).toEqual(["2024-06-03T13:00Z", "2024-06-03T13:30Z", "2024-06-03T15:00Z", "2024-06-03T15:30Z"]);
  });

  it("block their own before- and after-buffers too", () => {
    const slots = slotsFor({
      staff: [morning("ana")],
      appointments: [
        appointment("2024-06-03T14:00Z", "2024-06-03T15:00Z", { bufferBeforeMinutes: 15, bufferAfterMinutes: 15 }),
      ],
      ...MONDAY,
    });
    // Busy 09:45–11:15 local: 09:30 no longer fits, and the next start is the 11:15 quarter hour.
    expect(utcStarts(slots)).toEqual(["2024-06-03T13:00Z", "2024-06-03T15:15Z"]);
  });

  it("add this service's buffers to their own on each side", () => {
    const slots = slotsFor({
      staff: [makeStaff("ana", { weeklyHours: weekly([1], "09:00-13:00") })],
      appointments: [
        appointment("2024-06-03T15:00Z", "2024-06-03T16:00Z", { bufferBeforeMinutes: 15, bufferAfterMinutes: 15 }),
      ],
      service: { slotIntervalMinutes: 15, bufferBeforeMinutes: 15, bufferAfterMinutes: 15 },
      ...MONDAY,
    });
    // Appointment 11:00–12:00 local, blocked 10:30–12:30. With only one buffer per side counted,
    // 10:15 and 12:15 would also appear.
    expect(utcStarts(slots)).toEqual([
      "2024-06-03T13:00Z",
      "2024-06-03T13:15Z",
      "2024-06-03T13:30Z",
      "2024-06-03T13:45Z",
      "2024-06-03T14:00Z",
      "2024-06-03T16:30Z",
    ]);
  });

  it("keep this service's after-buffer clear of the next appointment and its before-buffer clear of the previous one", () => {
    // Existing 11:00–12:00 local with no buffers; this service needs 5 minutes before and 20 after.
    // A new slot must end 20 minutes before 11:00 and start 5 minutes after 12:00 — the pairing
    // the database's exclusion constraint enforces on the buffer-widened spans.
    const slots = slotsFor({
      staff: [makeStaff("ana", { weeklyHours: weekly([1], "09:00-13:00") })],
      appointments: [appointment("2024-06-03T15:00Z", "2024-06-03T16:00Z")],
      service: { slotIntervalMinutes: 15, bufferBeforeMinutes: 5, bufferAfterMinutes: 20 },
      ...MONDAY,
    });
    // 30-minute service: latest start before is 10:00 (ends 10:30, +20 = 10:50 ≤ 11:00); 10:15
    // would reach 11:05. After it: 12:15 (12:05 rounded up to the quarter hour) and 12:30, the last
    // start that ends by 13:00.
    expect(utcStarts(slots)).toEqual([
      "2024-06-03T13:00Z",
      "2024-06-03T13:15Z",
      "2024-06-03T13:30Z",
      "2024-06-03T13:45Z",
      "2024-06-03T14:00Z",
      "2024-06-03T16:15Z",
      "2024-06-03T16:30Z",
    ]);
  });

  it("block only their own staff member", () => {
    const slots = slotsFor({
      staff: [morning("ana"), morning("ben")],
      appointments: [appointment("2024-06-03T13:00Z", "2024-06-03T16:00Z", { staffId: "ben" })],
      ...MONDAY,
    });
    expect(slots).toHaveLength(6);
    expect(slots.every((slot) => slot.staffIds.join() === "ana")).toBe(true);
  });
});

describe("external busy blocks", () => {
  it("block their span widened by this service's buffers", () => {
    const slots = slotsFor({
      staff: [morning("ana")],
      busyBlocks: [{ staffId: "ana", startMs: at("2024-06-03T14:00Z"), endMs: at("2024-06-03T15:00Z") }],
      service: { slotIntervalMinutes: 15, bufferBeforeMinutes: 15, bufferAfterMinutes: 15 },
      ...MONDAY,
    });
    // Busy 10:00–11:00 local, widened to 09:45–11:15.
    expect(utcStarts(slots)).toEqual(["2024-06-03T13:00Z", "2024-06-03T13:15Z", "2024-06-03T15:15Z", "2024-06-03T15:30Z"]);
  });

  it("merge with overlapping and touching appointments into one busy stretch", () => {
    const slots = slotsFor({
      staff: [morning("ana")],
      appointments: [
        appointment("2024-06-03T14:00Z", "2024-06-03T14:30Z"),
        appointment("2024-06-03T13:30Z", "2024-06-03T14:00Z"),
      ],
      busyBlocks: [{ staffId: "ana", startMs: at("2024-06-03T14:15Z"), endMs: at("2024-06-03T15:00Z") }],
      ...MONDAY,
    });
    expect(utcStarts(slots)).toEqual(["2024-06-03T13:00Z", "2024-06-03T15:00Z", "2024-06-03T15:30Z"]);
  });
});

describe("unionBusyTime", () => {
  it("merges intervals from independently sorted starts and ends", () => {
    // Intervals [1,4), [2,3), [4,6), [8,9): the union is [1,6) and [8,9).
    const busy = { starts: Float64Array.of(1, 2, 4, 8), ends: Float64Array.of(3, 4, 6, 9) };
    const out = new Float64Array(8);
    const pairs = unionBusyTime(busy, out);
    expect(pairs).toBe(2);
    expect(Array.from(out.subarray(0, 4))).toEqual([1, 6, 8, 9]);
  });
});
