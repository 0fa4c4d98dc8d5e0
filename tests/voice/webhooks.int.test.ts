// The Twilio webhooks (voice, status, recording) against a real database: what they answer, what
// they write, and that a request without a valid signature writes nothing. Also the stream token
// the voice webhook issues and the worker claims, and the Next.js route handler itself.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { getExpectedTwilioSignature } from "twilio/lib/webhooks/webhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "../../prisma/seed";
import { claimStreamToken } from "../../server/calls/claim-stream-token";
import { finishCall } from "../../server/calls/finish-call";
import { handleRecordingCallback } from "../../server/calls/recording-callback";
import { handleStatusCallback } from "../../server/calls/status-callback";
import { hashStreamToken } from "../../server/calls/stream-token";
import type { TwilioWebhookContext } from "../../server/calls/twilio-webhook-request";
import { handleVoiceWebhook, UNKNOWN_NUMBER_MESSAGE } from "../../server/calls/voice-webhook";
import { developmentAuthToken } from "../../server/calls/webhook-auth-token";
import { registerProcessDatabase } from "../../server/db";
import { readStreamTwiml, saidTexts } from "../../voice-worker/src/simulator/twiml-reader";
import { engines, useTestDatabase } from "../helpers/test-database";
import { quietLog } from "./support/voice-harness";

const TOKEN = "test-auth-token-0123456789";
const NOW = new Date("2026-11-24T14:00:00Z");
const DEMO = "+15555550100";
let sidCounter = 0;
const callSid = () => `CA${(++sidCounter).toString(16).padStart(32, "0")}`;

function signed(url: string, params: Record<string, string>, options: { token?: string; signFor?: string; headers?: Record<string, string> } = {}) {
  const signature = getExpectedTwilioSignature(options.token ?? TOKEN, options.signFor ?? url, params);
  return new Request(url, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", "x-twilio-signature": signature, host: new URL(url).host, ...options.headers },
    body: new URLSearchParams(params).toString(),
  });
}

