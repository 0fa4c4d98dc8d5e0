// Whole phone calls on the keypad (the default without speech-to-text): the call simulator plays
// Twilio against the real worker and webhooks, on a real database. Calls run at real time, so the
// tests of one database run concurrently; keys are pressed 0.8 s into each prompt (barge-in).
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bookAppointment } from "../../server/scheduling/book-appointment";
import { parseWav } from "../../voice-worker/src/media-stream/wav";
import { mulawFrameDbfs } from "../../voice-worker/src/pipeline/vad";
import { engines } from "../helpers/test-database";
import { agentText, startVoiceHarness, type VoiceHarness } from "./support/voice-harness";

const CALL_TIMEOUT = 150_000;
const early = true;

function audible(audio: Uint8Array): boolean {
  let voiced = 0;
  for (let i = 0; i + 160 <= audio.length; i += 160) if (mulawFrameDbfs(audio.subarray(i, i + 160)) > -40) voiced++;
  return voiced > 50;
}

describe.each(engines)("keypad calls on %s", (engine) => {
  let h: VoiceHarness;
  beforeAll(async () => {
    h = await startVoiceHarness({ engine });
  });
  afterAll(async () => h?.close());

  const service = (name: string) => h.database.prisma.service.findFirstOrThrow({ where: { businessId: h.businessId, name }, select: { id: true } });
  const appointmentsOf = (phone: string) => h.database.prisma.appointment.findMany({ where: { businessId: h.businessId, customer: { phone } }, select: { id: true, status: true, startsAt: true, channel: true, serviceId: true } });

  describe.concurrent("", () => {
    it("books the next available time with the keypad, greeting within a second", async () => {
      const from = "+15555550201";
      const call = await h.call([{ dtmf: "1", early }, { dtmf: "2", early }, { dtmf: "1", early }, { dtmf: "1", early }], { from });
      expect(call.errors).toEqual([]);
      expect(call.greetingLatencyMs).toBeLessThan(1000);
      expect(call.summary?.latency[0]).toMatchObject({ input: "greeting" });
      expect(call.summary!.latency[0]!.totalMs).toBeLessThan(1000);
      expect(call.clearsReceived).toBeGreaterThanOrEqual(3); // every early key press cut a prompt short
      expect(call.marksEchoed).toBeGreaterThan(0);
      expect(audible(call.agentAudio)).toBe(true);
      const [appointment, ...others] = await appointmentsOf(from);
      expect(others).toEqual([]);
      expect(appointment).toMatchObject({ status: "booked", channel: "phone", serviceId: (await service("Men's haircut")).id });
      expect(call.summary).toMatchObject({ outcome: "booked", status: "completed" });
      expect(agentText(call)).toMatch(/You're booked: Men's haircut with \w+/);
      const interrupted = call.summary!.transcript.filter((t) => t.interrupted);
      expect(interrupted.length).toBeGreaterThanOrEqual(3);
      expect(call.summary!.transcript.filter((t) => t.dtmf).map((t) => t.dtmf)).toEqual(["1", "2", "1", "1"]);
      expect(call.summary!.latency.filter((l) => l.input === "keypad")).toHaveLength(4);
    }, CALL_TIMEOUT);

    it("cancels the caller's next appointment after reading it back", async () => {
      const from = "+15555550202";
      const booked = await bookAppointment(
        h.database.prisma,
        { businessId: h.businessId, serviceId: (await service("Women's haircut")).id, startsAt: new Date("2026-11-26T15:00:00Z"), customer: { phone: from } },
        { actor: { type: "system", channel: "system" }, now: new Date("2026-11-24T14:00:00Z") },
      );
      // The read-back is heard in full before the caller presses 1: the transcript holds only what was heard.
      const call = await h.call([{ dtmf: "2", early }, { dtmf: "1" }, { dtmf: "1", early }], { from });
      expect(call.errors).toEqual([]);
      expect(agentText(call)).toContain("Your next appointment is Women's haircut");
      expect(agentText(call)).toContain("Thursday, November 26 at 10 AM");
      expect(await h.database.prisma.appointment.findUniqueOrThrow({ where: { id: booked.id } })).toMatchObject({ status: "cancelled" });
      expect(call.summary?.outcome).toBe("cancelled");
    }, CALL_TIMEOUT);

    it("refuses to cancel inside the cancellation window, says why, and keeps the appointment", async () => {
      const from = "+15555550203";
      const booked = await bookAppointment(
        h.database.prisma,
        { businessId: h.businessId, serviceId: (await service("Blow-dry")).id, startsAt: new Date("2026-11-24T20:00:00Z"), customer: { phone: from } },
        { actor: { type: "system", channel: "system" }, now: new Date("2026-11-24T14:00:00Z") },
      );
      const call = await h.call([{ dtmf: "2", early }, { dtmf: "1", early }, { dtmf: "1", early }], { from });
      expect(call.errors).toEqual([]);
      expect(agentText(call)).toContain("at least 24 hours ahead");
      expect(await h.database.prisma.appointment.findUniqueOrThrow({ where: { id: booked.id } })).toMatchObject({ status: "booked" });
    }, CALL_TIMEOUT);

    it("transfers to the business's number during opening hours (simulated without Twilio credentials)", async () => {
      const call = await h.call([{ dtmf: "0", early }], { from: "+15555550204", stayOnLine: true });
      expect(call.errors).toEqual([]);
      expect(call.endedBy).toBe("worker");
      expect(call.simulatedAction).toBe("simulated-transfer +15555550199");
      expect(call.summary).toMatchObject({ outcome: "transferred", summary: "Transfer to +15555550199 (simulated: no Twilio credentials)" });
      expect(agentText(call)).toContain("Please hold while I connect you.");
    }, CALL_TIMEOUT);

    it("takes a message: saves the caller's audio, stores it on the call and notifies the owner", async () => {
      const from = "+15555550205";
      const call = await h.call([{ dtmf: "3", early }, { say: "Hi, this is Sam. Please call me back about a color appointment." }, { dtmf: "#", now: true }], { from, stayOnLine: true });
      expect(call.errors).toEqual([]);
      expect(call.endedBy).toBe("worker");
      expect(call.summary?.outcome).toBe("message");
      expect(call.summary?.recordingUrl).toMatch(/^file:\/\/.*\/messages\/.*\.wav$/);
      const wav = parseWav(await readFile(fileURLToPath(call.summary!.recordingUrl!)));
      expect(wav.sampleRate).toBe(8000);
      expect(wav.samples.length / 8000).toBeGreaterThan(2);
      const note = await h.database.prisma.message.findFirst({ where: { businessId: h.businessId, kind: "call_message", body: { contains: from } } });
      expect(note).toMatchObject({ channel: "email", to: "hello@bloom.example", status: "queued" });
      expect(agentText(call)).toContain("Your message has been saved");
    }, CALL_TIMEOUT);

    it("leaves no booking when the caller hangs up before confirming", async () => {
      const from = "+15555550206";
      const call = await h.call([{ dtmf: "1", early }, { dtmf: "2", early }, { dtmf: "2", early }, { hangup: true, early }], { from });
      expect(call.endedBy).toBe("caller");
      expect(await appointmentsOf(from)).toEqual([]);
      expect(call.summary?.outcome).toBe("information");
      expect(call.summary?.status).toBe("completed");
    }, CALL_TIMEOUT);

    it("keeps a booking whole, and the call's outcome true, when the caller hangs up as they confirm", async () => {
      const from = "+15555550207";
      const call = await h.call([{ dtmf: "1", early }, { dtmf: "2", early }, { dtmf: "3", early }, { dtmf: "1", early }, { hangup: true, now: true }], { from });
      expect(call.endedBy).toBe("caller");
      const appointments = await appointmentsOf(from);
      expect(appointments.length).toBeLessThanOrEqual(1);
      if (appointments.length === 1) {
        expect(appointments[0]!.status).toBe("booked");
        expect(await h.database.prisma.auditLog.count({ where: { entityId: appointments[0]!.id, action: "appointment.book" } })).toBe(1);
        expect(call.summary?.outcome).toBe("booked");
      } else {
        expect(call.summary?.outcome).not.toBe("booked");
      }
    }, CALL_TIMEOUT);
  });
});

