import { describe, expect, it } from "vitest";
import type { HistoryEntry, ToolCallRecord } from "../agent/types";
import { transcriptOf } from "./console-transcript";

const record = (id: string, turnId: string, name: string, ok = true): ToolCallRecord => ({
  id, turnId, name, args: { a: 1 }, ok, result: ok ? { ok: true } : { ok: false, error: "SLOT_TAKEN", message: "taken" }, durationMs: 3,
});

describe("the console transcript", () => {
  it("groups each turn's words, tool calls and full reply, and leaves out a turn the caller interrupted before any reply", () => {
    const history: HistoryEntry[] = [
      { kind: "agent", turnId: "t0", text: "Hello.", fullText: "Hello.", interrupted: false, engine: "greeting" },
      { kind: "caller", turnId: "t1", text: "haircut at 3" },
      { kind: "tool", turnId: "t1", record: record("c1", "t1", "check_availability") },
      { kind: "tool", turnId: "t1", record: record("c2", "t1", "book_appointment", false) },
      { kind: "agent", turnId: "t1", text: "Sorry, 3 is", fullText: "Sorry, 3 is taken. 4?", interrupted: true, engine: "builtin" },
      { kind: "caller", turnId: "t2", text: "wait" },
      { kind: "tool", turnId: "t2", record: record("c3", "t2", "check_availability") },
    ];
    expect(transcriptOf(history)).toEqual([
      { turnId: "t0", caller: null, agent: "Hello.", engine: "greeting", tools: [] },
      {
        turnId: "t1",
        caller: "haircut at 3",
        agent: "Sorry, 3 is taken. 4?",
        engine: "builtin",
        tools: [
          { id: "c1", name: "check_availability", args: { a: 1 }, ok: true, result: { ok: true }, durationMs: 3 },
          { id: "c2", name: "book_appointment", args: { a: 1 }, ok: false, result: { ok: false, error: "SLOT_TAKEN", message: "taken" }, durationMs: 3 },
        ],
      },
    ]);
  });
});