describe.each(engines)("Twilio webhooks on %s", (engine) => {
  const db = useTestDatabase(engine);
  let ctx: TwilioWebhookContext;
  let businessId: string;

  beforeAll(async () => {
    businessId = (await seedDemo(db().prisma)).businessId;
    ctx = { db: db().prisma, authToken: TOKEN, streamUrl: "wss://voice.example.com/media-stream", now: NOW, log: quietLog };
  });

  const voiceParams = (sid: string, from = "+15555550142", to = DEMO) => ({ CallSid: sid, AccountSid: "AC" + "0".repeat(32), From: from, To: to, Caller: from, Called: to, CallStatus: "ringing", Direction: "inbound" });
  const VOICE_URL = "http://127.0.0.1:3000/api/twilio/voice";

  it("creates the call and connects it to the worker with a call id and a one-time token", async () => {
    const sid = callSid();
    const response = await handleVoiceWebhook(ctx, signed(VOICE_URL, voiceParams(sid)));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/text\/xml/);
    const body = await response.text();
    const stream = readStreamTwiml(body)!;
    expect(stream.url).toBe("wss://voice.example.com/media-stream");
    expect(Object.keys(stream.parameters).sort()).toEqual(["callId", "token"]);
    expect(stream.fallback).toContain("<Record");
    expect(stream.fallback).toContain(`callId=${stream.parameters.callId}`);
    const call = await db().prisma.call.findUniqueOrThrow({ where: { twilioCallSid: sid } });
    expect(call).toMatchObject({ id: stream.parameters.callId, businessId, status: "ringing", fromNumber: "+15555550142", toNumber: DEMO });
    expect(call.streamTokenHash).toBe(hashStreamToken(stream.parameters.token!));
    expect(call.streamTokenHash).not.toContain(stream.parameters.token!);
    expect(call.streamTokenExpires!.getTime()).toBeGreaterThan(NOW.getTime());
  });

  it("recognises a known customer by caller ID", async () => {
    const customer = await db().prisma.customer.create({ data: { businessId, phone: "+15555550777", name: "Rita" }, select: { id: true } });
    const sid = callSid();
    await handleVoiceWebhook(ctx, signed(VOICE_URL, voiceParams(sid, "+15555550777")));
    expect((await db().prisma.call.findUniqueOrThrow({ where: { twilioCallSid: sid } })).customerId).toBe(customer.id);
  });

  it("says a polite message and hangs up for a number no business owns, writing nothing", async () => {
    const before = await db().prisma.call.count();
    const response = await handleVoiceWebhook(ctx, signed(VOICE_URL, voiceParams(callSid(), "+15555550142", "+15555550999")));
    const body = await response.text();
    expect(saidTexts(body)).toEqual([UNKNOWN_NUMBER_MESSAGE]);
    expect(body).toContain("<Hangup/>");
    expect(body).not.toContain("<Connect>");
    expect(await db().prisma.call.count()).toBe(before);
  });

  it.each([
    ["no signature", (url: string, p: Record<string, string>) => new Request(url, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams(p).toString() })],
    ["the wrong token", (url: string, p: Record<string, string>) => signed(url, p, { token: "not-the-token" })],
    ["a signature for another URL", (url: string, p: Record<string, string>) => signed(url, p, { signFor: "https://elsewhere.example/api/twilio/voice" })],
    ["a tampered parameter", (url: string, p: Record<string, string>) => {
      const request = signed(url, p);
      return new Request(url, { method: "POST", headers: request.headers, body: new URLSearchParams({ ...p, From: "+15555550000" }).toString() });
    }],
  ])("answers 403 and writes nothing for %s", async (_name, build) => {
    const before = await db().prisma.call.count();
    const response = await handleVoiceWebhook(ctx, build(VOICE_URL, voiceParams(callSid())));
    expect(response.status).toBe(403);
    expect(await db().prisma.call.count()).toBe(before);
  });

  it("verifies against PUBLIC_URL behind a proxy", async () => {
    const sid = callSid();
    const publicCtx = { ...ctx, publicUrl: "https://book.example.com" };
    const internal = "http://10.1.2.3:3000/api/twilio/voice";
    const ok = await handleVoiceWebhook(publicCtx, signed(internal, voiceParams(sid), { signFor: "https://book.example.com/api/twilio/voice" }));
    expect(ok.status).toBe(200);
    const refused = await handleVoiceWebhook(publicCtx, signed(internal, voiceParams(callSid())));
    expect(refused.status).toBe(403);
  });

  it("reuses the call on a retried webhook and replaces its token", async () => {
    const sid = callSid();
    const first = readStreamTwiml(await (await handleVoiceWebhook(ctx, signed(VOICE_URL, voiceParams(sid)))).text())!;
    const second = readStreamTwiml(await (await handleVoiceWebhook(ctx, signed(VOICE_URL, voiceParams(sid)))).text())!;
    expect(second.parameters.callId).toBe(first.parameters.callId);
    expect(second.parameters.token).not.toBe(first.parameters.token);
    const claim = (token: string) => claimStreamToken(db().prisma, { callId: first.parameters.callId!, callSid: sid, token }, { now: NOW });
    expect(await claim(first.parameters.token!)).toBeNull();
    expect(await claim(second.parameters.token!)).not.toBeNull();
  });

  it("lets a stream token be claimed once, for its own call and CallSid, before it expires", async () => {
    const sid = callSid();
    const { callId, token } = readStreamTwiml(await (await handleVoiceWebhook(ctx, signed(VOICE_URL, voiceParams(sid)))).text())!.parameters as { callId: string; token: string };
    const claim = (input: { callId?: string; callSid?: string; token?: string }, now = NOW) =>
      claimStreamToken(db().prisma, { callId, callSid: sid, token, ...input }, { now });
    expect(await claim({ callSid: callSid() })).toBeNull();
    expect(await claim({ token: `${token}x` })).toBeNull();
    expect(await claim({}, new Date(NOW.getTime() + 3 * 60_000))).toBeNull();
    const claimed = await claim({});
    expect(claimed).toMatchObject({ id: callId, businessId, fromNumber: "+15555550142", business: { name: "Bloom Hair Studio", timezone: "America/New_York" } });
    expect(await claim({})).toBeNull();
    const row = await db().prisma.call.findUniqueOrThrow({ where: { id: callId } });
    expect(row).toMatchObject({ status: "in_progress", streamTokenHash: null, streamTokenExpires: null });
  });

  describe("status callback", () => {
    const STATUS_URL = "http://127.0.0.1:3000/api/twilio/status";

    it("records the end of a call with its duration", async () => {
      const sid = callSid();
      await handleVoiceWebhook(ctx, signed(VOICE_URL, voiceParams(sid)));
      const response = await handleStatusCallback(ctx, signed(STATUS_URL, { CallSid: sid, CallStatus: "completed", CallDuration: "42" }));
      expect(response.status).toBe(200);
      expect(await db().prisma.call.findUniqueOrThrow({ where: { twilioCallSid: sid } })).toMatchObject({ status: "completed", durationSeconds: 42, endedAt: NOW });
    });

    it("marks a call that never connected as failed", async () => {
      const sid = callSid();
      await handleVoiceWebhook(ctx, signed(VOICE_URL, voiceParams(sid)));
      await handleStatusCallback(ctx, signed(STATUS_URL, { CallSid: sid, CallStatus: "no-answer" }));
      expect(await db().prisma.call.findUniqueOrThrow({ where: { twilioCallSid: sid } })).toMatchObject({ status: "no_answer", outcome: "failed" });
    });

    it("never undoes the worker's outcome when the completed callback races the end of the stream", async () => {
      // Ten rounds of both writers at once: before the row lock, the callback could read the Call
      // before the worker wrote "booked" and write back the empty outcome it had read.
      for (let round = 0; round < 10; round++) {
        const sid = callSid();
        await handleVoiceWebhook(ctx, signed(VOICE_URL, voiceParams(sid)));
        const { id } = await db().prisma.call.findUniqueOrThrow({ where: { twilioCallSid: sid }, select: { id: true } });
        const usage = { sttSeconds: 0, ttsCharacters: 0, callSeconds: 30 };
        const [callback] = await Promise.all([
          handleStatusCallback(ctx, signed(STATUS_URL, { CallSid: sid, CallStatus: "completed", CallDuration: "30" })),
          finishCall(db().prisma, { callId: id, outcome: "booked", usage, estimatedCostMicros: 1200 }, { now: NOW }),
        ]);
        expect(callback.status).toBe(200);
        expect(await db().prisma.call.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "completed", outcome: "booked", estimatedCostMicros: 1200 });
      }
    });

    it("refuses an unsigned callback", async () => {
      const sid = callSid();
      await handleVoiceWebhook(ctx, signed(VOICE_URL, voiceParams(sid)));
      const response = await handleStatusCallback(ctx, signed(STATUS_URL, { CallSid: sid, CallStatus: "completed" }, { token: "wrong" }));
      expect(response.status).toBe(403);
      expect((await db().prisma.call.findUniqueOrThrow({ where: { twilioCallSid: sid } })).status).toBe("ringing");
    });
  });

  describe("recording callback", () => {
    async function newCall() {
      const sid = callSid();
      const { callId } = readStreamTwiml(await (await handleVoiceWebhook(ctx, signed(VOICE_URL, voiceParams(sid)))).text())!.parameters as { callId: string };
      return { sid, callId, url: `http://127.0.0.1:3000/api/twilio/recording?callId=${callId}&kind=message` };
    }

    it("stores a message, notifies the owner once, and says goodbye", async () => {
      const { sid, callId, url } = await newCall();
      const params = { CallSid: sid, RecordingUrl: "https://api.twilio.com/2010-04-01/Accounts/AC/Recordings/RE1", RecordingDuration: "7", RecordingSid: "RE1" };
      const response = await handleRecordingCallback(ctx, signed(url, params));
      const body = await response.text();
      expect(body).toContain("Your message has been saved");
      expect(body).toContain("<Hangup/>");
      expect(await db().prisma.call.findUniqueOrThrow({ where: { id: callId } })).toMatchObject({ outcome: "message", recordingUrl: params.RecordingUrl });
      const notes = await db().prisma.message.findMany({ where: { businessId, kind: "call_message", body: { contains: params.RecordingUrl } } });
      expect(notes).toHaveLength(1);
      expect(notes[0]).toMatchObject({ channel: "email", to: "hello@bloom.example", status: "queued" });
      await handleRecordingCallback(ctx, signed(url, params));
      expect(await db().prisma.message.count({ where: { businessId, kind: "call_message", body: { contains: params.RecordingUrl } } })).toBe(1);
    });

    it("writes nothing when the signed CallSid belongs to another call", async () => {
      const { callId, url } = await newCall();
      await handleRecordingCallback(ctx, signed(url, { CallSid: callSid(), RecordingUrl: "https://x/RE2", RecordingDuration: "3" }));
      expect(await db().prisma.call.findUniqueOrThrow({ where: { id: callId } })).toMatchObject({ outcome: null, recordingUrl: null });
    });

    it("stores the URL of a whole-call recording", async () => {
      const { sid, callId } = await newCall();
      const url = `http://127.0.0.1:3000/api/twilio/recording?callId=${callId}&kind=call`;
      await handleRecordingCallback(ctx, signed(url, { CallSid: sid, RecordingUrl: "https://x/RE3", RecordingStatus: "completed" }));
      expect(await db().prisma.call.findUniqueOrThrow({ where: { id: callId } })).toMatchObject({ outcome: null, recordingUrl: "https://x/RE3" });
    });
  });
});

