// The test console's domain functions on a real database: a conversation started, carried on
// across requests from its stored snapshot, booking for real with channel "console", replayed after
// a reload, refused once over, spoken by turn id, reset, and closed to every other business.
// Demo salon, Tuesday 2026-11-24 09:00 New York.
import { describe, expect, it } from "vitest";
import { seedDemo } from "../../prisma/seed";
import { createBusinessFixture } from "../../tests/helpers/fixtures";
import { engines, useTestDatabase } from "../../tests/helpers/test-database";
import { createBuiltinEngine } from "../agent/builtin/builtin-engine";
import type { AgentEngine } from "../agent/types";
import type { Db } from "../db";
import type { ReplySpeech } from "../speech/reply-speech";
import { getConsoleSetup } from "./get-console-setup";
import { resetConsoleConversation } from "./reset-console-conversation";
import { sendConsoleUtterance } from "./send-console-utterance";
import { NO_VOICE_MESSAGE, speakConsoleReply } from "./speak-console-reply";
import { startConsoleConversation } from "./start-console-conversation";

const now = () => new Date("2026-11-24T14:00:00Z");
const engine = createBuiltinEngine();
const agent = { now, engine };
let phoneCounter = 0;
const nextPhone = () => `+1555420${String(++phoneCounter).padStart(4, "0")}`;

async function ownerOf(db: Db, businessId: string) {
  const user = await db.user.create({ data: { email: `console-${Date.now()}-${++phoneCounter}@example.com`, memberships: { create: { businessId, role: "owner" } } }, select: { id: true } });
  return user.id;
}

/** A voice that remembers what it was asked to say and answers with a tiny WAV. */
function recordingVoice() {
  const said: string[] = [];
  const speech: ReplySpeech = { description: "test voice", synthesize: async (text) => (said.push(text), Buffer.from(`RIFF-${text.length}`)) };
  return { said, speech };
}

const rejection = (promise: Promise<unknown>) => promise.then(() => "resolved", (e: { code?: string; message?: string }) => `${e.code}: ${e.message}`);

