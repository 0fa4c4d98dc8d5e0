// The SMS webhook's edges and Twilio's keywords against a real database: STOP/START/HELP and what
// an opt-out does to the outbox, a number no business owns, bad signatures, bad forms, oversize
// texts, XML escaping, and the Next.js route handler itself with the development token.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "../../prisma/seed";
import { selectAgentEngine } from "../../server/agent/engines/select-engine";
import { storeCallMessage } from "../../server/calls/store-call-message";
import { developmentAuthToken } from "../../server/calls/webhook-auth-token";
import { registerProcessDatabase } from "../../server/db";
import { queueSms } from "../../server/sms/queue-sms";
import { handleSmsWebhook, type SmsWebhookContext } from "../../server/sms/sms-webhook";
import { UNKNOWN_NUMBER_SMS } from "../../server/sms/sms-replies";
import { engines, useTestDatabase } from "../helpers/test-database";
import { quietLog, readSmsReply, signedRequest, smsParams, SMS_URL, TOKEN, unsignedRequest } from "./support/sms-client";

const NOW = new Date("2026-11-24T14:00:00Z");

describe.each(engines)("the SMS webhook on %s", (engine) => {
  const db = useTestDatabase(engine);
  let ctx: SmsWebhookContext;
  let businessId: string;
  let phoneCounter = 0;
  const newPhone = () => `+1555555${(3000 + ++phoneCounter).toString()}`;

  beforeAll(async () => {
    businessId = (await seedDemo(db().prisma)).businessId;
    ctx = { db: db().prisma, authToken: TOKEN, now: NOW, log: quietLog, engine: selectAgentEngine({ OPENAI_MODEL: "gpt-4.1-mini" }).engine };
  });

  const post = (request: Request) => handleSmsWebhook(ctx, request);
  async function text(from: string, body: string, overrides: Record<string, string> = {}) {
    const response = await post(signedRequest(smsParams(from, body, overrides)));
    expect(response.status).toBe(200);
    return readSmsReply(await response.text());
  }
  const optedOut = async (phone: string) =>
    (await db().prisma.customer.findUnique({ where: { businessId_phone: { businessId, phone } }, select: { smsOptOut: true } }))?.smsOptOut ?? false;
  const writes = async () => Promise.all([db().prisma.inboundSms.count(), db().prisma.smsConversation.count(), db().prisma.customer.count(), db().prisma.message.count()]);

  it.each(["STOP", "stopall", " Unsubscribe ", "cancel", "END", "Quit"])("opts out on %j, answers nothing, then ignores that phone until START", async (keyword) => {
    const phone = newPhone();
    expect(await text(phone, "hello")).toBeTruthy();
    expect(await text(phone, keyword)).toBeNull();
    expect(await optedOut(phone)).toBe(true);
    expect(await text(phone, "what are your hours?")).toBeNull();
    expect(await queueSms(db().prisma, { businessId, to: phone, kind: "reminder", body: "See you tomorrow" })).toBeNull();

    expect(await text(phone, "start")).toMatch(/^Bloom Hair Studio: you will get our texts again/);
    expect(await optedOut(phone)).toBe(false);
    expect(await text(phone, "what are your hours?")).toMatch(/\d/);
    expect(await queueSms(db().prisma, { businessId, to: phone, kind: "reminder", body: "See you tomorrow" })).not.toBeNull();
    const handled = await db().prisma.inboundSms.findMany({ where: { businessId, fromNumber: phone }, orderBy: { receivedAt: "asc" }, select: { handling: true } });
    expect(handled.map((h) => h.handling).sort()).toEqual(["agent", "agent", "opt_in", "opt_out", "opted_out"].sort());
  });

  it("remembers a stranger's STOP before they ever booked, and YES or UNSTOP opts them back in", async () => {
    const phone = newPhone();
    expect(await text(phone, "STOP")).toBeNull();
    expect(await optedOut(phone)).toBe(true);
    expect(await text(phone, "YES")).toMatch(/you will get our texts again/);
    expect(await text(phone, "stop")).toBeNull();
    expect(await text(phone, "UNSTOP")).toMatch(/you will get our texts again/);
    expect(await optedOut(phone)).toBe(false);
  });

  it("treats a keyword inside a sentence as a message for the agent", async () => {
    const phone = newPhone();
    const reply = await text(phone, "cancel my appointment");
    expect(reply).toBeTruthy();
    expect(await optedOut(phone)).toBe(false);
    expect(await db().prisma.inboundSms.findFirst({ where: { fromNumber: phone }, select: { handling: true } })).toEqual({ handling: "agent" });
  });

  it.each(["HELP", "info"])("answers %j with the business's name and phone, opted out or not", async (keyword) => {
    const phone = newPhone();
    const help = await text(phone, keyword);
    expect(help).toContain("Bloom Hair Studio");
    expect(help).toContain("+15555550199");
    expect(help).toContain("STOP");
    await text(phone, "STOP");
    expect(await text(phone, keyword)).toBe(help);
  });

  it("does not queue a call-message text to a contact phone that opted out", async () => {
    // A business with no email and no owner, so the owner's notice goes to its contact phone by SMS.
    const shop = await db().prisma.business.create({
      data: { name: "Corner Shop", slug: `corner-${engine}`, timezone: "America/New_York", contactPhone: "+15555550401" },
      select: { id: true },
    });
    const leave = async (sid: string) => {
      const call = await db().prisma.call.create({ data: { businessId: shop.id, twilioCallSid: sid, fromNumber: "+15555550402", toNumber: "+15555550403" }, select: { id: true } });
      return storeCallMessage(db().prisma, { callId: call.id, text: "Please call me back" }, { now: NOW });
    };
    expect(await leave(`CA${"1".repeat(32)}`)).toEqual({ stored: true, notified: true });
    expect(await db().prisma.message.count({ where: { businessId: shop.id, channel: "sms", to: "+15555550401" } })).toBe(1);
    await db().prisma.customer.create({ data: { businessId: shop.id, phone: "+15555550401", smsOptOut: true } });
    expect(await leave(`CA${"2".repeat(32)}`)).toEqual({ stored: true, notified: false });
    expect(await db().prisma.message.count({ where: { businessId: shop.id, channel: "sms", to: "+15555550401" } })).toBe(1);
  });

  it("answers a text to a number no business owns politely, writing nothing", async () => {
    const before = await writes();
    expect(await text(newPhone(), "hello", { To: "+15555550999" })).toBe(UNKNOWN_NUMBER_SMS);
    expect(await writes()).toEqual(before);
  });

  it.each([
    ["no signature", (p: Record<string, string>) => unsignedRequest(p)],
    ["the wrong token", (p: Record<string, string>) => signedRequest(p, { token: "not-the-token" })],
    ["a tampered body", (p: Record<string, string>) => {
      const request = signedRequest(p);
      return new Request(SMS_URL, { method: "POST", headers: request.headers, body: new URLSearchParams({ ...p, Body: "STOP" }).toString() });
    }],
  ])("answers 403 and writes nothing for %s", async (_name, build) => {
    const before = await writes();
    const response = await post(build(smsParams(newPhone(), "book a haircut tomorrow at 3")));
    expect(response.status).toBe(403);
    expect(await writes()).toEqual(before);
  });

  it.each([["From"], ["Body"], ["MessageSid"], ["To"]])("answers 400 problem+json naming a missing %s", async (field) => {
    const params = smsParams(newPhone(), "hello");
    delete params[field];
    const before = await writes();
    const response = await post(signedRequest(params));
    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    const problem = (await response.json()) as { type: string; errors: Array<{ field: string }> };
    expect(problem.type).toBe("/api/v1/problems/invalid-request");
    expect(problem.errors.map((e) => e.field)).toEqual([field]);
    expect(await writes()).toEqual(before);
  });

  it("answers a text longer than 1600 characters, keeping the first 1600", async () => {
    const phone = newPhone();
    const long = `what are your hours? ${"really ".repeat(400)}`;
    expect(long.length).toBeGreaterThan(1600);
    expect(await text(phone, long)).toBeTruthy();
    const row = await db().prisma.inboundSms.findFirstOrThrow({ where: { fromNumber: phone } });
    expect(row.body).toBe(long.slice(0, 1600));
  });

  it("asks for words when a text has none (a picture alone)", async () => {
    expect(await text(newPhone(), "", { NumMedia: "1" })).toMatch(/can only read text/);
  });

  it("escapes the reply so a business name cannot break the TwiML", async () => {
    await db().prisma.business.create({
      data: { name: `Cut & <Dye> "Bar"`, slug: `cut-dye-${engine}`, timezone: "America/New_York", phoneNumbers: { create: { e164: "+15555550410" } } },
    });
    const response = await post(signedRequest(smsParams(newPhone(), "HELP", { To: "+15555550410" })));
    const xml = await response.text();
    expect(xml).toContain("Cut &amp; &lt;Dye&gt; &quot;Bar&quot;");
    expect(readSmsReply(xml)).toMatch(/^Cut & <Dye> "Bar": text us/);
    expect(readSmsReply(xml)).toContain("+15555550410");
  });
});