describe("the Next.js route handler POST /api/twilio/voice", () => {
  const db = useTestDatabase("pglite");
  const saved = { ...process.env };

  afterAll(() => {
    process.env = saved;
    delete (globalThis as Record<symbol, unknown>)[Symbol.for("appointment-scheduler.database")];
  });

  it("answers with TwiML, signed with the development token when Twilio is not configured", async () => {
    await seedDemo(db().prisma);
    const dataDir = mkdtempSync(path.join(tmpdir(), "voice-route-"));
    Object.assign(process.env, { DATA_DIR: dataDir, NEXTAUTH_SECRET: "a-long-enough-test-secret", VOICE_WORKER_PUBLIC_URL: "wss://voice.example.com", LOG_LEVEL: "silent" });
    delete process.env.TWILIO_AUTH_TOKEN;
    delete process.env.PUBLIC_URL;
    registerProcessDatabase(db());
    const { POST } = await import("../../app/api/twilio/voice/route");
    const url = "http://127.0.0.1:3000/api/twilio/voice";
    const params = { CallSid: callSid(), From: "+15555550142", To: DEMO };
    const unsigned = await POST(new Request(url, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded", host: "127.0.0.1:3000" }, body: new URLSearchParams(params).toString() }));
    expect(unsigned.status).toBe(403);
    const response = await POST(signed(url, params, { token: developmentAuthToken(dataDir) }));
    expect(response.status).toBe(200);
    expect(readStreamTwiml(await response.text())?.url).toBe("wss://voice.example.com/media-stream");
  });
});
