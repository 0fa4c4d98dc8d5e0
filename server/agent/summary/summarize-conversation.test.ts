import { describe, expect, it } from "vitest";
import type { HistoryEntry, ToolCallRecord } from "../types";
import { summarizeConversation } from "./summarize-conversation";

const appointment = (over: Record<string, unknown> = {}) => ({
  appointmentId: "a1", status: "booked", service: { id: "mens", name: "Men's haircut" }, staff: { id: "maya", name: "Maya Chen" },
  date: "2026-11-25", weekday: "Wednesday", time: "15:00", startsAt: "2026-11-25T20:00:00.000Z", ...over,
});

let n = 0;
function tool(name: string, ok: boolean, result: Record<string, unknown>, args: unknown = {}): HistoryEntry {
  const record: ToolCallRecord = { id: `c${++n}`, turnId: "t1", name, args, ok, result: { ok, ...result } as ToolCallRecord["result"], durationMs: 1 };
  return { kind: "tool", turnId: "t1", record };
}
const caller = (text: string): HistoryEntry => ({ kind: "caller", turnId: "t1", text });
const agent = (text: string): HistoryEntry => ({ kind: "agent", turnId: "t1", text, fullText: text, interrupted: false, engine: "builtin" });

describe("summarizeConversation", () => {
  it("says who booked what, from the tool result", () => {
    const summary = summarizeConversation(
      [caller("I'd like a men's haircut tomorrow at 3"), agent("Can I have your name?"), caller("Sam Lee"), tool("book_appointment", true, { appointment: appointment(), customerName: "Sam Lee" })],
      { callerPhone: "+15551230000" },
    );
    expect(summary).toMatchObject({
      intent: "book", outcome: "booked", callOutcome: "booked", caller: { phone: "+15551230000", name: "Sam Lee" },
      appointment: { service: "Men's haircut", date: "2026-11-25", time: "15:00", staff: "Maya Chen" },
    });
    expect(summary.text).toBe("Sam Lee (+15551230000) called to book an appointment. Booked Men's haircut on Wednesday 2026-11-25 at 15:00 with Maya Chen.");
  });

  it("never reports a booking the tool refused, whatever the agent said", () => {
    const summary = summarizeConversation(
      [caller("book me in tomorrow at 3"), tool("book_appointment", false, { error: "SLOT_TAKEN", message: "taken" }), agent("You're booked!")],
      { callerPhone: "+15551230000", callerName: "Sam" },
    );
    expect(summary.outcome).toBe("abandoned");
    expect(summary.appointment).toBeUndefined();
    expect(summary.text).toBe("Sam (+15551230000) called to book an appointment. Ended without any change.");
  });

  it("tells a move and a later cancellation in order, and ends on the last", () => {
    const summary = summarizeConversation(
      [
        caller("I need to reschedule"),
        tool("reschedule_appointment", true, { appointment: appointment({ appointmentId: "a2", date: "2026-11-27", weekday: "Friday" }), previous: appointment() }),
        tool("cancel_appointment", true, { appointment: appointment({ appointmentId: "a2", status: "cancelled", date: "2026-11-27", weekday: "Friday" }) }),
      ],
      { callerPhone: "+15551230000" },
    );
    expect(summary.intent).toBe("reschedule");
    expect(summary.outcome).toBe("cancelled");
    expect(summary.appointment).toMatchObject({ appointmentId: "a2", status: "cancelled" });
    expect(summary.events).toEqual([
      "Moved Men's haircut on Wednesday 2026-11-25 at 15:00 with Maya Chen to Friday 2026-11-27 at 15:00.",
      "Cancelled Men's haircut on Friday 2026-11-27 at 15:00 with Maya Chen.",
    ]);
    expect(summary.text.startsWith("A caller from +15551230000 called to move an appointment.")).toBe(true);
  });

  it("records a waitlist place as information for the Call outcome", () => {
    const summary = summarizeConversation(
      [caller("men's haircut saturday"), tool("join_waitlist", true, { entry: { service: { name: "Men's haircut" }, fromDate: "2026-11-28", toDate: "2026-11-28" } })],
      { callerPhone: "+15551230000" },
    );
    expect(summary).toMatchObject({ outcome: "waitlisted", callOutcome: "information" });
    expect(summary.events).toEqual(["Joined the waitlist for Men's haircut on 2026-11-28."]);
  });

  it("covers questions, messages and transfers", () => {
    const info = summarizeConversation([caller("what are your hours?"), tool("business_info", true, {})], { callerPhone: "+1555" });
    expect([info.intent, info.outcome]).toEqual(["information", "information"]);
    const message = summarizeConversation([caller("can I leave a message"), tool("take_message", true, {}, { message: "Running late" })], { callerPhone: "+1555" });
    expect([message.intent, message.outcome, message.events]).toEqual(["message", "message", ['Left a message: "Running late".']]);
    const transfer = summarizeConversation([caller("operator"), tool("transfer_to_human", true, {}, { reason: "asked" })], { callerPhone: "+1555" });
    expect([transfer.intent, transfer.callOutcome]).toEqual(["human", "transferred"]);
    const late = summarizeConversation([caller("I'm running late for my appointment"), tool("take_message", true, {}, { message: "Running late" })], { callerPhone: "+1555" });
    expect([late.intent, late.outcome]).toEqual(["message", "message"]);
    const silent = summarizeConversation([caller("hello?")], { callerPhone: "+1555" });
    expect([silent.intent, silent.outcome]).toEqual(["unknown", "abandoned"]);
  });
});
