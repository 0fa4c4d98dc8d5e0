import { describe, expect, it } from "vitest";
import type { HistoryEntry, ToolCallRecord } from "../types";
import { buildChatHistory } from "./build-chat-history";

const record = (id: string, name: string, args: unknown, result: ToolCallRecord["result"]): HistoryEntry => ({
  kind: "tool", turnId: "t1", record: { id, turnId: "t1", name, args, ok: result.ok, result, durationMs: 3 },
});
const agent = (turnId: string, text: string, fullText = text): HistoryEntry => ({
  kind: "agent", turnId, text, fullText, interrupted: text !== fullText, engine: "openai",
});

describe("buildChatHistory", () => {
  it("pairs each turn's tool calls with their results under the record's id, before the reply", () => {
    const messages = buildChatHistory([
      agent("t0", "Thanks for calling. How can I help?"),
      { kind: "caller", turnId: "t1", text: "men's haircut tomorrow at 3" },
      record("c1", "check_availability", { service: "mens", date: "2026-11-25" }, { ok: true, slots: [] }),
      record("c2", "book_appointment", "{not json", { ok: false, error: "INVALID_INPUT", message: "expected object" }),
      agent("t1", "Wednesday at 3 PM is free. Shall I book it?"),
    ]);
    expect(messages).toEqual([
      { role: "assistant", content: "Thanks for calling. How can I help?" },
      { role: "user", content: "men's haircut tomorrow at 3" },
      {
        role: "assistant",
        content: null,
        tool_calls: [
          { id: "c1", type: "function", function: { name: "check_availability", arguments: '{"service":"mens","date":"2026-11-25"}' } },
          { id: "c2", type: "function", function: { name: "book_appointment", arguments: "{}" } },
        ],
      },
      { role: "tool", tool_call_id: "c1", content: '{"ok":true,"slots":[]}' },
      { role: "tool", tool_call_id: "c2", content: '{"ok":false,"error":"INVALID_INPUT","message":"expected object"}' },
      { role: "assistant", content: "Wednesday at 3 PM is free. Shall I book it?" },
    ]);
  });

  it("replays only what the caller heard after a barge-in, and nothing when they heard nothing", () => {
    const messages = buildChatHistory([
      { kind: "caller", turnId: "t1", text: "Sam" },
      agent("t1", "Just to check: a men's haircut", "Just to check: a men's haircut on Wednesday at 3 PM. Shall I book it?"),
      { kind: "caller", turnId: "t2", text: "wait" },
      agent("t2", "", "Of course. What would you like to change?"),
      { kind: "caller", turnId: "t3", text: "actually Thursday" },
    ]);
    expect(messages).toEqual([
      { role: "user", content: "Sam" },
      { role: "assistant", content: "Just to check: a men's haircut…" },
      { role: "user", content: "wait" },
      { role: "user", content: "actually Thursday" },
    ]);
  });

  it("keeps the tool calls of a turn that was aborted before any reply", () => {
    const messages = buildChatHistory([
      { kind: "caller", turnId: "t1", text: "any time friday?" },
      record("c1", "check_availability", { service: "mens" }, { ok: true }),
      { kind: "caller", turnId: "t2", text: "hello?" },
    ]);
    expect(messages.map((m) => m.role)).toEqual(["user", "assistant", "tool", "user"]);
  });
});
