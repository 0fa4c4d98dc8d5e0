import { describe, expect, it } from "vitest";
import { PlaybackTracker } from "./playback-tracker";

const MS = 8; // μ-law bytes per millisecond

/** Sends a whole segment at once (TTS faster than real time) and returns its mark name. */
function sendSegment(tracker: PlaybackTracker, utteranceId: string, text: string, ms: number, nowMs: number) {
  tracker.beginSegment(utteranceId, text);
  tracker.audioSent(ms * MS, nowMs);
  return tracker.endSegment();
}

describe("PlaybackTracker without interruption", () => {
  it("names marks after the utterance, segment index and cumulative byte offset", () => {
    const tracker = new PlaybackTracker();
    expect(sendSegment(tracker, "u1", "Hello.", 1000, 0)).toBe("seg:u1:0:8000");
    expect(sendSegment(tracker, "u1", "How can I help?", 600, 0)).toBe("seg:u1:1:12800");
    expect(sendSegment(tracker, "u2", "Sure.", 100, 5000)).toBe("seg:u2:0:13600");
  });

  it("reports text as heard only once its mark comes back", () => {
    const tracker = new PlaybackTracker();
    const m0 = sendSegment(tracker, "u1", "Thanks for calling Bella's Salon.", 1000, 0);
    const m1 = sendSegment(tracker, "u1", "How can I help?", 600, 0);
    expect(tracker.playedText("u1")).toBe("");
    expect(tracker.markReceived(m0, 1040)).toEqual({ kind: "played", utteranceId: "u1", segmentIndex: 0 });
    expect(tracker.playedText("u1")).toBe("Thanks for calling Bella's Salon.");
    expect(tracker.markReceived(m1, 1650)).toEqual({ kind: "played", utteranceId: "u1", segmentIndex: 1 });
    expect(tracker.playedText("u1")).toBe("Thanks for calling Bella's Salon. How can I help?");
    expect(tracker.wasInterrupted("u1")).toBe(false);
  });

  it("is speaking from the first audio until the last mark returns", () => {
    const tracker = new PlaybackTracker();
    expect(tracker.isSpeaking(0)).toBe(false);
    const m0 = sendSegment(tracker, "u1", "One.", 500, 100);
    expect(tracker.isSpeaking(100)).toBe(true);
    expect(tracker.playbackStartedAtMs(200)).toBe(100);
    // Past the audio clock's estimate but before the echo: still speaking.
    expect(tracker.isSpeaking(700)).toBe(true);
    tracker.markReceived(m0, 720);
    expect(tracker.isSpeaking(720)).toBe(false);
    expect(tracker.playbackStartedAtMs(720)).toBeNull();
    sendSegment(tracker, "u2", "Two.", 500, 3000);
    expect(tracker.playbackStartedAtMs(3010)).toBe(3000);
  });

  it("is not speaking while a segment is open but no audio has been sent for it", () => {
    const tracker = new PlaybackTracker();
    tracker.beginSegment("u1", "Let me check that.");
    expect(tracker.isSpeaking(0)).toBe(false);
    tracker.audioSent(160, 0);
    expect(tracker.isSpeaking(0)).toBe(true);
  });

  it("treats an echo for a later mark as confirming earlier ones whose echo was lost", () => {
    const tracker = new PlaybackTracker();
    sendSegment(tracker, "u1", "First.", 300, 0);
    const m1 = sendSegment(tracker, "u1", "Second.", 300, 0);
    expect(tracker.markReceived(m1, 610).kind).toBe("played");
    expect(tracker.playedText("u1")).toBe("First. Second.");
    expect(tracker.isSpeaking(610)).toBe(false);
  });

  it("stops claiming to speak when echoes never arrive, after the audio clock plus the mark lag", () => {
    const tracker = new PlaybackTracker({ maxMarkLagMs: 2000 });
    sendSegment(tracker, "u1", "Hello.", 1000, 0);
    expect(tracker.isSpeaking(3000)).toBe(true);
    expect(tracker.isSpeaking(3001)).toBe(false);
  });

  it("answers unknown for marks it never issued", () => {
    const tracker = new PlaybackTracker();
    sendSegment(tracker, "u1", "Hello.", 100, 0);
    expect(tracker.markReceived("greeting-done", 50)).toEqual({ kind: "unknown" });
    expect(tracker.markReceived("seg:u1:7:999999", 50)).toEqual({ kind: "unknown" });
  });
});

