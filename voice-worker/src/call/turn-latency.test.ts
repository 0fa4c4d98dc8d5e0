import { describe, expect, it } from "vitest";
import { turnLatency } from "./turn-latency";

describe("turnLatency", () => {
  it("splits a speech turn into provider time and the worker's own", () => {
    // End of turn at 1000; transcript final 2 ms later; conversation asked at 1003, first text at
    // 1403, first sentence to TTS at 1404, first audio at 1554, first frame sent at 1555.
    const latency = turnLatency(3, "speech", { endOfTurnAt: 1000, endpointingMs: 700, sttFinalMs: 2, requestedAt: 1003, firstTextAt: 1403, firstSpeechRequestAt: 1404, firstAudioAt: 1554 }, 1555);
    expect(latency).toEqual({
      turn: 3,
      input: "speech",
      endpointingMs: 700,
      sttFinalMs: 2,
      llmFirstTokenMs: 400,
      llmFirstSentenceMs: 401,
      ttsFirstByteMs: 150,
      workerOverheadMs: 2,
      totalMs: 555,
    });
  });

  it("measures key presses and the greeting from the request", () => {
    const latency = turnLatency(1, "greeting", { requestedAt: 0, firstTextAt: 20, firstSpeechRequestAt: 20, firstAudioAt: 90 }, 90.04);
    expect(latency).toMatchObject({ totalMs: 90, llmFirstSentenceMs: 20, ttsFirstByteMs: 70, workerOverheadMs: 0, sttFinalMs: 0, endpointingMs: 0 });
  });
});