describe("the Next.js route handler POST /api/twilio/sms", () => {
  const db = useTestDatabase("pglite");
  const saved = { ...process.env };

  afterAll(() => {
    process.env = saved;
    delete (globalThis as Record<symbol, unknown>)[Symbol.for("appointment-scheduler.database")];
  });

  it("answers with TwiML, signed with the development token when Twilio is not configured", async () => {
    await seedDemo(db().prisma);
    const dataDir = mkdtempSync(path.join(tmpdir(), "sms-route-"));
    Object.assign(process.env, { DATA_DIR: dataDir, NEXTAUTH_SECRET: "a-long-enough-test-secret", LOG_LEVEL: "silent" });
    delete process.env.TWILIO_AUTH_TOKEN;
    delete process.env.PUBLIC_URL;
    delete process.env.OPENAI_API_KEY;
    registerProcessDatabase(db());
    const { POST } = await import("../../app/api/twilio/sms/route");
    const params = smsParams("+15555550142", "HELP");
    expect((await POST(unsignedRequest(params))).status).toBe(403);
    const response = await POST(signedRequest(params, { token: developmentAuthToken(dataDir) }));
    expect(response.status).toBe(200);
    expect(readSmsReply(await response.text())).toContain("Bloom Hair Studio");
  });
});
