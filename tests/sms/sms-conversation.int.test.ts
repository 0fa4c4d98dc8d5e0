// The SMS channel as a conversation: texts arriving as separate signed webhook requests carry one
// agent session between them (the snapshot in SmsConversation), book a real appointment, survive
// Twilio's retries and simultaneous texts, and start over after a day of silence.
import { beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "../../prisma/seed";
import { selectAgentEngine } from "../../server/agent/engines/select-engine";
import type { SessionSnapshot } from "../../server/agent/session/agent-session";
import { lockSmsConversation, unlockSmsConversation } from "../../server/sms/lock-sms-conversation";
import { handleSmsWebhook, SMS_BUSY, type SmsWebhookContext } from "../../server/sms/sms-webhook";
import { engines, useTestDatabase } from "../helpers/test-database";
import { quietLog, readSmsReply, signedRequest, smsParams, TOKEN } from "./support/sms-client";

const NOW = new Date("2026-11-24T14:00:00Z"); // Tuesday 09:00 in New York
const HOUR = 60 * 60 * 1000;

describe.each(engines)("SMS conversations on %s", (engine) => {
  const db = useTestDatabase(engine);
  let ctx: SmsWebhookContext;
  let businessId: string;
  let phoneCounter = 0;
  const newPhone = () => `+1555555${(2000 + ++phoneCounter).toString()}`;

  beforeAll(async () => {
    businessId = (await seedDemo(db().prisma)).businessId;
    ctx = { db: db().prisma, authToken: TOKEN, now: NOW, log: quietLog, engine: selectAgentEngine({ OPENAI_MODEL: "gpt-4.1-mini" }).engine };
  });

  async function text(from: string, body: string, options: { now?: Date; params?: Record<string, string>; lockWaitMs?: number } = {}) {
    const response = await handleSmsWebhook(
      { ...ctx, now: options.now ?? NOW, ...(options.lockWaitMs !== undefined ? { lockWaitMs: options.lockWaitMs } : {}) },
      signedRequest(options.params ?? smsParams(from, body)),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/text\/xml/);
    return readSmsReply(await response.text());
  }

  async function snapshotOf(phone: string): Promise<SessionSnapshot> {
    const row = await db().prisma.smsConversation.findUniqueOrThrow({ where: { businessId_phone: { businessId, phone } } });
    return row.snapshot as unknown as SessionSnapshot;
  }
  const callerTexts = (s: SessionSnapshot) => s.state.history.filter((h) => h.kind === "caller").map((h) => h.text);

  it("books a real appointment over three separate texts", async () => {
    const phone = newPhone();
    const first = await text(phone, "hi, I need a mens haircut tomorrow at 3");
    expect(first).toMatch(/name/i);
    const second = await text(phone, "Sam Rivera");
    expect(second).toMatch(/men's haircut .*November 25 at 3 PM/i);
    // "yes" is also one of Twilio's opt-in keywords; from a phone that never opted out it is an answer.
    const third = await text(phone, "yes");
    expect(third).toMatch(/booked/i);

    const appointments = await db().prisma.appointment.findMany({
      where: { businessId, customer: { phone } },
      select: { status: true, channel: true, startsAt: true, service: { select: { name: true } }, customer: { select: { name: true } } },
    });
    expect(appointments).toEqual([
      { status: "booked", channel: "sms", startsAt: new Date("2026-11-25T20:00:00Z"), service: { name: "Men's haircut" }, customer: { name: "Sam Rivera" } },
    ]);
    const snapshot = await snapshotOf(phone);
    expect(callerTexts(snapshot)).toEqual(["hi, I need a mens haircut tomorrow at 3", "Sam Rivera", "yes"]);
    expect(snapshot.state.channel).toBe("sms");
    const received = await db().prisma.inboundSms.findMany({ where: { businessId, fromNumber: phone }, orderBy: { id: "asc" }, select: { handling: true, reply: true } });
    expect(received.map((r) => r.handling)).toEqual(["agent", "agent", "agent"]);
    expect(received.map((r) => r.reply)).toEqual([first, second, third]);
  });

  it("answers a retried MessageSid with the same reply without running the agent again", async () => {
    const phone = newPhone();
    const params = smsParams(phone, "what are your hours on saturday?");
    const first = await text(phone, "", { params });
    const again = await text(phone, "", { params });
    expect(first).toBeTruthy();
    expect(again).toBe(first);
    // Twilio retrying while the first attempt is still being answered.
    const racing = smsParams(phone, "how much is a blow-dry?");
    const [a, b] = await Promise.all([text(phone, "", { params: racing }), text(phone, "", { params: racing })]);
    expect(a).toBe(b);
    expect(callerTexts(await snapshotOf(phone))).toEqual(["what are your hours on saturday?", "how much is a blow-dry?"]);
    expect(await db().prisma.inboundSms.count({ where: { messageSid: { in: [params.MessageSid!, racing.MessageSid!] } } })).toBe(2);
  });

  it("answers two texts that arrive together one after the other, keeping both in the conversation", async () => {
    const phone = newPhone();
    await text(phone, "hello");
    await Promise.all([text(phone, "what are your hours?"), text(phone, "where are you located?")]);
    const snapshot = await snapshotOf(phone);
    expect(callerTexts(snapshot).slice(0, 1)).toEqual(["hello"]);
    expect(callerTexts(snapshot).slice(1).sort()).toEqual(["what are your hours?", "where are you located?"]);
    expect(snapshot.counters.callerTurns).toBe(3);
    const row = await db().prisma.smsConversation.findUniqueOrThrow({ where: { businessId_phone: { businessId, phone } } });
    expect([row.lockToken, row.lockedUntil]).toEqual([null, null]);
  });

  it("tells a texter to resend when an earlier text is still being answered, and records nothing", async () => {
    const phone = newPhone();
    await text(phone, "hello");
    const held = (await lockSmsConversation(db().prisma, { businessId, phone }, { now: NOW }))!;
    const params = smsParams(phone, "what are your hours?");
    expect(await text(phone, "", { params, lockWaitMs: 150 })).toBe(SMS_BUSY);
    expect(await db().prisma.inboundSms.count({ where: { messageSid: params.MessageSid! } })).toBe(0);
    await unlockSmsConversation(db().prisma, held);
    expect(await text(phone, "", { params })).not.toBe(SMS_BUSY);
    expect(callerTexts(await snapshotOf(phone))).toEqual(["hello", "what are your hours?"]);
  });

  it("keeps the conversation through a quiet day and starts a new one after 24 hours without a text", async () => {
    const phone = newPhone();
    await text(phone, "hi, I need a mens haircut tomorrow at 3");
    const first = await snapshotOf(phone);
    await text(phone, "what are your hours?", { now: new Date(NOW.getTime() + 23 * HOUR) });
    const continued = await snapshotOf(phone);
    expect(continued.state.sessionId).toBe(first.state.sessionId);
    expect(callerTexts(continued)).toHaveLength(2);

    const later = new Date(NOW.getTime() + 23 * HOUR + 25 * HOUR);
    await text(phone, "hello again", { now: later });
    const fresh = await snapshotOf(phone);
    expect(fresh.state.sessionId).not.toBe(first.state.sessionId);
    expect(callerTexts(fresh)).toEqual(["hello again"]);
    const row = await db().prisma.smsConversation.findUniqueOrThrow({ where: { businessId_phone: { businessId, phone } } });
    expect(row).toMatchObject({ startedAt: later, lastMessageAt: later, expiresAt: new Date(later.getTime() + 24 * HOUR) });
  });
});
