// Hostile and broken input on the Media Streams socket: the worker logs it, drops it, carries on
// with the call (or ends it politely), writes nothing half-done, and never crashes.
import WebSocket from "ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readStreamTwiml } from "../../voice-worker/src/simulator/twiml-reader";
import { postSignedForm } from "../../voice-worker/src/simulator/twilio-signing";
import { randomCallSid } from "../../voice-worker/src/simulator/call-simulator";
import { engines } from "../helpers/test-database";
import { agentText, CALLER, DEMO_NUMBER, startVoiceHarness, type VoiceHarness } from "./support/voice-harness";

const CALL_TIMEOUT = 120_000;
const STREAM_SID = "MZ00000000000000000000000000000000";

async function openStream(h: VoiceHarness) {
  const callSid = randomCallSid();
  const response = await postSignedForm(`${h.web.url}/api/twilio/voice`, { CallSid: callSid, From: CALLER, To: DEMO_NUMBER }, h.authToken);
  const stream = readStreamTwiml(await response.text())!;
  const socket = new WebSocket(stream.url);
  const received: Array<Record<string, unknown>> = [];
  const closed = new Promise<{ code: number; reason: string }>((resolve) => socket.on("close", (code, reason) => resolve({ code, reason: reason.toString() })));
  socket.on("message", (data) => received.push(JSON.parse(data.toString())));
  await new Promise((resolve) => socket.once("open", resolve));
  const start = (token = stream.parameters.token!) =>
    socket.send(
      JSON.stringify({
        event: "start",
        sequenceNumber: "1",
        streamSid: STREAM_SID,
        start: { streamSid: STREAM_SID, accountSid: "AC" + "0".repeat(32), callSid, tracks: ["inbound"], customParameters: { callId: stream.parameters.callId!, token }, mediaFormat: { encoding: "audio/x-mulaw", sampleRate: 8000, channels: 1 } },
      }),
    );
  const media = (payload = Buffer.alloc(160, 0xff).toString("base64")) =>
    socket.send(JSON.stringify({ event: "media", sequenceNumber: "2", streamSid: STREAM_SID, media: { track: "inbound", chunk: "1", timestamp: "20", payload } }));
  return { socket, received, closed, start, media, callId: stream.parameters.callId!, token: stream.parameters.token!, callSid, url: stream.url };
}

const until = async (check: () => boolean, ms = 5000) => {
  const end = Date.now() + ms;
  while (!check() && Date.now() < end) await new Promise((resolve) => setTimeout(resolve, 20));
  return check();
};