describe("PlaybackTracker with a clear (barge-in) in the middle", () => {
  function threeSegments() {
    const tracker = new PlaybackTracker();
    const marks = [
      sendSegment(tracker, "u1", "Our first opening is Tuesday.", 1000, 0),
      sendSegment(tracker, "u1", "We also have Wednesday at three.", 1000, 0),
      sendSegment(tracker, "u1", "Which one works for you?", 1000, 0),
    ];
    return { tracker, marks: marks as [string, string, string] };
  }

  it("keeps played segments and discards those pending at the clear, even when Twilio echoes them", () => {
    const { tracker, marks } = threeSegments();
    expect(tracker.markReceived(marks[0], 1000).kind).toBe("played");
    expect(tracker.clearIssued(1500)).toEqual({ utteranceIds: ["u1"], discardedSegments: 2 });
    // Twilio echoes the marks it dropped.
    expect(tracker.markReceived(marks[1], 1520)).toEqual({ kind: "discarded", utteranceId: "u1", segmentIndex: 1 });
    expect(tracker.markReceived(marks[2], 1521)).toEqual({ kind: "discarded", utteranceId: "u1", segmentIndex: 2 });
    expect(tracker.playedText("u1")).toBe("Our first opening is Tuesday.");
    expect(tracker.wasInterrupted("u1")).toBe(true);
  });

  it("stops speaking the moment the clear is issued", () => {
    const { tracker } = threeSegments();
    expect(tracker.isSpeaking(1500)).toBe(true);
    tracker.clearIssued(1500);
    expect(tracker.isSpeaking(1500)).toBe(false);
    expect(tracker.playbackStartedAtMs(1500)).toBeNull();
  });

  it("counts a 'played' echo that crosses the clear in flight as discarded", () => {
    const { tracker, marks } = threeSegments();
    tracker.clearIssued(1010); // segment 0 actually finished at 1000, its echo is still travelling
    expect(tracker.markReceived(marks[0], 1030).kind).toBe("discarded");
    expect(tracker.playedText("u1")).toBe("");
  });

  it("estimates the partly played segment by elapsed time, cut back to whole words", () => {
    const { tracker, marks } = threeSegments();
    tracker.markReceived(marks[0], 1000);
    tracker.clearIssued(1500); // half of "We also have Wednesday at three." (32 chars → 16)
    expect(tracker.playedText("u1", { includePartial: true })).toBe("Our first opening is Tuesday. We also have");
    expect(tracker.playedText("u1")).toBe("Our first opening is Tuesday.");
  });

  it("moves the estimate later when a mark echo arrives later than the audio clock predicted", () => {
    const { tracker, marks } = threeSegments();
    tracker.markReceived(marks[0], 1250); // 250 ms of network and jitter-buffer delay
    tracker.clearIssued(1500); // so segment 1 has only played for ~250 ms (a quarter, 8 chars)
    expect(tracker.playedText("u1", { includePartial: true })).toBe("Our first opening is Tuesday. We also");
  });

  it("estimates nothing heard for a segment that had not started", () => {
    const { tracker } = threeSegments();
    tracker.clearIssued(0);
    expect(tracker.playedText("u1", { includePartial: true })).toBe("");
  });

  it("tracks the next utterance normally after a clear", () => {
    const { tracker, marks } = threeSegments();
    tracker.clearIssued(500);
    tracker.markReceived(marks[1], 510);
    const next = sendSegment(tracker, "u2", "Sorry, go ahead.", 800, 2000);
    expect(tracker.isSpeaking(2000)).toBe(true);
    expect(tracker.playbackStartedAtMs(2000)).toBe(2000);
    expect(tracker.markReceived(next, 2810).kind).toBe("played");
    expect(tracker.playedText("u2")).toBe("Sorry, go ahead.");
    expect(tracker.wasInterrupted("u2")).toBe(false);
  });

  it("classifies a stray pre-clear echo as discarded from its offset even after the utterance is forgotten", () => {
    const { tracker, marks } = threeSegments();
    tracker.clearIssued(500);
    tracker.forget("u1");
    expect(tracker.markReceived(marks[2], 520).kind).toBe("discarded");
  });

  it("refuses audio after a clear until a new segment begins, so stale TTS cannot be tracked as speech", () => {
    const tracker = new PlaybackTracker();
    tracker.beginSegment("u1", "A long answer.");
    tracker.audioSent(1600, 0);
    tracker.clearIssued(100);
    expect(() => tracker.audioSent(160, 120)).toThrow(/no open segment/);
  });
});
