// ElevenLabs (here its protocol double) failing in the middle of a call: the sentence is retried
// with the local espeak-ng voice and the call goes on.
import type { AddressInfo } from "node:net";
import { WebSocketServer } from "ws";
import { afterAll, beforeAll, expect, it } from "vitest";
import { ElevenLabsTextToSpeech } from "../../voice-worker/src/providers/tts/elevenlabs-tts";
import { EspeakTextToSpeech } from "../../voice-worker/src/providers/tts/espeak-tts";
import { agentText, startVoiceHarness, type VoiceHarness } from "./support/voice-harness";

let h: VoiceHarness;
let wss: WebSocketServer;

beforeAll(async () => {
  // A protocol double that accepts the socket and answers every sentence with an error.
  wss = new WebSocketServer({ port: 0, host: "127.0.0.1" });
  wss.on("connection", (socket) =>
    socket.on("message", (data) => {
      const message = JSON.parse(data.toString()) as { context_id?: string; close_context?: boolean };
      if (message.close_context) socket.send(JSON.stringify({ error: "voice_not_found", message: "voice not found", contextId: message.context_id }));
    }),
  );
  await new Promise((resolve) => wss.once("listening", resolve));
  const tts = new ElevenLabsTextToSpeech({ apiKey: "xi-test", voiceId: "missing", modelId: "eleven_flash_v2_5", baseUrl: `ws://127.0.0.1:${(wss.address() as AddressInfo).port}` });
  h = await startVoiceHarness({ engine: "pglite", providers: { tts, fallbackTts: new EspeakTextToSpeech() } });
});

afterAll(async () => {
  await h?.close();
  for (const client of wss.clients) client.terminate();
  await new Promise((resolve) => wss.close(resolve));
});

it("continues the call with the local voice when the configured text-to-speech fails", async () => {
  const call = await h.call([{ dtmf: "2", early: true }], { from: "+15555550901" });
  expect(call.errors).toEqual([]);
  expect(call.greetingLatencyMs).toBeLessThan(1000);
  expect(call.framesReceived).toBeGreaterThan(100);
  expect(agentText(call)).toContain("I couldn't find an upcoming appointment");
  expect(call.summary?.usage).toMatchObject({ ttsProvider: "elevenlabs" });
}, 120_000);