describe.each(engines)("bad input on the media stream, on %s", (engine) => {
  let h: VoiceHarness;
  beforeAll(async () => {
    h = await startVoiceHarness({ engine, streamStartTimeoutMs: 700 });
  });
  afterAll(async () => h?.close());

  describe.concurrent("", () => {
    it("drops malformed JSON, binary, unknown, oversize and mistyped frames and carries on with the call", async () => {
      const call = await h.call([{ dtmf: "2", early: true }], {
        from: "+15555550601",
        onSocket: (socket, streamSid) => {
          socket.send('{"event":"media",');
          socket.send(Buffer.from([1, 2, 3]), { binary: true });
          socket.send(JSON.stringify({ event: "clear", streamSid }));
          socket.send(JSON.stringify({ event: "mark", sequenceNumber: "9", streamSid, mark: { name: "x".repeat(70_000) } }));
          socket.send(JSON.stringify({ event: "media", sequenceNumber: "9", streamSid, media: { track: "inbound", chunk: "1", timestamp: "1", payload: "not base64!" } }));
          socket.send(JSON.stringify({ event: "media", sequenceNumber: "9", streamSid, media: { track: "inbound", chunk: "1", timestamp: "1", payload: Buffer.alloc(4000).toString("base64") } }));
          socket.send(JSON.stringify({ event: "dtmf", sequenceNumber: "9", streamSid, dtmf: { track: "inbound_track", digit: "12" } }));
          socket.send("[1,2,3]");
        },
      });
      expect(call.errors).toEqual([]);
      expect(agentText(call)).toContain("I couldn't find an upcoming appointment");
      const rejected = h.worker.metrics.snapshot().rejectedFrames;
      for (const reason of ["malformed-json", "binary-frame", "unknown-event", "oversize-frame", "invalid-base64", "implausible-media-size", "schema-mismatch"]) {
        expect(rejected[reason]).toBeGreaterThanOrEqual(1);
      }
    }, CALL_TIMEOUT);

    it("ignores media and keys sent before start, then runs the call normally", async () => {
      const s = await openStream(h);
      s.media();
      s.media();
      s.socket.send(JSON.stringify({ event: "dtmf", sequenceNumber: "3", streamSid: STREAM_SID, dtmf: { track: "inbound_track", digit: "0" } }));
      s.start();
      expect(await until(() => s.received.some((m) => m.event === "media"))).toBe(true);
      const rejected = h.worker.metrics.snapshot().rejectedFrames;
      expect(rejected["media-before-start"]).toBeGreaterThanOrEqual(2);
      expect(rejected["dtmf-before-start"]).toBeGreaterThanOrEqual(1);
      s.socket.close();
      await s.closed;
    });

    it("refuses a wrong token without touching the call, and a token used twice", async () => {
      const s = await openStream(h);
      s.start("not-the-token");
      expect(await s.closed).toEqual({ code: 1008, reason: "invalid stream token" });
      expect(s.received).toEqual([]);
      const row = await h.database.prisma.call.findUniqueOrThrow({ where: { id: s.callId } });
      expect(row).toMatchObject({ status: "ringing", answeredAt: null });
      expect(row.streamTokenHash).not.toBeNull();

      // The real token still works once…
      const again = new WebSocket(s.url);
      await new Promise((resolve) => again.once("open", resolve));
      const first: unknown[] = [];
      again.on("message", (d) => first.push(d));
      const startMessage = JSON.stringify({
        event: "start",
        sequenceNumber: "1",
        streamSid: STREAM_SID,
        start: { streamSid: STREAM_SID, accountSid: "AC" + "0".repeat(32), callSid: s.callSid, tracks: ["inbound"], customParameters: { callId: s.callId, token: s.token }, mediaFormat: { encoding: "audio/x-mulaw", sampleRate: 8000, channels: 1 } },
      });
      again.send(startMessage);
      expect(await until(() => first.length > 0)).toBe(true);
      // …and never twice.
      const replay = new WebSocket(s.url);
      const replayClosed = new Promise<number>((resolve) => replay.on("close", (code) => resolve(code)));
      await new Promise((resolve) => replay.once("open", resolve));
      replay.send(startMessage);
      expect(await replayClosed).toBe(1008);
      again.close();
    });

    it("closes a socket that never starts", async () => {
      const s = await openStream(h);
      s.media();
      expect((await s.closed).code).toBe(1008);
    });

    it("survives a frame larger than the socket allows, ending only that call", async () => {
      const s = await openStream(h);
      s.start();
      await until(() => s.received.length > 0);
      s.socket.send("x".repeat(2 * 1024 * 1024));
      expect((await s.closed).code).toBe(1009);
      // Only this call ended, with its record written; the worker serves on.
      let row = await h.database.prisma.call.findUniqueOrThrow({ where: { id: s.callId } });
      for (let i = 0; i < 50 && !row.endedAt; i++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        row = await h.database.prisma.call.findUniqueOrThrow({ where: { id: s.callId } });
      }
      expect(row).toMatchObject({ status: "completed", outcome: "abandoned" });
      expect((await fetch(`${h.workerUrl}/healthz`)).status).toBe(200);
    });
  });
});

describe("a stream that never stops", () => {
  let h: VoiceHarness;
  beforeAll(async () => {
    h = await startVoiceHarness({ engine: "pglite", session: { maxCallMs: 5000 } });
  });
  afterAll(async () => h?.close());

  it("is ended politely at the maximum call length", async () => {
    const call = await h.call([], { stayOnLine: true, from: "+15555550701" });
    expect(call.errors).toEqual([]);
    expect(call.endedBy).toBe("worker");
    expect(call.simulatedAction).toBe("simulated-hangup");
    expect(agentText(call)).toContain("we've reached the time limit for this call");
    expect(call.summary?.status).toBe("completed");
    expect(call.summary!.durationSeconds!).toBeLessThan(20);
  }, CALL_TIMEOUT);
});
