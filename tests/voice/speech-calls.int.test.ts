// Calls where the caller talks. Speech-to-text is the labelled TEST DOUBLE (it returns the known
// text of each utterance the simulator registered; there is no offline speech recognition here);
// everything else is real: espeak-ng audio from the simulated caller, the VAD on that audio,
// endpointing, barge-in with `clear` and mark bookkeeping, the conversation, bookings, espeak-ng
// replies. Also the CallConversation seam with a scripted stand-in for the agent, and the
// fallbacks to the keypad when speech-to-text or the conversation fails.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ReplyChannel, type CallConversation } from "../../voice-worker/src/conversation";
import type { SpeechToText } from "../../voice-worker/src/providers/stt/speech-to-text";
import { engines } from "../helpers/test-database";
import { agentText, startVoiceHarness, type VoiceHarness } from "./support/voice-harness";

const CALL_TIMEOUT = 150_000;
const early = true;
const GREETING = "Thanks for calling Bloom Hair Studio. To book an appointment, press 1.";

describe.each(engines)("speech calls with the speech-to-text test double, on the keypad menu, on %s", (engine) => {
  let h: VoiceHarness;
  beforeAll(async () => {
    h = await startVoiceHarness({ engine, speech: true });
  });
  afterAll(async () => h?.close());

  describe.concurrent("", () => {
    it("books by voice, interrupting the greeting (barge-in keeps only what was heard)", async () => {
      const from = "+15555550401";
      const call = await h.call(
        [{ say: "I'd like to book an appointment", early }, { say: "Two", early }, { say: "One", early }, { say: "Yes please" }],
        { from, earlyAfterMs: 2500 },
      );
      expect(call.errors).toEqual([]);
      const transcript = call.summary!.transcript;
      expect(transcript.filter((t) => t.speaker === "caller").map((t) => t.text)).toEqual(["I'd like to book an appointment", "Two", "One", "Yes please"]);
      const greeting = transcript.find((t) => t.speaker === "agent")!;
      expect(greeting.interrupted).toBe(true);
      expect(GREETING.startsWith(greeting.text)).toBe(true);
      expect(greeting.text.length).toBeLessThan(GREETING.length);
      expect(call.clearsReceived).toBeGreaterThanOrEqual(1);
      expect(call.summary?.outcome).toBe("booked");
      const speechTurns = call.summary!.latency.filter((l) => l.input === "speech");
      expect(speechTurns).toHaveLength(4);
      for (const l of speechTurns) {
        expect(l.endpointingMs).toBeGreaterThanOrEqual(200);
        expect(l.workerOverheadMs).toBeLessThan(100);
      }
      const booked = await h.database.prisma.appointment.count({ where: { customer: { phone: from }, status: "booked" } });
      expect(booked).toBe(1);
    }, CALL_TIMEOUT);

    it("takes a spoken message and stores its transcription", async () => {
      const from = "+15555550402";
      const message = "Hello, this is Priya. Could someone call me back about highlights?";
      const call = await h.call([{ say: "I want to leave a message", early }, { say: message }, { dtmf: "#", now: true }], { from, stayOnLine: true, earlyAfterMs: 2500 });
      expect(call.errors).toEqual([]);
      expect(call.summary).toMatchObject({ outcome: "message", messageText: message });
      expect(call.summary?.usage).toMatchObject({ sttModel: "test-double" });
      const note = await h.database.prisma.message.findFirst({ where: { kind: "call_message", body: { contains: from } } });
      expect(note?.body).toContain(message);
    }, CALL_TIMEOUT);

    it("ends cleanly when the caller hangs up mid-sentence", async () => {
      const call = await h.call([{ say: "I would like to book a haircut for next Thursday afternoon please", hangUpAfterMs: 900, early }], { from: "+15555550403", earlyAfterMs: 1500 });
      expect(call.endedBy).toBe("caller");
      expect(call.summary).toMatchObject({ status: "completed", outcome: "abandoned" });
      expect(call.summary!.transcript.filter((t) => t.speaker === "caller")).toEqual([]);
      expect((await fetch(`${h.workerUrl}/healthz`)).status).toBe(200);
    }, CALL_TIMEOUT);
  });
});

