// The agent behind the CallConversation seam, without audio: the built-in engine on a real
// database (the demo salon, Tuesday 2026-11-24 09:00 New York), driven turn by turn as the call
// session drives it. What reaches the worker (events, outcomes, actions), what the agent keeps of
// a reply the caller cut short, messages, aborts and the call summary.
import pino from "pino";
import { describe, expect, it } from "vitest";
import { seedDemo } from "../../prisma/seed";
import { createBuiltinEngine } from "../../server/agent/builtin/builtin-engine";
import type { AgentEngine } from "../../server/agent/types";
import type { Db } from "../../server/db";
import { engines, useTestDatabase } from "../../tests/helpers/test-database";
import { AgentConversation, type AgentConversationOptions } from "./agent-conversation";
import type { Reply, ReplyEvent } from "./conversation";

const NOW = new Date("2026-11-24T14:00:00Z");
const log = pino({ level: "silent" });
let phones = 0;

async function conversation(db: Db, options: Partial<AgentConversationOptions> = {}) {
  const { businessId } = await seedDemo(db);
  const callerNumber = `+1555610${String(++phones).padStart(4, "0")}`;
  const call = await db.call.create({ data: { businessId, fromNumber: callerNumber, toNumber: "+15555550100", status: "in_progress" }, select: { id: true } });
  const c = new AgentConversation(
    { callId: call.id, businessId, businessName: "Bloom Hair Studio", timezone: "America/New_York", callerNumber, customerId: null, speechInput: true },
    { db, now: () => NOW, log },
    { engine: createBuiltinEngine(), ...options },
  );
  return { c, callId: call.id, callerNumber };
}

async function collect(reply: Reply): Promise<ReplyEvent[]> {
  const events: ReplyEvent[] = [];
  for await (const event of reply) events.push(event);
  return events;
}

const say = (c: AgentConversation, text: string, signal = new AbortController().signal) => collect(c.onCallerTurn(text, { signal }));
const textOf = (events: ReplyEvent[]) => events.flatMap((e) => (e.type === "text" ? [e.delta] : [])).join("");
const types = (events: ReplyEvent[]) => events.map((e) => e.type);

