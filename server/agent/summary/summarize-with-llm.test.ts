// summarizeWithLlm's real OpenAI client against a PROTOCOL DOUBLE of /v1/chat/completions
// (tests/helpers/openai-chat-double.ts: loopback HTTP, OpenAI's JSON format, no network or key).
import { afterEach, describe, expect, it } from "vitest";
import { type ChatReply, startChatDouble } from "../../../tests/helpers/openai-chat-double";
import type { HistoryEntry, ToolCallRecord } from "../types";
import { summarizeWithLlm } from "./summarize-with-llm";

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

async function configWith(reply: ChatReply) {
  const double = await startChatDouble(() => reply);
  closers.push(double.close);
  return { double, config: { OPENAI_API_KEY: "sk-test-summary", OPENAI_BASE_URL: double.baseURL, OPENAI_MODEL: "gpt-test" } };
}

const booking: ToolCallRecord = {
  id: "c1", turnId: "t2", name: "book_appointment", args: { slotId: "s" }, ok: true, durationMs: 4,
  result: {
    ok: true, customerName: "Sam Lee",
    appointment: { appointmentId: "a1", status: "booked", service: { id: "mens", name: "Men's haircut" }, staff: { id: "maya", name: "Maya Chen" }, date: "2026-11-25", weekday: "Wednesday", time: "15:00", startsAt: "2026-11-25T20:00:00.000Z" },
  },
};
const booked: HistoryEntry[] = [
  { kind: "caller", turnId: "t1", text: "I'd like a men's haircut tomorrow at 3, I'm Sam Lee" },
  { kind: "agent", turnId: "t1", text: "A men's haircut on Wednesday, November 25 at 3 PM. Shall I book it?", fullText: "", interrupted: false, engine: "openai" },
  { kind: "caller", turnId: "t2", text: "yes please, and I have a sensitive scalp" },
  { kind: "tool", turnId: "t2", record: booking },
  { kind: "agent", turnId: "t2", text: "You're booked.", fullText: "You're booked.", interrupted: false, engine: "openai" },
];
const askedHours: HistoryEntry[] = [
  { kind: "caller", turnId: "t1", text: "what time do you open on Saturday?" },
  { kind: "agent", turnId: "t1", text: "On Saturday we're open from 9 to 4.", fullText: "", interrupted: false, engine: "openai" },
];
const conversation = { history: booked, callerPhone: "+15551230000" };

describe("summarizeWithLlm (protocol double)", () => {
  it("replaces only the summary's text with the model's, sending the transcript and what really happened", async () => {
    const summaryText = "Sam Lee booked a men's haircut with Maya Chen for Wednesday, November 25 at 3 PM and mentioned a sensitive scalp.";
    const { double, config } = await configWith({ json: { content: `  ${summaryText}\n`, usage: { prompt_tokens: 240, completion_tokens: 31 } } });
    const summary = await summarizeWithLlm(config, conversation);
    expect(summary).toMatchObject({
      source: "llm", text: summaryText, outcome: "booked", callOutcome: "booked", caller: { name: "Sam Lee" },
      appointment: { date: "2026-11-25", time: "15:00" }, usage: { model: "gpt-test-double", inputTokens: 240, outputTokens: 31 },
    });
    const [request] = double.requests;
    expect(request).toMatchObject({ path: "/v1/chat/completions", authorization: "Bearer sk-test-summary", body: { model: "gpt-test" } });
    expect(request!.body.stream).toBeFalsy();
    const prompt = request!.body.messages[1]!.content!;
    expect(prompt).toContain("- Booked Men's haircut on Wednesday 2026-11-25 at 15:00 with Maya Chen.");
    expect(prompt).toContain("Caller: yes please, and I have a sensitive scalp");
  });

  it.each<[string, ChatReply]>([
    ["an HTTP error", { status: 500 }],
    ["a server that never answers", { hang: true }],
    ["an empty answer", { json: { content: "   " } }],
    ["an answer that is not a completion", { raw: "<html>bad gateway</html>" }],
  ])("keeps the extractive summary after %s", async (_what, reply) => {
    const { config } = await configWith(reply);
    const summary = await summarizeWithLlm(config, conversation, { timeoutMs: 400 });
    expect(summary).toMatchObject({ source: "extractive", outcome: "booked" });
    expect(summary.text).toBe("Sam Lee (+15551230000) called to book an appointment. Booked Men's haircut on Wednesday 2026-11-25 at 15:00 with Maya Chen.");
    expect(summary).not.toHaveProperty("usage");
  });

  it("refuses a summary that claims a booking the tools do not show", async () => {
    const { config } = await configWith({ json: { content: "The caller asked about Saturday hours and booked a blow-dry." } });
    const summary = await summarizeWithLlm(config, { history: askedHours, callerPhone: "+15551230000" });
    expect(summary).toMatchObject({ source: "extractive", outcome: "information" });
    const honest = await configWith({ json: { content: "A caller asked when the salon opens on Saturday and was told 9 to 4." } });
    expect(await summarizeWithLlm(honest.config, { history: askedHours, callerPhone: "+15551230000" })).toMatchObject({ source: "llm", outcome: "information" });
  });

  it("asks nothing without a key, or when the caller never spoke", async () => {
    const { double, config } = await configWith({ json: { content: "unused" } });
    expect(await summarizeWithLlm({ ...config, OPENAI_API_KEY: undefined }, conversation)).toMatchObject({ source: "extractive" });
    expect(await summarizeWithLlm(config, { history: [], callerPhone: "+15551230000" })).toMatchObject({ source: "extractive", outcome: "abandoned" });
    expect(double.requests).toHaveLength(0);
  });
});