describe.each(engines)("the test console on %s", (dbEngine) => {
  const database = useTestDatabase(dbEngine);

  async function demo() {
    const db = database().prisma;
    const { businessId } = await seedDemo(db);
    return { db, businessId, userId: await ownerOf(db, businessId) };
  }

  it("greets as on a call and stores the conversation for the next request", async () => {
    const { db, businessId, userId } = await demo();
    const callerPhone = nextPhone();
    const conversation = await startConsoleConversation(db, { businessId, userId, callerPhone }, agent);
    expect(conversation).toMatchObject({ callerPhone, callerName: null, language: "en", ending: null, appointments: [] });
    expect(conversation.turns).toEqual([{ turnId: "t0", caller: null, agent: expect.stringContaining("Bloom Hair Studio"), engine: "greeting", tools: [] }]);
    const row = await db.consoleSession.findUniqueOrThrow({ where: { id: conversation.sessionId }, select: { businessId: true, startedById: true, callerPhone: true, version: true } });
    expect(row).toEqual({ businessId, startedById: userId, callerPhone, version: 0 });
  });

  it("books for real with channel console across three requests, and shows the tool calls and the appointment", async () => {
    const { db, businessId, userId } = await demo();
    const callerPhone = nextPhone();
    const { sessionId } = await startConsoleConversation(db, { businessId, userId, callerPhone }, agent);

    const first = await sendConsoleUtterance(db, { businessId, sessionId, text: "Hi, I'd like to book a men's haircut tomorrow at 3" }, agent);
    expect(first.turn).toMatchObject({ turnId: "t1", caller: "Hi, I'd like to book a men's haircut tomorrow at 3", engine: "builtin" });
    expect(first.turn.tools.map((t) => [t.name, t.ok])).toEqual([["check_availability", true]]);
    expect(first.turn.tools[0]).toMatchObject({ args: { service: expect.any(String) }, result: { ok: true } });
    expect(first.appointments).toEqual([]);

    await sendConsoleUtterance(db, { businessId, sessionId, text: "Sam Lee" }, agent);
    const booked = await sendConsoleUtterance(db, { businessId, sessionId, text: "yes" }, agent);
    expect(booked.turn.tools.map((t) => [t.name, t.ok])).toEqual([["book_appointment", true]]);
    expect(booked.turn.agent).toContain("Wednesday, November 25 at 3 PM");
    expect(booked.callerName).toBe("Sam Lee");
    expect(booked.ending).toBeNull();
    expect(booked.appointments).toEqual([
      expect.objectContaining({ status: "booked", channel: "console", service: "Men's haircut", staff: "Maya Chen", startsAt: new Date("2026-11-25T20:00:00Z") }),
    ]);
    const stored = await db.appointment.findFirstOrThrow({ where: { businessId, customer: { phone: callerPhone } }, select: { channel: true, status: true } });
    expect(stored).toEqual({ channel: "console", status: "booked" });

    // After a reload the page gets the same transcript back, tool calls included.
    const setup = await getConsoleSetup(db, { businessId, userId }, { now: now(), engineLabel: "built-in agent", voice: null });
    expect(setup.conversation?.turns.map((t) => [t.turnId, t.caller, t.tools.map((x) => x.name)])).toEqual([
      ["t0", null, []],
      ["t1", "Hi, I'd like to book a men's haircut tomorrow at 3", ["check_availability"]],
      ["t2", "Sam Lee", []],
      ["t3", "yes", ["book_appointment"]],
    ]);
    expect(setup.conversation?.appointments).toHaveLength(1);
    expect(setup.callers).toContainEqual({ phone: callerPhone, name: "Sam Lee" });
    expect(setup).toMatchObject({ businessName: "Bloom Hair Studio", timezone: "America/New_York", languages: ["en", "es"], engine: "built-in agent", voice: null });
  });

  it("starts in the language picked, and refuses one the receptionist does not speak", async () => {
    const { db, businessId, userId } = await demo();
    const spanish = await startConsoleConversation(db, { businessId, userId, callerPhone: nextPhone(), language: "es" }, agent);
    expect(spanish.language).toBe("es");
    const reply = await sendConsoleUtterance(db, { businessId, sessionId: spanish.sessionId, text: "hola" }, agent);
    expect(reply.turn.agent).toMatch(/¿|Hola/);

    const other = await createBusinessFixture(db);
    const otherOwner = await ownerOf(db, other.businessId);
    expect(await rejection(startConsoleConversation(db, { businessId: other.businessId, userId: otherOwner, callerPhone: nextPhone(), language: "es" }, agent))).toBe(
      "INVALID_INPUT: The receptionist does not speak Spanish yet. Add it under Settings → Receptionist, or pick another language.",
    );
    expect(await db.consoleSession.count({ where: { businessId: other.businessId } })).toBe(0);
  });

  it("keeps one conversation per user: starting again replaces the last, and its booking stays", async () => {
    const { db, businessId, userId } = await demo();
    const callerPhone = nextPhone();
    const first = await startConsoleConversation(db, { businessId, userId, callerPhone }, agent);
    for (const text of ["men's haircut friday at 4", "Robin", "yes"]) await sendConsoleUtterance(db, { businessId, sessionId: first.sessionId, text }, agent);
    const second = await startConsoleConversation(db, { businessId, userId, callerPhone }, agent);
    expect(second.sessionId).not.toBe(first.sessionId);
    expect(second.appointments.map((a) => a.status)).toEqual(["booked"]);
    expect(await db.consoleSession.findMany({ where: { businessId, startedById: userId }, select: { id: true } })).toEqual([{ id: second.sessionId }]);
    expect(await rejection(sendConsoleUtterance(db, { businessId, sessionId: first.sessionId, text: "hello" }, agent))).toBe("NOT_FOUND: This test conversation is gone. Start a new one.");
  });

  it("takes no more messages once the receptionist has ended the conversation", async () => {
    const { db, businessId, userId } = await demo();
    const { sessionId } = await startConsoleConversation(db, { businessId, userId, callerPhone: nextPhone() }, agent);
    await sendConsoleUtterance(db, { businessId, sessionId, text: "hi" }, agent);
    const bye = await sendConsoleUtterance(db, { businessId, sessionId, text: "actually nothing, bye" }, agent);
    expect(bye.ending).toBe("ended");
    expect(bye.turn.tools.map((t) => t.name)).toContain("end_conversation");
    expect(await rejection(sendConsoleUtterance(db, { businessId, sessionId, text: "wait" }, agent))).toBe(
      "CONFLICT: The receptionist ended the conversation. Start a new conversation to go on testing.",
    );
  });

  it("runs only one of two messages sent at once, and tells the other to reload before doing anything", async () => {
    const { db, businessId, userId } = await demo();
    const callerPhone = nextPhone();
    const { sessionId } = await startConsoleConversation(db, { businessId, userId, callerPhone }, agent);
    const results = await Promise.all(
      ["men's haircut tomorrow at 3", "blow-dry tomorrow at 4"].map((text) => rejection(sendConsoleUtterance(db, { businessId, sessionId, text }, agent))),
    );
    expect(results.filter((r) => r === "resolved")).toHaveLength(1);
    expect(results.filter((r) => r.startsWith("CONFLICT: This conversation is answering another message"))).toHaveLength(1);
    const setup = await getConsoleSetup(db, { businessId, userId }, { now: now(), engineLabel: "built-in agent", voice: null });
    expect(setup.conversation?.turns.map((t) => t.turnId)).toEqual(["t0", "t1"]);
  });

  it("refuses a message sent while another tab's turn is still running, and keeps that turn's answer", async () => {
    const { db, businessId, userId } = await demo();
    const callerPhone = nextPhone();
    const { sessionId } = await startConsoleConversation(db, { businessId, userId, callerPhone }, agent);
    // The first turn's engine waits inside the turn, after its lease was taken: the second tab
    // loads the row only then, so it sees the same saved version the first one started from.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let entered!: () => void;
    const running = new Promise<void>((resolve) => (entered = resolve));
    const slow: AgentEngine = {
      name: "slow",
      async runTurn(input) {
        entered();
        await held;
        input.output.write("Still here.");
        return { text: "Still here.", language: "en" };
      },
    };
    const first = sendConsoleUtterance(db, { businessId, sessionId, text: "hello" }, { ...agent, engine: slow });
    await running;
    expect(await rejection(sendConsoleUtterance(db, { businessId, sessionId, text: "blow-dry tomorrow at 4" }, agent))).toMatch(
      /^CONFLICT: This conversation is answering another message/,
    );
    release();
    expect((await first).turn.agent).toBe("Still here.");
    const setup = await getConsoleSetup(db, { businessId, userId }, { now: now(), engineLabel: "built-in agent", voice: null });
    expect(setup.conversation?.turns.map((t) => [t.turnId, t.agent])).toEqual([["t0", setup.conversation!.turns[0]!.agent], ["t1", "Still here."]]);
    expect(await sendConsoleUtterance(db, { businessId, sessionId, text: "bye" }, agent)).toMatchObject({ turn: { turnId: "t2" } });
  });

  it("speaks a reply the session gave, by turn id, with the voice it is handed", async () => {
    const { db, businessId, userId } = await demo();
    const { sessionId, turns } = await startConsoleConversation(db, { businessId, userId, callerPhone: nextPhone() }, agent);
    const { said, speech } = recordingVoice();
    const spoken = await speakConsoleReply(db, { businessId, sessionId, turnId: "t0" }, { speech });
    expect(said).toEqual([turns[0]!.agent]);
    expect(spoken).toEqual({ mimeType: "audio/wav", audioBase64: Buffer.from(`RIFF-${turns[0]!.agent.length}`).toString("base64") });
    expect(await rejection(speakConsoleReply(db, { businessId, sessionId, turnId: "t7" }, { speech }))).toBe("NOT_FOUND: No such reply in this conversation.");
    expect(await rejection(speakConsoleReply(db, { businessId, sessionId, turnId: "t0" }, { speech: null }))).toBe(`CONFLICT: ${NO_VOICE_MESSAGE}`);
  });

  it("forgets the conversation on reset and leaves what it booked", async () => {
    const { db, businessId, userId } = await demo();
    const callerPhone = nextPhone();
    const { sessionId } = await startConsoleConversation(db, { businessId, userId, callerPhone }, agent);
    for (const text of ["women's haircut thursday at 10", "Kim", "yes"]) await sendConsoleUtterance(db, { businessId, sessionId, text }, agent);
    expect(await resetConsoleConversation(db, { businessId, sessionId })).toEqual({ sessionId });
    expect(await db.consoleSession.count({ where: { id: sessionId } })).toBe(0);
    expect(await db.appointment.count({ where: { businessId, customer: { phone: callerPhone }, status: "booked", channel: "console" } })).toBe(1);
    expect(await rejection(resetConsoleConversation(db, { businessId, sessionId }))).toBe("NOT_FOUND: This test conversation is gone. Start a new one.");
    expect((await getConsoleSetup(db, { businessId, userId }, { now: now(), engineLabel: "built-in agent", voice: null })).conversation).toBeNull();
  });

  it("finds none of another business's conversations, callers or appointments", async () => {
    const { db, businessId, userId } = await demo();
    const callerPhone = nextPhone();
    const { sessionId } = await startConsoleConversation(db, { businessId, userId, callerPhone }, agent);
    for (const text of ["men's haircut tomorrow at 11", "Pat", "yes"]) await sendConsoleUtterance(db, { businessId, sessionId, text }, agent);
    const before = await db.consoleSession.findUniqueOrThrow({ where: { id: sessionId }, select: { version: true, snapshot: true } });

    const other = await createBusinessFixture(db);
    const otherOwner = await ownerOf(db, other.businessId);
    const { speech, said } = recordingVoice();
    const gone = "NOT_FOUND: This test conversation is gone. Start a new one.";
    expect(await rejection(sendConsoleUtterance(db, { businessId: other.businessId, sessionId, text: "cancel my appointment" }, agent))).toBe(gone);
    expect(await rejection(speakConsoleReply(db, { businessId: other.businessId, sessionId, turnId: "t0" }, { speech }))).toBe(gone);
    expect(await rejection(resetConsoleConversation(db, { businessId: other.businessId, sessionId }))).toBe(gone);
    expect(said).toEqual([]);
    expect(await db.consoleSession.findUniqueOrThrow({ where: { id: sessionId }, select: { version: true, snapshot: true } })).toEqual(before);

    // The same caller number at the other business is a different caller with no appointments.
    const theirs = await startConsoleConversation(db, { businessId: other.businessId, userId: otherOwner, callerPhone }, agent);
    expect(theirs.appointments).toEqual([]);
    const setup = await getConsoleSetup(db, { businessId: other.businessId, userId: otherOwner }, { now: now(), engineLabel: "built-in agent", voice: null });
    expect(setup.callers.map((c) => c.phone)).not.toContain(callerPhone);
    expect(setup.conversation?.sessionId).toBe(theirs.sessionId);
    // A's owner has no conversation at B even though one exists there.
    expect((await getConsoleSetup(db, { businessId: other.businessId, userId }, { now: now(), engineLabel: "built-in agent", voice: null })).conversation).toBeNull();
  });
});
