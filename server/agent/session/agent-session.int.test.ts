// AgentSession with the built-in engine on a real database: streaming, tool notifications,
// barge-in, aborts, failures and the per-turn context. Demo salon, Tuesday 2026-11-24 09:00 New York.
import { describe, expect, it } from "vitest";
import { seedDemo } from "../../../prisma/seed";
import { engines, useTestDatabase } from "../../../tests/helpers/test-database";
import type { Db } from "../../db";
import { createBuiltinEngine } from "../builtin/builtin-engine";
import type { AgentContext } from "../context/agent-context";
import type { AgentEngine } from "../types";
import { createAgentSession } from "./agent-session";

let phoneCounter = 0;

async function session(db: Db, { engine = createBuiltinEngine(), now = new Date("2026-11-24T14:00:00Z") }: { engine?: AgentEngine; now?: Date } = {}) {
  const { businessId } = await seedDemo(db);
  const callerPhone = `+1555400${String(++phoneCounter).padStart(4, "0")}`;
  return { s: createAgentSession({ db, businessId, callerPhone, channel: "phone", now: () => now, engine }), businessId, callerPhone };
}

const bookingsOf = (db: Db, callerPhone: string) => db.appointment.count({ where: { customer: { phone: callerPhone }, status: "booked" } });

describe.each(engines)("AgentSession on %s", (engine) => {
  const database = useTestDatabase(engine);

  it("greets with the business's greeting as turn t0", async () => {
    const { s } = await session(database().prisma);
    const greeting = await s.greet();
    expect(greeting).toMatchObject({ turnId: "t0", language: "en", tools: [], text: expect.stringContaining("Bloom Hair Studio") });
  });

  it("streams the reply sentence by sentence and announces each tool before it runs", async () => {
    const { s } = await session(database().prisma);
    const deltas: string[] = [];
    const tools: string[] = [];
    const turn = await s.respond("Can I book a men's haircut on Sunday?", { onTextDelta: (d) => deltas.push(d), onToolStart: (t) => tools.push(t) });
    expect(turn.text).toBe("We're closed on Sundays. The next opening is Tuesday, December 1 at 9 AM. Would that work?");
    expect(deltas).toEqual(["We're closed on Sundays. ", "The next opening is Tuesday, December 1 at 9 AM. ", "Would that work?"]);
    expect(tools).toEqual(["check_availability"]);
    expect(turn.tools.map((t) => t.name)).toEqual(["check_availability"]);
  });

  it("does not take a yes to a read-back the caller only partly heard", async () => {
    const db = database().prisma;
    const { s, callerPhone } = await session(db);
    await s.respond("men's haircut tomorrow at 3");
    const readBack = await s.respond("Sam");
    expect(readBack.text).toBe("Just to check: a men's haircut tomorrow, Wednesday, November 25 at 3 PM. Shall I book it?");
    s.notePlayed(readBack.turnId, "Just to check: a men's haircut tomorrow,");
    expect(s.history().find((e) => e.kind === "agent" && e.turnId === readBack.turnId)).toMatchObject({ text: "Just to check: a men's haircut tomorrow,", interrupted: true });

    const again = await s.respond("yes");
    expect(again.tools).toEqual([]);
    expect(again.text).toBe(readBack.text);
    expect(await bookingsOf(db, callerPhone)).toBe(0);

    s.notePlayed(again.turnId, again.text);
    const booked = await s.respond("yes");
    expect(booked.tools.map((t) => [t.name, t.ok])).toEqual([["book_appointment", true]]);
    expect(await bookingsOf(db, callerPhone)).toBe(1);
  });

  it("rejects an aborted turn before any write and forgets its half-done state", async () => {
    const db = database().prisma;
    const { s } = await session(db);
    const controller = new AbortController();
    const deltas: string[] = [];
    const aborted = s.respond("men's haircut tomorrow at 3", { signal: controller.signal, onToolStart: () => controller.abort(), onTextDelta: (d) => deltas.push(d) });
    await expect(aborted).rejects.toMatchObject({ name: "AbortError" });
    expect(deltas).toEqual([]);
    expect(s.history().map((e) => e.kind)).toEqual(["caller", "tool"]);
    // The dialogue did not move on: the next turn starts from scratch.
    expect((await s.respond("hello")).text).toBe("Hi there! What can I help you with?");
    await expect(s.respond("anything", { signal: AbortSignal.abort() })).rejects.toMatchObject({ name: "AbortError" });
  });

  it("finishes a turn whose booking already committed, without streaming it", async () => {
    const db = database().prisma;
    const { s, callerPhone } = await session(db);
    await s.respond("men's haircut friday at 4");
    await s.respond("Sam");
    const controller = new AbortController();
    const deltas: string[] = [];
    const turn = await s.respond("yes", {
      signal: controller.signal,
      onToolStart: (name) => name === "book_appointment" && controller.abort(),
      onTextDelta: (d) => deltas.push(d),
    });
    expect(turn.text).toMatch(/^You're booked/);
    expect(deltas).toEqual([]);
    expect(await bookingsOf(db, callerPhone)).toBe(1);
    expect(s.result().summary).toMatchObject({ outcome: "booked", caller: { name: "Sam" } });
  });

  it("carries a conversation across a snapshot, as an SMS thread spanning webhook requests would", async () => {
    const db = database().prisma;
    const { s, businessId, callerPhone } = await session(db);
    await s.respond("men's haircut thursday at 3");
    await s.respond("Sam");
    const saved = JSON.parse(JSON.stringify(s.snapshot()));
    const now = () => new Date("2026-11-24T14:00:00Z");
    const resumed = createAgentSession({ db, businessId, callerPhone, channel: "phone", now, engine: createBuiltinEngine(), resume: saved });
    const finished: string[] = [];
    const turn = await resumed.respond("yes", { onToolEnd: (record) => finished.push(`${record.name}:${record.ok}`) });
    expect(turn.turnId).toBe("t2");
    expect(turn.text).toMatch(/^You're booked: a men's haircut on Thursday, November 26 at 3 PM/);
    expect(finished).toEqual(["book_appointment:true"]);
    expect(resumed.id).toBe(s.id);
    expect(() => createAgentSession({ db, businessId, callerPhone: "+15559999999", channel: "phone", now, engine: createBuiltinEngine(), resume: saved })).toThrow();
  });

  it("apologises instead of failing when the engine throws", async () => {
    const broken: AgentEngine = { name: "broken", runTurn: async () => { throw new Error("boom"); } };
    const { s } = await session(database().prisma, { engine: broken });
    const turn = await s.respond("hello");
    expect(turn.text).toBe("Sorry, I'm having a little trouble. Could you say that again?");
  });

  it("passes the engine's token usage on to the turn, and leaves it out when there is none", async () => {
    const usage = { model: "gpt-test", inputTokens: 321, outputTokens: 12 };
    const llm: AgentEngine = { name: "llm", runTurn: async () => ({ text: "Hello!", language: "en", usage }) };
    const { s } = await session(database().prisma, { engine: llm });
    expect((await s.respond("hi")).usage).toEqual(usage);
    const { s: plain } = await session(database().prisma);
    expect(await plain.respond("hi")).not.toHaveProperty("usage");
  });

  it("gives the engine today's date in the business's zone and the caller's upcoming appointments", async () => {
    const db = database().prisma;
    const contexts: AgentContext[] = [];
    const builtin = createBuiltinEngine();
    const spy: AgentEngine = { name: "spy", runTurn: (input) => (contexts.push(input.context), builtin.runTurn(input)) };
    // 23:30 on Tuesday in New York is already Wednesday in UTC.
    const { s } = await session(db, { engine: spy, now: new Date("2026-11-25T04:30:00Z") });
    await s.respond("men's haircut thursday at 10");
    await s.respond("Sam");
    await s.respond("yes");
    await s.respond("thanks");
    expect(contexts[0]).toMatchObject({ today: { date: "2026-11-24", weekday: 2, time: "23:30" }, caller: { known: false, name: null }, upcoming: [] });
    expect(contexts[3]).toMatchObject({ caller: { known: true, name: "Sam" }, upcoming: [{ date: "2026-11-26", time: "10:00", serviceName: "Men's haircut" }] });
  });

  it("answers in Spanish from the caller's first Spanish sentence", async () => {
    const { s } = await session(database().prisma);
    const turn = await s.respond("Hola, ¿a qué hora abren el sábado?");
    expect(turn.language).toBe("es");
    expect(turn.text).toBe("El sábado abrimos de 9 de la mañana a 4 de la tarde. ¿Hay algo más en lo que le pueda ayudar?");
  });
});
