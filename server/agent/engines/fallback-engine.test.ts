import { describe, expect, it, vi } from "vitest";
import type { AgentEngine, ConversationState, EngineTurnInput, ToolBox, ToolResult } from "../types";
import { withFallback } from "./fallback-engine";

function inputWith(tools: Partial<ToolBox> = {}, signal?: AbortSignal): EngineTurnInput & { written: string[] } {
  const written: string[] = [];
  const state: ConversationState = { sessionId: "s", channel: "phone", callerPhone: "+15550000000", language: "en", history: [], scratch: {}, ended: false };
  return {
    turnId: "t1",
    utterance: "hi",
    now: new Date("2026-11-24T14:00:00Z"),
    context: {} as EngineTurnInput["context"],
    state,
    tools: {
      definitions: [{ name: "book_appointment", description: "", parameters: {}, writes: true }, { name: "check_availability", description: "", parameters: {}, writes: false }],
      call: async () => ({ ok: true }) as ToolResult,
      ...tools,
    },
    output: { write: (d) => written.push(d) },
    ...(signal ? { signal } : {}),
    written,
  };
}

const builtin: AgentEngine = {
  name: "builtin",
  runTurn: async (input) => {
    input.output.write("Built-in answer.");
    return { text: "Built-in answer.", language: "en" };
  },
};

const failing = (before: (input: EngineTurnInput) => Promise<void> = async () => {}): AgentEngine => ({
  name: "llm",
  runTurn: async (input) => {
    await before(input);
    throw new Error("model unavailable");
  },
});

describe("withFallback", () => {
  it("answers with the primary when it succeeds", async () => {
    const primary: AgentEngine = { name: "llm", runTurn: async () => ({ text: "LLM answer.", language: "en" }) };
    const out = await withFallback(primary, builtin, { timeoutMs: 1000 }).runTurn(inputWith());
    expect(out).toEqual({ text: "LLM answer.", language: "en", engine: "llm" });
  });

  it("forgets the fallback's memory once the primary has answered a turn", async () => {
    const primary: AgentEngine = { name: "llm", runTurn: async () => ({ text: "LLM answer.", language: "en" }) };
    const input = inputWith();
    input.state.scratch = { builtin: { awaiting: "confirm-booking" }, llm: { kept: true } };
    await withFallback(primary, builtin, { timeoutMs: 1000 }).runTurn(input);
    expect(input.state.scratch).toEqual({ llm: { kept: true } });
  });

  it("lets the built-in engine answer the same turn when the primary fails before saying anything", async () => {
    const onFallback = vi.fn();
    const input = inputWith();
    const out = await withFallback(failing(), builtin, { timeoutMs: 1000, onFallback }).runTurn(input);
    expect(out.engine).toBe("builtin");
    expect(input.written).toEqual(["Built-in answer."]);
    expect(onFallback).toHaveBeenCalledOnce();
  });

  it("falls back when the primary times out, after read-only tool calls", async () => {
    const slow = failing(async (input) => {
      await input.tools.call("check_availability", {});
      await new Promise((resolve) => setTimeout(resolve, 200));
    });
    const out = await withFallback(slow, builtin, { timeoutMs: 20 }).runTurn(inputWith());
    expect(out.engine).toBe("builtin");
  });

  it("does not fall back once the primary has spoken", async () => {
    const spoke = failing(async (input) => input.output.write("Let me check. "));
    await expect(withFallback(spoke, builtin, { timeoutMs: 1000 }).runTurn(inputWith())).rejects.toThrow("model unavailable");
  });

  it("does not fall back once a write succeeded, even if the write finished after the timeout", async () => {
    const book = vi.fn(async () => {
      await new Promise((resolve) => setTimeout(resolve, 60));
      return { ok: true } as ToolResult;
    });
    const slowBooking = failing(async (input) => {
      await input.tools.call("book_appointment", { slotId: "x" });
    });
    const fallbackRun = vi.fn(builtin.runTurn);
    await expect(
      withFallback(slowBooking, { name: "builtin", runTurn: fallbackRun }, { timeoutMs: 10 }).runTurn(inputWith({ call: book })),
    ).rejects.toThrow();
    expect(book).toHaveBeenCalledOnce();
    expect(fallbackRun).not.toHaveBeenCalled();
  });

  it("passes the caller's abort through instead of falling back", async () => {
    const controller = new AbortController();
    const aborted = failing(async () => controller.abort());
    const fallbackRun = vi.fn(builtin.runTurn);
    await expect(
      withFallback(aborted, { name: "builtin", runTurn: fallbackRun }, { timeoutMs: 1000 }).runTurn(inputWith({}, controller.signal)),
    ).rejects.toThrow();
    expect(fallbackRun).not.toHaveBeenCalled();
  });
});