describe("speech-to-text failing mid-call", () => {
  let h: VoiceHarness;
  const failing: SpeechToText = {
    model: "failing",
    description: "always fails",
    openSession: () => ({
      transcribe: async () => {
        throw new Error("provider unavailable");
      },
      audioSeconds: 0,
      requests: 0,
      close: () => undefined,
    }),
  };
  beforeAll(async () => {
    h = await startVoiceHarness({ engine: "pglite", speech: true, providers: { stt: failing } });
  });
  afterAll(async () => h?.close());

  it("falls back to the keypad menu, which then works", async () => {
    const call = await h.call([{ say: "Hello, I need some help", early }, { dtmf: "2", early }], { from: "+15555550404", earlyAfterMs: 2500 });
    expect(call.errors).toEqual([]);
    const said = call.summary!.transcript.filter((t) => t.speaker === "agent").map((t) => t.text || t.heardEstimate).join(" ");
    expect(said).toContain("Sorry, I'm having trouble hearing you.");
    expect(agentText(call)).toContain("I couldn't find an upcoming appointment");
  }, CALL_TIMEOUT);
});

describe("the CallConversation seam, with a scripted conversation standing in for the agent", () => {
  let h: VoiceHarness;
  const played: Array<{ heardText: string; fullText: string; interrupted: boolean }> = [];
  const LONG = "Here is a long answer. It has several sentences. Each one becomes its own segment with a mark. The caller will interrupt somewhere in the middle. Nobody should believe the rest was heard.";

  function scripted(): CallConversation {
    return {
      start: async () => "Hi, this is the test agent.",
      onCallerTurn(text) {
        const channel = new ReplyChannel();
        void (async () => {
          if (text.includes("crash")) return channel.fail(new Error("the model fell over"));
          if (text.includes("slow")) {
            channel.push({ type: "tool-start", name: "check_availability" });
            await new Promise((resolve) => setTimeout(resolve, 1500));
            channel.push({ type: "text", delta: "Found it. " });
            channel.push({ type: "text", delta: "You're all set." });
            channel.push({ type: "usage", model: "gpt-4.1-mini", inputTokens: 1000, outputTokens: 100 });
            return channel.finish();
          }
          if (text.includes("long")) {
            for (const word of LONG.split(" ")) channel.push({ type: "text", delta: `${word} ` });
            return channel.finish();
          }
          channel.push({ type: "text", delta: "Goodbye!" });
          channel.finish({ kind: "hangup" });
        })();
        return channel.stream;
      },
      onDigit: () => null,
      notePlayed: (p) => void played.push(p),
    };
  }

  beforeAll(async () => {
    h = await startVoiceHarness({ engine: "pglite", speech: true, conversationFactory: scripted, session: { fillerDelayMs: 200 } });
  });
  afterAll(async () => h?.close());

  describe.concurrent("", () => {
    it("says a filler while a tool runs, streams the reply sentence by sentence, and bills the tokens", async () => {
      const call = await h.call([{ say: "Please do the slow thing" }, { say: "bye now" }], { from: "+15555550501", stayOnLine: true });
      expect(call.errors).toEqual([]);
      expect(agentText(call)).toContain("One moment, let me check. Found it. You're all set.");
      expect(call.endedBy).toBe("worker");
      expect(call.simulatedAction).toBe("simulated-hangup");
      expect(call.summary?.usage).toMatchObject({ llmModel: "gpt-4.1-mini", llmInputTokens: 1000, llmOutputTokens: 100 });
      expect(call.summary!.estimatedCostMicros).toBeGreaterThan(0);
    }, CALL_TIMEOUT);

    it("tells the conversation only what the caller heard when they interrupt", async () => {
      const call = await h.call([{ say: "Give me the long answer" }, { say: "Stop, that is enough", early }, { say: "bye now" }], { from: "+15555550502", stayOnLine: true, earlyAfterMs: 2600 });
      expect(call.errors).toEqual([]);
      const cut = played.find((p) => p.fullText === LONG.trim());
      expect(cut).toBeDefined();
      expect(cut!.interrupted).toBe(true);
      expect(cut!.heardText.length).toBeLessThan(LONG.length);
      expect(LONG.startsWith(cut!.heardText)).toBe(true);
      const turn = call.summary!.transcript.find((t) => t.interrupted && t.speaker === "agent" && LONG.startsWith(t.text) && t.text.length > 0);
      expect(turn?.text).toBe(cut!.heardText);
    }, CALL_TIMEOUT);

    it("continues on the keypad when the conversation fails, and when the caller presses a key", async () => {
      const call = await h.call([{ say: "crash please" }, { dtmf: "2", early }], { from: "+15555550503", earlyAfterMs: 2500 });
      expect(call.errors).toEqual([]);
      const said = call.summary!.transcript.filter((t) => t.speaker === "agent").map((t) => t.text || t.heardEstimate).join(" ");
      expect(said).toContain("Sorry, something went wrong on our side.");
      expect(agentText(call)).toContain("I couldn't find an upcoming appointment");
    }, CALL_TIMEOUT);
  });
});
