// Phone calls with the receptionist agent: the real worker with speech input, the real agent
// (AgentSession with the built-in engine) behind the CallConversation seam, real bookings.
// Speech-to-text is the labelled TEST DOUBLE (it returns the known text of each utterance the
// simulator registered; there is no offline speech recognition here); everything else is real:
// espeak-ng audio both ways, VAD, endpointing, barge-in with marks, the Call record.
//
// The double knows an utterance by its audio frames, and espeak-ng renders the same opening words
// as the same frames: concurrent calls here therefore open their utterances differently ("I'd
// like", "Could I get", "Book me"); repeating a whole utterance ("Sam Rivera", "Yes") is fine.
//
// Calls run at real time. The assertions are about states and shapes (what was said, heard,
// written), never about milliseconds or the frame a barge-in lands on. Where a test needs the
// caller to hang up at an exact point of a booking, it hangs up from inside the agent's tool call
// instead of after a guessed delay. The salon's clock is pinned (Tuesday 2026-11-24 09:00 New
// York), so "tomorrow at 3" is open.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBuiltinEngine } from "../../server/agent/builtin/builtin-engine";
import type { AgentEngine, HistoryEntry, ToolResult } from "../../server/agent/types";
import { AgentConversation } from "../../voice-worker/src/agent-conversation";
import { FILLERS } from "../../voice-worker/src/pipeline/reply-speaker";
import { randomCallSid } from "../../voice-worker/src/simulator/call-simulator";
import { ACCOUNT_SID } from "../../voice-worker/src/simulator/twilio-stream";
import { type ChatDouble, lastUserText, say, startChatDouble } from "../helpers/openai-chat-double";
import { engines } from "../helpers/test-database";
import { agentText, startVoiceHarness, type VoiceHarness } from "./support/voice-harness";

const CALL_TIMEOUT = 180_000;
const GREETING = "Thanks for calling Bloom Hair Studio, this is the virtual receptionist. How can I help?";

type AgentEntry = Extract<HistoryEntry, { kind: "agent" }>;
const callerTexts = (call: Awaited<ReturnType<VoiceHarness["call"]>>) => call.summary!.transcript.filter((t) => t.speaker === "caller").map((t) => t.text);

