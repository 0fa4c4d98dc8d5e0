// The OpenAI engine's real client code against a PROTOCOL DOUBLE of /v1/chat/completions
// (tests/helpers/openai-chat-double.ts: a loopback server speaking OpenAI's SSE format, scripted
// per test; no network, no key, no model). Through a real AgentSession, ToolBox and database:
// streaming, tool calls assembled from fragments, results sent back, the prompt's date, barge-in,
// fallback to the built-in engine, and aborts. Demo salon, New York.
import { Writable } from "node:stream";
import pino from "pino";
import { afterEach, describe, expect, it } from "vitest";
import { seedDemo } from "../../../prisma/seed";
import { callTools, type ChatReply, type ChatScript, lastUserText, say, startChatDouble, toolResult, toolResults } from "../../../tests/helpers/openai-chat-double";
import { engines, useTestDatabase } from "../../../tests/helpers/test-database";
import type { Db } from "../../db";
import { demoContext, FIXTURE_NOW } from "../context/context-fixture";
import { createAgentSession } from "../session/agent-session";
import { TOOL_DEFINITIONS } from "../tools/tool-box";
import type { AgentEngine, ConversationState } from "../types";
import { createOpenAiEngine } from "./openai-engine";
import { type EngineTuning, selectAgentEngine } from "./select-engine";

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

async function double(script: ChatScript | ChatReply[]) {
  const d = await startChatDouble(script);
  closers.push(d.close);
  return d;
}

const API_KEY = "sk-test-0123456789abcdef";
const engineFor = (baseURL: string) => createOpenAiEngine({ apiKey: API_KEY, baseURL, model: "gpt-test", maxRetries: 0 });
const within = <T>(promise: Promise<T>, ms = 3000) =>
  Promise.race([promise, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`not within ${ms} ms`)), ms))]);

function capturedLog() {
  const lines: string[] = [];
  const log = pino({ level: "debug" }, new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) }));
  return { log, lines };
}

let phoneCounter = 0;
async function session(db: Db, engine: AgentEngine, now = new Date("2026-11-24T14:00:00Z")) {
  const { businessId } = await seedDemo(db);
  const callerPhone = `+1555600${String(++phoneCounter).padStart(4, "0")}`;
  return { s: createAgentSession({ db, businessId, callerPhone, channel: "phone", now: () => now, engine }), businessId, callerPhone };
}

describe("the OpenAI engine's requests and streaming (protocol double)", () => {
  it("writes each text delta to the output as it arrives, in order, and reports the tokens", async () => {
    const events: string[] = [];
    let firstWrite!: () => void;
    const wroteOnce = new Promise<void>((resolve) => (firstWrite = resolve));
    const chat = await double([
      {
        stream: [
          { content: "Hello" },
          // The double sends the rest only once the first piece has reached the output.
          { pause: () => within(wroteOnce).then(() => void events.push("double sends the rest")) },
          { content: " there." },
          { content: " How can I help?" },
          { finish: "stop" },
        ],
        usage: { prompt_tokens: 812, completion_tokens: 9 },
      },
    ]);
    const state: ConversationState = { sessionId: "s1", channel: "phone", callerPhone: "+15551230000", language: "en", history: [{ kind: "caller", turnId: "t1", text: "hi" }], scratch: {}, ended: false };
    const out = await engineFor(chat.baseURL).runTurn({
      turnId: "t1", utterance: "hi", now: FIXTURE_NOW, context: demoContext(), state,
      tools: { definitions: TOOL_DEFINITIONS, call: async () => ({ ok: true }) },
      output: { write: (d) => (events.push(`write ${JSON.stringify(d)}`), firstWrite()) },
    });
    expect(events).toEqual(['write "Hello"', "double sends the rest", 'write " there."', 'write " How can I help?"']);
    expect(out).toEqual({ text: "Hello there. How can I help?", language: "en", usage: { model: "gpt-test-double", inputTokens: 812, outputTokens: 9 } });

    const [request] = chat.requests;
    expect(request).toMatchObject({ path: "/v1/chat/completions", authorization: `Bearer ${API_KEY}` });
    expect(request!.body).toMatchObject({ model: "gpt-test", stream: true, stream_options: { include_usage: true } });
    expect(request!.body.tools!.map((t) => [t.type, t.function.name])).toEqual(TOOL_DEFINITIONS.map((d) => ["function", d.name]));
    expect(request!.body.tools!.every((t) => !("$schema" in t.function.parameters) && t.function.parameters.type === "object")).toBe(true);
    expect(request!.body.messages.map((m) => m.role)).toEqual(["system", "user"]);
  });

  it("throws API failures without the response body or headers, which can quote the key", async () => {
    const chat = await double([{ status: 401, message: `Incorrect API key provided: ${API_KEY}.` }]);
    const state: ConversationState = { sessionId: "s2", channel: "phone", callerPhone: "+15551230000", language: "en", history: [{ kind: "caller", turnId: "t1", text: "hi" }], scratch: {}, ended: false };
    const failure = await engineFor(chat.baseURL)
      .runTurn({ turnId: "t1", utterance: "hi", now: FIXTURE_NOW, context: demoContext(), state, tools: { definitions: TOOL_DEFINITIONS, call: async () => ({ ok: true }) }, output: { write: () => {} } })
      .then(() => undefined, (error: unknown) => error as Error & { status?: number });
    expect(failure).toMatchObject({ name: "LlmRequestError", status: 401, message: expect.stringContaining("sk-[redacted]") });
    expect(`${failure!.message} ${JSON.stringify(failure)}`).not.toContain(API_KEY);
  });
});

