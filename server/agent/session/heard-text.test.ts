import { describe, expect, it } from "vitest";
import type { HistoryEntry } from "../types";
import { lastAgentReplyHeardInFull, noteHeard } from "./heard-text";

const reply = "That's a men's haircut on Wednesday, November 25 at 3 PM. Shall I book it?";

function history(): HistoryEntry[] {
  return [
    { kind: "caller", turnId: "t1", text: "men's haircut tomorrow at 3" },
    { kind: "agent", turnId: "t1", text: reply, fullText: reply, interrupted: false, engine: "builtin" },
  ];
}

describe("noteHeard", () => {
  it("trims the agent's memory to what was heard and marks the turn interrupted", () => {
    const h = history();
    expect(noteHeard(h, "t1", "That's a men's haircut on Wednesday, ")).toBe(true);
    expect(h[1]).toMatchObject({ text: "That's a men's haircut on Wednesday,", fullText: reply, interrupted: true });
    expect(lastAgentReplyHeardInFull(h)).toBe(false);
  });

  it("treats the whole reply (whitespace aside) as heard in full", () => {
    const h = history();
    noteHeard(h, "t1", ` ${reply.replace(". ", ".  ")} `);
    expect(h[1]).toMatchObject({ text: reply, interrupted: false });
    expect(lastAgentReplyHeardInFull(h)).toBe(true);
  });

  it("answers false for an unknown turn and changes nothing", () => {
    const h = history();
    expect(noteHeard(h, "t9", "")).toBe(false);
    expect(h[1]).toMatchObject({ text: reply, interrupted: false });
  });
});