describe.each(engines)("phone calls with the agent, on %s", (engine) => {
  describe("as the worker picks it for calls with speech input", () => {
    let h: VoiceHarness;
    beforeAll(async () => {
      h = await startVoiceHarness({ engine, speech: true, conversation: "agent" });
    });
    afterAll(async () => h?.close());

    it("books a men's haircut by voice: the appointment exists, the outcome is booked, the transcript and summary tell it", async () => {
      const from = "+15555550601";
      const call = await h.call([{ say: "I'd like a men's haircut tomorrow at 3" }, { say: "Sam Rivera" }, { say: "Yes" }], { from });
      expect(call.errors).toEqual([]);
      const transcript = call.summary!.transcript;
      expect(callerTexts(call)).toEqual(["I'd like a men's haircut tomorrow at 3", "Sam Rivera", "Yes"]);
      expect(transcript.find((t) => t.speaker === "agent")?.text).toBe(GREETING);
      const said = agentText(call);
      expect(said).toContain("Can I have your name, please?");
      expect(said).toContain("Just to check: a men's haircut tomorrow, Wednesday, November 25 at 3 PM. Shall I book it?");
      expect(said).toMatch(/You're booked: a men's haircut tomorrow, Wednesday, November 25 at 3 PM with \w+\./);
      expect(call.summary).toMatchObject({ status: "completed", outcome: "booked", usage: { sttModel: "test-double" } });
      expect(call.summary!.summary).toMatch(/^Sam Rivera \(\+15555550601\) called to book an appointment\. Booked Men's haircut on Wednesday 2026-11-25 at 15:00 with /);
      expect(call.summary!.latency.map((l) => l.input)).toEqual(["greeting", "speech", "speech", "speech"]);

      const rows = await h.database.prisma.appointment.findMany({
        where: { businessId: h.businessId, customer: { phone: from } },
        select: { status: true, startsAt: true, channel: true, service: { select: { name: true } }, customer: { select: { name: true } } },
      });
      expect(rows).toEqual([{ status: "booked", startsAt: new Date("2026-11-25T20:00:00Z"), channel: "phone", service: { name: "Men's haircut" }, customer: { name: "Sam Rivera" } }]);
    }, CALL_TIMEOUT);
  });

  describe("with the agent's conversation and tool calls in view", () => {
    let h: VoiceHarness;
    const conversations = new Map<string, AgentConversation>();
    const hangUps = new Map<string, () => void>();
    const toolHooks = new Map<string, { before?: (tool: string, signal?: AbortSignal) => Promise<void>; after?: (tool: string, result: ToolResult, signal?: AbortSignal) => Promise<void> }>();

    // The built-in engine, with a hook around each tool call for the caller who set one (to slow a
    // lookup down, or to hang up at an exact point of a booking). It decides everything as usual.
    const builtin = createBuiltinEngine();
    const hooked: AgentEngine = {
      name: builtin.name,
      runTurn: (input) =>
        builtin.runTurn({
          ...input,
          tools: {
            definitions: input.tools.definitions,
            async call(name, args) {
              const hooks = toolHooks.get(input.state.callerPhone);
              await hooks?.before?.(name, input.signal);
              const result = await input.tools.call(name, args);
              await hooks?.after?.(name, result, input.signal);
              return result;
            },
          },
        }),
    };

    beforeAll(async () => {
      h = await startVoiceHarness({
        engine,
        speech: true,
        conversationFactory: (call, deps) => {
          const conversation = new AgentConversation(call, deps, { engine: hooked });
          conversations.set(call.callerNumber, conversation);
          return conversation;
        },
      });
    });
    afterAll(async () => h?.close());

    /** A call whose caller can also hang up from a hook (a Twilio `stop`, then the socket closes). */
    function call(from: string, steps: Parameters<VoiceHarness["call"]>[0], options: Parameters<VoiceHarness["call"]>[1] = {}) {
      const callSid = randomCallSid();
      return h.call(steps, {
        from,
        callSid,
        onSocket: (socket, streamSid) =>
          hangUps.set(from, () => {
            socket.send(JSON.stringify({ event: "stop", sequenceNumber: "1000000", streamSid, stop: { accountSid: ACCOUNT_SID, callSid } }));
            socket.close(1000, "caller hung up");
          }),
        ...options,
      });
    }
    const history = (from: string) => conversations.get(from)!.session.history();
    const agentEntries = (from: string) => history(from).filter((e): e is AgentEntry => e.kind === "agent");

    describe.concurrent("", () => {
      it("barge-in: the agent keeps only the heard part of its read-back, so a yes to it does not book until it is heard", async () => {
        const from = "+15555550611";
        const c = await call(
          from,
          [{ say: "Could I get a men's haircut on Friday at 4" }, { say: "Sam Rivera" }, { say: "Sure, go ahead", early: true }, { say: "Yes" }],
          { earlyAfterMs: 1000 },
        );
        expect(c.errors).toEqual([]);
        expect(callerTexts(c)).toEqual(["Could I get a men's haircut on Friday at 4", "Sam Rivera", "Sure, go ahead", "Yes"]);
        const readBacks = agentEntries(from).filter((e) => e.fullText.endsWith("Shall I book it?"));
        expect(readBacks).toHaveLength(2);
        const [cut, heard] = readBacks as [AgentEntry, AgentEntry];
        expect(cut.interrupted).toBe(true);
        expect(cut.fullText.startsWith(cut.text)).toBe(true);
        expect(cut.text.length).toBeLessThan(cut.fullText.length);
        expect(heard).toMatchObject({ interrupted: false, text: heard.fullText });
        // The transcript and the agent's memory agree on what the caller heard.
        const cutTurn = c.summary!.transcript.find((t) => t.speaker === "agent" && t.interrupted);
        expect(cutTurn?.text).toBe(cut.text);
        expect(c.clearsReceived).toBeGreaterThanOrEqual(1);

        const bookings = history(from).filter((e) => e.kind === "tool" && e.record.name === "book_appointment");
        const finalYes = history(from).filter((e) => e.kind === "caller").at(-1)!;
        expect(bookings.map((e) => [e.turnId, e.kind === "tool" && e.record.ok])).toEqual([[finalYes.turnId, true]]);
        expect(c.summary?.outcome).toBe("booked");
        expect(await h.database.prisma.appointment.count({ where: { customer: { phone: from }, status: "booked" } })).toBe(1);
      }, CALL_TIMEOUT);

      it("plays a filler while a slow lookup runs, and the agent's memory holds its own words, not the filler", async () => {
        const from = "+15555550612";
        toolHooks.set(from, {
          after: async (tool) => {
            if (tool === "business_info") await new Promise((resolve) => setTimeout(resolve, 1500));
          },
        });
        // The caller cuts in once the filler has long played, while the hours are being read out.
        const c = await call(from, [{ say: "What are your hours?" }, { say: "Do you do highlights?", early: true }], { earlyAfterMs: 4000 });
        expect(c.errors).toEqual([]);
        const answer = c.summary!.transcript.filter((t) => t.speaker === "agent")[1]!;
        const filler = FILLERS.find((f) => answer.text.startsWith(f));
        expect(filler).toBeDefined();
        const hours = agentEntries(from).find((e) => e.fullText.startsWith("We're open Tuesday to Friday"))!;
        expect(hours.interrupted).toBe(true);
        expect(hours.fullText.startsWith(hours.text)).toBe(true);
        expect(answer.text).toBe([filler, hours.text].filter(Boolean).join(" "));
        expect(c.summary?.outcome).toBe("information");
      }, CALL_TIMEOUT);

      it("a caller who hangs up as the booking is about to be made leaves no booking behind", async () => {
        const from = "+15555550613";
        toolHooks.set(from, {
          before: async (tool, signal) => {
            if (tool !== "book_appointment") return;
            hangUps.get(from)!();
            await untilAborted(signal);
          },
        });
        const c = await call(from, [{ say: "I'd like a men's haircut on Thursday at 10" }, { say: "Sam Rivera" }, { say: "Yes" }], { stayOnLine: true });
        expect(callerTexts(c)).toEqual(["I'd like a men's haircut on Thursday at 10", "Sam Rivera", "Yes"]);
        expect(c.summary).toMatchObject({ status: "completed", outcome: "abandoned" });
        expect(c.summary!.summary).toMatch(/^A caller from \+15555550613 called to .+\. Ended without any change\.$/);
        const prisma = h.database.prisma;
        expect(await prisma.appointment.count({ where: { customer: { phone: from } } })).toBe(0);
        expect(await prisma.customer.count({ where: { businessId: h.businessId, phone: from } })).toBe(0);
        expect(history(from).some((e) => e.kind === "tool" && e.record.name === "book_appointment")).toBe(false);
        expect((await fetch(`${h.workerUrl}/healthz`)).status).toBe(200);
      }, CALL_TIMEOUT);

      it("a booking that committed as the caller hung up still counts: the call says booked", async () => {
        const from = "+15555550614";
        toolHooks.set(from, {
          after: async (tool, result, signal) => {
            if (tool !== "book_appointment" || !result.ok) return;
            hangUps.get(from)!();
            await untilAborted(signal);
          },
        });
        const c = await call(from, [{ say: "Book me a men's haircut on Thursday at 2" }, { say: "Sam Rivera" }, { say: "Yes" }], { stayOnLine: true });
        expect(agentText(c)).not.toContain("You're booked");
        expect(c.summary).toMatchObject({ status: "completed", outcome: "booked" });
        expect(c.summary!.summary).toMatch(/Booked Men's haircut on Thursday 2026-11-26 at 14:00 with /);
        expect(await h.database.prisma.appointment.count({ where: { customer: { phone: from }, status: "booked" } })).toBe(1);
      }, CALL_TIMEOUT);
    });
  });
});

/** Resolves when the turn is aborted (the hang-up reached the agent), or after 15 s if it never is. */
function untilAborted(signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    if (!signal || signal.aborted) return resolve();
    const timer = setTimeout(resolve, 15_000);
    signal.addEventListener("abort", () => (clearTimeout(timer), resolve()), { once: true });
  });
}