describe.each(engines)("the agent as a call's conversation, on %s", (engine) => {
  const database = useTestDatabase(engine);

  it("greets, streams its sentences, announces tools and reports a booking as the outcome", async () => {
    const db = database().prisma;
    const { c, callerNumber } = await conversation(db);
    expect(await c.start()).toBe("Thanks for calling Bloom Hair Studio, this is the virtual receptionist. How can I help?");

    const asked = await say(c, "I'd like a men's haircut tomorrow at 3");
    expect(asked).toEqual([{ type: "tool-start", name: "check_availability" }, { type: "text", delta: "Can I have your name, please?" }, { type: "done", action: undefined }]);
    expect(textOf(await say(c, "Sam Rivera"))).toBe("Just to check: a men's haircut tomorrow, Wednesday, November 25 at 3 PM. Shall I book it?");
    const booked = await say(c, "yes");
    expect(types(booked)).toEqual(["tool-start", "outcome", "text", "text", "done"]);
    expect(booked[1]).toMatchObject({ type: "outcome", outcome: "booked", detail: expect.stringMatching(/^book_appointment \w+/) });
    expect(textOf(booked)).toMatch(/^You're booked: a men's haircut tomorrow, Wednesday, November 25 at 3 PM with \w+\. /);

    const rows = await db.appointment.findMany({ where: { customer: { phone: callerNumber } }, select: { status: true, startsAt: true, customer: { select: { name: true } } } });
    expect(rows).toEqual([{ status: "booked", startsAt: new Date("2026-11-25T20:00:00Z"), customer: { name: "Sam Rivera" } }]);
    expect(c.onDigit()).toBeNull();
    expect(await c.summarize()).toMatch(/^Sam Rivera \(\+1555610\d{4}\) called to book an appointment\. Booked Men's haircut on Wednesday 2026-11-25 at 15:00/);
  });

  it("ends the call after the agent's goodbye and hands a request for a person to the worker's transfer", async () => {
    const db = database().prisma;
    const { c } = await conversation(db);
    await c.start();
    const transfer = await say(c, "Can I speak to a person?");
    expect(transfer.at(-1)).toEqual({ type: "done", action: { kind: "transfer", reason: "The caller asked to speak to a person." } });

    const { c: other } = await conversation(db);
    await other.start();
    const bye = await say(other, "That's all, goodbye");
    expect(textOf(bye)).toBe("Thanks for calling Bloom Hair Studio. Goodbye!");
    expect(bye.at(-1)).toEqual({ type: "done", action: { kind: "hangup" } });
  });

  it("stores a message the caller dictated on the call and tells the owner", async () => {
    const db = database().prisma;
    const { c, callId, callerNumber } = await conversation(db);
    await c.start();
    await say(c, "I would like to leave a message");
    const taken = await say(c, "Please call me back about highlights next week");
    expect(taken).toContainEqual({ type: "outcome", outcome: "message" });
    expect(taken.at(-1)).toEqual({ type: "done", action: undefined });
    const call = await db.call.findUniqueOrThrow({ where: { id: callId }, select: { messageText: true, outcome: true } });
    expect(call).toEqual({ messageText: "Please call me back about highlights next week", outcome: "message" });
    const note = await db.message.findFirst({ where: { kind: "call_message", body: { contains: callerNumber } }, select: { body: true } });
    expect(note?.body).toContain("Message: Please call me back about highlights next week");
  });

  it("keeps only what the caller heard of a reply cut short, even before the agent has finished it", async () => {
    const db = database().prisma;
    const builtin = createBuiltinEngine();
    const held: Array<() => void> = [];
    // Holds each turn open after the engine has written its reply, as a slow LLM would.
    const slow: AgentEngine = {
      name: builtin.name,
      async runTurn(input) {
        const out = await builtin.runTurn(input);
        await new Promise<void>((resolve) => held.push(resolve));
        return out;
      },
    };
    const release = async () => {
      while (held.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
      held.shift()!();
    };
    const { c, callerNumber } = await conversation(db, { engine: slow });
    await c.start();
    const next = async (text: string) => {
      const events = say(c, text);
      await release();
      return events;
    };
    // Each test books its own time: they share the salon.
    await next("I'd like a men's haircut on Friday at 4");

    const reply = c.onCallerTurn("Sam Rivera", { signal: new AbortController().signal })[Symbol.asyncIterator]();
    const first = await reply.next();
    expect(first.value).toMatchObject({ type: "text", delta: expect.stringMatching(/\. $/) });
    const heard = (first.value as { delta: string }).delta.trim();
    // The worker reports the barge-in while the agent's turn is still open.
    c.notePlayed({ heardText: heard, fullText: heard, interrupted: true });
    await release();
    while (!(await reply.next()).done);
    const readBack = c.session.history().filter((e) => e.kind === "agent").at(-1);
    expect(readBack).toMatchObject({ interrupted: true, text: heard, fullText: expect.stringMatching(/Friday, November 27 at 4 PM\. Shall I book it\?$/) });

    // "Shall I book it?" was never heard, so a yes is not taken as agreement.
    const again = await next("yes");
    expect(types(again)).not.toContain("outcome");
    expect(textOf(again)).toMatch(/Shall I book it\?$/);
    expect(await db.appointment.count({ where: { customer: { phone: callerNumber } } })).toBe(0);
    // Heard in full this time (a second report for the same reply changes nothing).
    c.notePlayed({ heardText: textOf(again), fullText: textOf(again), interrupted: false });
    c.notePlayed({ heardText: "", fullText: "", interrupted: true });
    expect(types(await next("yes"))).toContain("outcome");
    expect(await db.appointment.count({ where: { customer: { phone: callerNumber } } })).toBe(1);
  });

  it("ends an aborted reply without an error, and the next turn carries on", async () => {
    const db = database().prisma;
    const { c } = await conversation(db);
    await c.start();
    const controller = new AbortController();
    const events: ReplyEvent[] = [];
    for await (const event of c.onCallerTurn("I'd like a men's haircut on Thursday at 10", { signal: controller.signal })) {
      events.push(event);
      if (event.type === "tool-start") controller.abort();
    }
    expect(events).toEqual([{ type: "tool-start", name: "check_availability" }, { type: "done", action: undefined }]);
    expect(textOf(await say(c, "I'd like a men's haircut on Thursday at 10"))).toBe("Can I have your name, please?");
    c.close();
    // A closed call takes no more turns.
    expect(await say(c, "Sam Rivera")).toEqual([{ type: "done", action: undefined }]);
  });

  it("bills the tokens an LLM engine reports for a turn", async () => {
    const db = database().prisma;
    const builtin = createBuiltinEngine();
    const metered: AgentEngine = {
      name: "metered",
      runTurn: async (input) => ({ ...(await builtin.runTurn(input)), usage: { model: "gpt-4.1-mini-2025-04-14", inputTokens: 1800, outputTokens: 60 } }),
    };
    const { c } = await conversation(db, { engine: metered });
    await c.start();
    const events = await say(c, "What are your hours?");
    expect(events.filter((e) => e.type === "usage")).toEqual([{ type: "usage", model: "gpt-4.1-mini-2025-04-14", inputTokens: 1800, outputTokens: 60 }]);
    expect(events.at(-1)?.type).toBe("done");
  });

  it("summarizes through a plugged-in summarizer, keeping the extractive summary when it fails", async () => {
    const db = database().prisma;
    const { c } = await conversation(db, { summarizer: async ({ summary }) => `LLM: ${summary.intent}` });
    await c.start();
    await say(c, "What are your hours?");
    expect(await c.summarize()).toBe("LLM: information");

    const { c: failing } = await conversation(db, {
      summarizer: async () => {
        throw new Error("model unavailable");
      },
    });
    await failing.start();
    const hours = await say(failing, "What are your hours?");
    expect(hours).toContainEqual(expect.objectContaining({ type: "outcome", outcome: "information" }));
    expect(await failing.summarize()).toMatch(/called to ask about the business\. Got information; nothing was booked\.$/);
  });
});
