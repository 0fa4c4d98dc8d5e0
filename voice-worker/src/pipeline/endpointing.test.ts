import { describe, expect, it } from "vitest";
import { Endpointer, classifyPhrase, endOfTurnDelayMs } from "./endpointing";

describe("classifyPhrase", () => {
  it.each([
    "I'd like to come in at",
    "can I book on the",
    "tomorrow um",
    "Tuesday, uh",
    "a haircut and",
    "something for",
    "On the.", // STT periods do not make a dangling article complete
    "I was thinking...",
    "the first one…",
    "Tuesday, Wednesday,",
    "quiero una cita a las",
    "para el",
    "corte y",
    "mañana eh",
    "pues este",
  ])("treats %j as unfinished", (text) => {
    expect(classifyPhrase(text)).toBe("unfinished");
  });

  it.each([
    "Yes",
    "no",
    "No thanks",
    "okay thank you",
    "I think so",
    "Can I book a haircut for Tuesday?",
    "Tuesday at three.",
    "That's all",
    "sí",
    "vale, gracias",
    "de acuerdo",
  ])("treats %j as complete", (text) => {
    expect(classifyPhrase(text)).toBe("complete");
  });

  it.each(["", "   ", "Tuesday at three", "my name is Ana Lopez"])("treats %j as neutral", (text) => {
    expect(classifyPhrase(text)).toBe("neutral");
  });
});

describe("endOfTurnDelayMs", () => {
  it("waits 200 ms after a complete phrase, 500 ms without evidence and 1200 ms after an unfinished one", () => {
    expect(endOfTurnDelayMs("Yes.").delayMs).toBe(200);
    expect(endOfTurnDelayMs(null).delayMs).toBe(500);
    expect(endOfTurnDelayMs("Tuesday at three").delayMs).toBe(500);
    expect(endOfTurnDelayMs("on the").delayMs).toBe(1200);
  });

  it("uses configured delays", () => {
    const options = { completeDelayMs: 100, neutralDelayMs: 300, unfinishedDelayMs: 2000 };
    expect(endOfTurnDelayMs("thanks", options)).toEqual({ delayMs: 100, completeness: "complete" });
    expect(endOfTurnDelayMs(undefined, options)).toEqual({ delayMs: 300, completeness: "neutral" });
    expect(endOfTurnDelayMs("y", options)).toEqual({ delayMs: 2000, completeness: "unfinished" });
  });
});

describe("Endpointer", () => {
  it("ends the turn 500 ms after speech-end when no transcript is available", () => {
    const ep = new Endpointer();
    ep.onSpeechStart(0);
    ep.onSpeechEnd(1000);
    expect(ep.deadlineMs).toBe(1500);
    expect(ep.poll(1499)).toBeNull();
    expect(ep.poll(1500)).toEqual({ transcript: "", completeness: "neutral", waitedMs: 500 });
    expect(ep.state).toBe("ended");
    expect(ep.poll(1600)).toBeNull(); // only once
  });

  it("waits longer after an unfinished phrase and shorter after a complete one", () => {
    const unfinished = new Endpointer();
    unfinished.onSpeechStart(0);
    unfinished.onTranscript("I'd like to come in on the", 900);
    unfinished.onSpeechEnd(1000);
    expect(unfinished.poll(1500)).toBeNull();
    expect(unfinished.poll(2200)?.completeness).toBe("unfinished");

    const complete = new Endpointer();
    complete.onSpeechStart(0);
    complete.onTranscript("Yes, that works.", 900);
    complete.onSpeechEnd(1000);
    expect(complete.poll(1200)?.transcript).toBe("Yes, that works.");
  });

  it("re-times the wait when a transcript arrives during the silence", () => {
    const ep = new Endpointer();
    ep.onSpeechStart(0);
    ep.onSpeechEnd(1000);
    ep.onTranscript("at the", 1100);
    expect(ep.deadlineMs).toBe(2200);
    expect(ep.poll(1600)).toBeNull();
    ep.onTranscript("at the clinic.", 1700);
    expect(ep.deadlineMs).toBe(1200);
    expect(ep.poll(1700)).toEqual({ transcript: "at the clinic.", completeness: "complete", waitedMs: 700 });
  });

  it("keeps the turn open when the caller resumes speaking before the deadline", () => {
    const ep = new Endpointer();
    ep.onSpeechStart(0);
    ep.onTranscript("on the", 900);
    ep.onSpeechEnd(1000);
    ep.onSpeechStart(1800);
    expect(ep.state).toBe("speaking");
    expect(ep.deadlineMs).toBeNull();
    expect(ep.poll(2300)).toBeNull();
    ep.onTranscript("on the fifth.", 2400);
    ep.onSpeechEnd(2500);
    expect(ep.poll(2700)?.transcript).toBe("on the fifth.");
  });

  it("does not end a turn in which the caller never spoke", () => {
    const ep = new Endpointer();
    ep.onSpeechEnd(1000);
    expect(ep.poll(10_000)).toBeNull();
    expect(ep.state).toBe("idle");
  });

  it("starts a fresh transcript for speech after an ended turn", () => {
    const ep = new Endpointer();
    ep.onSpeechStart(0);
    ep.onTranscript("yes", 500);
    ep.onSpeechEnd(600);
    ep.poll(800);
    ep.onSpeechStart(2000);
    ep.onSpeechEnd(2500);
    expect(ep.poll(3000)).toEqual({ transcript: "", completeness: "neutral", waitedMs: 500 });
  });
});