describe("keypad calls on a Monday (closed), with call recording on and a short idle limit", () => {
  let h: VoiceHarness;
  beforeAll(async () => {
    h = await startVoiceHarness({ engine: "pglite", now: () => new Date("2026-11-23T15:00:00Z"), session: { idleMs: 1500 } });
    await h.database.prisma.business.update({
      where: { id: h.businessId },
      data: { settings: { agent: { recordCalls: true, transferHours: "opening_hours" }, booking: { cancellationWindowHours: 24 } } },
    });
  });
  afterAll(async () => h?.close());

  describe.concurrent("", () => {
    it("takes a message instead of transferring outside opening hours, and announces the recording", async () => {
      const call = await h.call([{ dtmf: "0" }, { say: "It's Dana. Call me back please." }, { dtmf: "#", now: true }], { from: "+15555550301", stayOnLine: true });
      expect(call.errors).toEqual([]);
      expect(agentText(call)).toMatch(/^This call may be recorded\./);
      expect(agentText(call)).toContain("nobody is available to take your call right now");
      expect(call.summary?.outcome).toBe("message");
      expect(call.simulatedAction).toBe("simulated-hangup");
    }, CALL_TIMEOUT);

    it("re-prompts a silent caller, then says goodbye and hangs up; the recording is saved", async () => {
      const call = await h.call([], { from: "+15555550302", stayOnLine: true });
      expect(call.errors).toEqual([]);
      const said = agentText(call);
      expect(said).toContain("Are you still there?");
      expect(said).toContain("I haven't heard anything, so I'll end the call now.");
      expect(call.endedBy).toBe("worker");
      expect(call.summary?.outcome).toBe("abandoned");
      const wav = parseWav(await readFile(fileURLToPath(call.summary!.recordingUrl!)));
      expect(wav.channels).toBe(2);
      expect(wav.samples.length / 2 / 8000).toBeGreaterThan(10);
    }, CALL_TIMEOUT);
  });
});