describe("a phone call with an LLM configured (OpenAI chat completions PROTOCOL DOUBLE on loopback)", () => {
  let h: VoiceHarness;
  let double: ChatDouble;
  const NOTE = "The caller asked when the salon opens on Saturday and was told 9 AM.";
  beforeAll(async () => {
    // Streamed requests are the agent's turns; the one plain request is the end-of-call summary.
    double = await startChatDouble((request) =>
      request.body.stream
        ? { ...say("We open at 9 AM on Saturday. ", "Anything else?"), usage: { prompt_tokens: 900, completion_tokens: 12 } }
        : { json: { content: NOTE, usage: { prompt_tokens: 300, completion_tokens: 20 } } },
    );
    h = await startVoiceHarness({
      engine: "pglite",
      speech: true,
      conversation: "agent",
      env: { OPENAI_API_KEY: "sk-test-voice-llm", OPENAI_BASE_URL: double.baseURL, OPENAI_MODEL: "gpt-test" },
    });
  });
  afterAll(async () => {
    await h?.close();
    await double?.close();
  });

  it("answers from the model, bills its tokens, and stores the model's summary on the Call", async () => {
    const call = await h.call([{ say: "What time do you open on Saturday?" }], { from: "+15555550690" });
    expect(call.errors).toEqual([]);
    expect(agentText(call)).toContain("We open at 9 AM on Saturday. Anything else?");
    expect(double.requests.filter((r) => r.body.stream).map((r) => lastUserText(r))).toEqual(["What time do you open on Saturday?"]);
    expect(call.summary?.usage).toMatchObject({ llmModel: "gpt-test-double", llmInputTokens: 900, llmOutputTokens: 12 });
    expect(call.summary?.summary).toBe(NOTE);
  }, CALL_TIMEOUT);
});
