import { describe, expect, it } from "vitest";
import { callerWordCount, evaluateBargeIn } from "./barge-in";

// Agent audio starts at t = 1000 ms in every case below.
const PLAYBACK = 1000;

describe("evaluateBargeIn", () => {
  it("never interrupts when the agent is silent", () => {
    const decision = evaluateBargeIn({
      nowMs: 5000,
      playbackStartedAtMs: null,
      callerSpeechStartedAtMs: 1000,
      partialTranscript: "hello there I need a booking",
    });
    expect(decision).toEqual({ interrupt: false, reason: "agent-silent" });
  });

  it("interrupts after 500 ms of continuous caller voice", () => {
    const base = { playbackStartedAtMs: PLAYBACK, callerSpeechStartedAtMs: 2000 };
    expect(evaluateBargeIn({ ...base, nowMs: 2499 })).toEqual({ interrupt: false, reason: "below-threshold" });
    expect(evaluateBargeIn({ ...base, nowMs: 2500 })).toEqual({ interrupt: true, reason: "voice" });
  });

  it("ignores everything in the first 300 ms of playback (echo guard)", () => {
    const decision = evaluateBargeIn({
      nowMs: 1299,
      playbackStartedAtMs: PLAYBACK,
      callerSpeechStartedAtMs: 0, // caller had been talking for over a second
      partialTranscript: "wait no not that",
    });
    expect(decision).toEqual({ interrupt: false, reason: "echo-guard" });
  });

  it("counts voice only from the end of the echo guard", () => {
    // Speech began with the playback (echo-like); 500 ms must accrue after t = 1300.
    const base = { playbackStartedAtMs: PLAYBACK, callerSpeechStartedAtMs: PLAYBACK + 50 };
    expect(evaluateBargeIn({ ...base, nowMs: 1799 }).interrupt).toBe(false);
    expect(evaluateBargeIn({ ...base, nowMs: 1800 })).toEqual({ interrupt: true, reason: "voice" });
  });

  it("interrupts on a two-word partial transcript before the voice rule would", () => {
    const base = { nowMs: 2300, playbackStartedAtMs: PLAYBACK, callerSpeechStartedAtMs: 2000 };
    expect(evaluateBargeIn({ ...base, partialTranscript: "no" }).interrupt).toBe(false);
    expect(evaluateBargeIn({ ...base, partialTranscript: "no, Thursday" })).toEqual({ interrupt: true, reason: "words" });
  });

  it("accepts the words of a short interruption after the caller has already stopped", () => {
    const decision = evaluateBargeIn({
      nowMs: 3000,
      playbackStartedAtMs: PLAYBACK,
      callerSpeechStartedAtMs: null,
      partialTranscript: "wait stop",
    });
    expect(decision).toEqual({ interrupt: true, reason: "words" });
  });

  it("does not count the agent's own words echoed back in the transcript", () => {
    const base = {
      nowMs: 2000,
      playbackStartedAtMs: PLAYBACK,
      callerSpeechStartedAtMs: 1700,
      agentText: "We have an opening on Tuesday at three.",
    };
    expect(evaluateBargeIn({ ...base, partialTranscript: "opening on Tuesday" }).interrupt).toBe(false);
    expect(evaluateBargeIn({ ...base, partialTranscript: "Tuesday doesn't work" })).toEqual({
      interrupt: true,
      reason: "words",
    });
  });

  it("uses configured thresholds", () => {
    const options = { echoGuardMs: 0, minVoiceMs: 200, minTranscriptWords: 1 };
    expect(
      evaluateBargeIn({ nowMs: 1200, playbackStartedAtMs: PLAYBACK, callerSpeechStartedAtMs: 1000 }, options),
    ).toEqual({ interrupt: true, reason: "voice" });
    expect(
      evaluateBargeIn(
        { nowMs: 1000, playbackStartedAtMs: PLAYBACK, callerSpeechStartedAtMs: null, partialTranscript: "stop" },
        options,
      ),
    ).toEqual({ interrupt: true, reason: "words" });
  });
});

describe("callerWordCount", () => {
  it("counts words across languages and apostrophes", () => {
    expect(callerWordCount("I'd like  the 3rd, por favor")).toBe(6);
    expect(callerWordCount("  ")).toBe(0);
  });

  it("ignores case and curly apostrophes when matching the agent's words", () => {
    expect(callerWordCount("That’s RIGHT okay", "that's right")).toBe(1);
  });
});