describe.each(engines)("the OpenAI engine in a session on %s (protocol double)", (dbEngine) => {
  const database = useTestDatabase(dbEngine);

  it("assembles a tool call streamed in fragments, books a real slot through the ToolBox and sends each result back under its id", async () => {
    const db = database().prisma;
    const chat = await double((request) => {
      const heard = lastUserText(request);
      const last = request.body.messages.at(-1)!;
      if (heard.startsWith("I'd like") && last.role === "user") {
        return callTools([{ id: "call_check1", name: "check_availability", args: { service: "Men's haircut", date: "2026-11-25", time: "15:00" } }], { fragments: 5 });
      }
      if (heard.startsWith("I'd like")) return say("Wednesday, November 25 at 3 PM is free with Maya Chen. ", "May I have your name?");
      if (heard === "Sam Lee") return say("Thanks, Sam. A men's haircut on Wednesday, November 25 at 3 PM. Shall I book it?");
      if (last.role === "user") {
        // The slot id comes from the first turn's tool result, replayed in the history.
        const slotId = (toolResults(request, "check_availability")[0]?.exactMatch as { slotId: string }).slotId;
        return callTools([{ id: "call_book1", name: "book_appointment", args: { slotId, customerName: "Sam Lee" } }], { before: "One moment." });
      }
      return toolResult(request, "call_book1")?.ok === true ? say("You're booked for Wednesday at 3 PM.") : say("That did not work.");
    });
    const { s, callerPhone } = await session(db, engineFor(chat.baseURL));
    await s.greet();

    const offer = await s.respond("I'd like a men's haircut tomorrow at 3");
    expect(offer.tools.map((t) => [t.name, t.ok, t.args])).toEqual([["check_availability", true, { service: "Men's haircut", date: "2026-11-25", time: "15:00" }]]);
    expect(offer).toMatchObject({ engine: "openai", text: "Wednesday, November 25 at 3 PM is free with Maya Chen. May I have your name?" });
    const [, second] = chat.requests;
    expect(second!.body.messages.slice(-2)).toEqual([
      { role: "assistant", content: null, tool_calls: [{ id: "call_check1", type: "function", function: { name: "check_availability", arguments: '{"service":"Men\'s haircut","date":"2026-11-25","time":"15:00"}' } }] },
      { role: "tool", tool_call_id: "call_check1", content: JSON.stringify(offer.tools[0]!.result) },
    ]);
    expect(toolResult(second!, "call_check1")).toMatchObject({ ok: true, exactMatch: { date: "2026-11-25", weekday: "Wednesday", time: "15:00" } });

    await s.respond("Sam Lee");
    const booked = await s.respond("yes");
    expect(booked.tools.map((t) => [t.name, t.ok])).toEqual([["book_appointment", true]]);
    expect(booked.text).toBe("One moment. You're booked for Wednesday at 3 PM.");
    expect(booked.usage).toEqual({ model: "gpt-test-double", inputTokens: 200, outputTokens: 40 });
    expect(toolResult(chat.requests[4]!, "call_book1")).toMatchObject({ ok: true, customerName: "Sam Lee", appointment: { date: "2026-11-25", time: "15:00" } });
    // Earlier turns' calls are replayed under the session's record ids, both sides matching.
    const replayed = chat.requests[3]!.body.messages.find((m) => m.tool_calls)!;
    expect(replayed.tool_calls![0]!.id).toBe(offer.tools[0]!.id);
    expect(chat.requests[3]!.body.messages.some((m) => m.role === "tool" && m.tool_call_id === offer.tools[0]!.id)).toBe(true);

    const rows = await db.appointment.findMany({ where: { customer: { phone: callerPhone } }, select: { status: true, startsAt: true, customer: { select: { name: true } } } });
    expect(rows).toEqual([{ status: "booked", startsAt: new Date("2026-11-25T20:00:00.000Z"), customer: { name: "Sam Lee" } }]);
  });

  it("tells the model today's weekday and date in the business's zone, not UTC's", async () => {
    const chat = await double([say("Hi!")]);
    // 21:30 on Tuesday in New York is already Wednesday in UTC.
    const { s } = await session(database().prisma, engineFor(chat.baseURL), new Date("2026-11-25T02:30:00Z"));
    await s.respond("what day is it?");
    const system = chat.requests[0]!.body.messages[0]!;
    expect(system.role).toBe("system");
    expect(system.content).toContain("Today is Tuesday, November 24, 2026 (2026-11-24) and the time is 21:30 in the business's time zone (America/New_York)");
    expect(system.content).toContain("- Men's haircut (service id");
  });

  it("gives the model only the part of its reply the caller heard before barging in", async () => {
    const chat = await double([say("Wednesday at 3 PM is free. ", "Shall I book it for you, and would you like Maya?"), say("Sure, let me look at Thursday.")]);
    const { s } = await session(database().prisma, engineFor(chat.baseURL));
    const first = await s.respond("men's haircut tomorrow at 3");
    s.notePlayed(first.turnId, "Wednesday at 3 PM is free.");
    await s.respond("what about Thursday?");
    const assistant = chat.requests[1]!.body.messages.filter((m) => m.role === "assistant").map((m) => m.content);
    expect(assistant).toEqual(["Wednesday at 3 PM is free.…"]);
    expect(JSON.stringify(chat.requests[1]!.body.messages.slice(1))).not.toContain("would you like Maya");
  });

  const cutOff = `data: ${JSON.stringify({ id: "c", object: "chat.completion.chunk", created: 1, model: "m", choices: [{ index: 0, delta: { role: "assistant" }, finish_reason: null }] })}\n\n`;
  it.each<[string, ChatReply, EngineTuning, number]>([
    ["an HTTP 500 (after one retry)", { status: 500 }, {}, 2],
    ["a rejected key", { status: 401, message: `Incorrect API key provided: ${API_KEY}.` }, {}, 1],
    ["a server that never answers", { hang: true }, { turnTimeoutMs: 400 }, 1],
    ["malformed server-sent events", { raw: 'data: {"id": "chatcmpl-1", "choices": [{"delta": {"content": "Hel\n\n' }, {}, 1],
    ["a stream that ends before its finish_reason", { raw: cutOff }, {}, 1],
  ])("lets the built-in engine answer the same turn after %s, and logs why without the key", async (_what, reply, tuning, requests) => {
    const chat = await double(() => reply);
    const { log, lines } = capturedLog();
    const selected = selectAgentEngine({ OPENAI_API_KEY: API_KEY, OPENAI_BASE_URL: chat.baseURL, OPENAI_MODEL: "gpt-test" }, log, tuning);
    expect(selected.mode).toBe("llm");
    const { s } = await session(database().prisma, selected.engine);
    const turn = await within(s.respond("What are your hours on Saturday?"), 5000);
    expect(turn).toMatchObject({ engine: "builtin", text: "On Saturday we're open from 9 AM to 4 PM. Is there anything else I can help with?" });
    expect(turn).not.toHaveProperty("usage");
    expect(chat.requests).toHaveLength(requests);
    if ("hang" in reply) await within(chat.requests[0]!.hungUp);
    const warning = lines.map((l) => JSON.parse(l) as { msg: string; reason?: { kind: string; status?: number } }).find((l) => l.msg.startsWith("the LLM could not answer"));
    expect(warning?.reason?.kind).toBeTruthy();
    if ("status" in reply) expect(warning?.reason).toMatchObject({ status: reply.status });
    expect(lines.join("\n")).not.toContain(API_KEY);
  });

  it.each([
    ["before the response starts", { hang: true } as ChatReply],
    ["in the middle of the stream", { stream: [{ content: "Let me check" }, { pause: () => new Promise<void>(() => {}) }] } as ChatReply],
  ])("cancels the HTTP request when the turn is aborted %s", async (_when, reply) => {
    let received!: () => void;
    const arrived = new Promise<void>((resolve) => (received = resolve));
    const chat = await double(async () => {
      received();
      return reply;
    });
    const { s } = await session(database().prisma, engineFor(chat.baseURL));
    const controller = new AbortController();
    const turn = s.respond("any time on Friday?", { signal: controller.signal });
    await within(arrived);
    await new Promise((resolve) => setTimeout(resolve, 50));
    controller.abort();
    await expect(within(turn)).rejects.toMatchObject({ name: "AbortError" });
    await within(chat.requests[0]!.hungUp);
    expect(chat.requests[0]!.clientHungUp).toBe(true);
    expect(s.history().map((e) => e.kind)).toEqual(["caller"]);
  });
});
