// The pacer runs on a fake clock here (timers and performance.now), so the timing assertions hold
// however busy the machine is; the real-time behaviour under load is what the voice benchmarks measure.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { WorkerMetrics } from "../metrics";
import { MediaOutput } from "./media-output";
import { FramePacer } from "./pacer";

function setup() {
  const sent: Array<{ at: number; message: Record<string, unknown> }> = [];
  const metrics = new WorkerMetrics();
  const pacer = new FramePacer({ tickMs: 2 });
  const output = new MediaOutput({
    streamSid: "MZ1",
    send: (m) => sent.push({ at: performance.now(), message: JSON.parse(m) }),
    pacer,
    now: () => performance.now(),
    metrics,
  });
  return { sent, metrics, pacer, output };
}

const media = (sent: Array<{ at: number; message: Record<string, unknown> }>) => sent.filter((s) => s.message.event === "media");

describe("MediaOutput", () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "performance"] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("sends whole 160-byte frames at real time, the first at once, then a mark after the segment", async () => {
    const { sent, metrics, output } = setup();
    const segment = output.beginSegment("u1", "Hello.");
    output.pushAudio(segment, new Uint8Array(1000).fill(0x10)); // 6 frames + 40 bytes
    output.endSegment(segment); // pads the 40 bytes to a 7th frame
    expect(media(sent)).toHaveLength(1); // first frame synchronously
    await vi.advanceTimersByTimeAsync(200);
    const frames = media(sent);
    expect(frames).toHaveLength(7);
    for (const f of frames) expect(Buffer.from((f.message.media as { payload: string }).payload, "base64").length).toBe(160);
    const last = Buffer.from((frames[6]!.message.media as { payload: string }).payload, "base64");
    expect(last[39]).toBe(0x10);
    expect(last[40]).toBe(0xff);
    const span = frames[6]!.at - frames[0]!.at;
    expect(span).toBeGreaterThanOrEqual(6 * 20 - 2);
    expect(span).toBeLessThan(6 * 20 + 40);
    const mark = sent[sent.length - 1]!.message;
    expect(mark).toEqual({ event: "mark", streamSid: "MZ1", mark: { name: "seg:u1:0:1120" } });
    expect(metrics.framesSent).toBe(7);
    expect(metrics.frameLatenessMs.count).toBe(7);
  });

  it("reports playback finished only when the mark comes back", async () => {
    const { sent, output } = setup();
    const segment = output.beginSegment("u1", "Hi.");
    output.pushAudio(segment, new Uint8Array(320));
    output.endSegment(segment);
    let idle = false;
    const waiting = output.whenIdle().then(() => (idle = true));
    await vi.advanceTimersByTimeAsync(80);
    expect(idle).toBe(false);
    output.markReceived((sent.find((s) => s.message.event === "mark")!.message.mark as { name: string }).name);
    await waiting;
    expect(output.tracker.playedText("u1")).toBe("Hi.");
  });

  it("on clear drops the queue, tells Twilio, and ignores late audio of the cleared segment", async () => {
    const { sent, output } = setup();
    const segment = output.beginSegment("u1", "A long sentence.");
    output.pushAudio(segment, new Uint8Array(160 * 50));
    await vi.advanceTimersByTimeAsync(50);
    const before = media(sent).length;
    expect(before).toBeLessThan(10);
    const summary = output.clear();
    expect(summary.utteranceIds).toEqual(["u1"]);
    expect(sent[sent.length - 1]!.message).toEqual({ event: "clear", streamSid: "MZ1" });
    output.pushAudio(segment, new Uint8Array(1600));
    output.endSegment(segment);
    await vi.advanceTimersByTimeAsync(60);
    expect(media(sent)).toHaveLength(before);
    expect(output.isSpeaking()).toBe(false);
    const next = output.beginSegment("u2", "Sorry.");
    output.pushAudio(next, new Uint8Array(160));
    output.endSegment(next);
    expect(media(sent)).toHaveLength(before + 1);
  });

  it("keeps one schedule across segments queued back to back", async () => {
    const { sent, output } = setup();
    for (const [i, text] of ["One.", "Two."].entries()) {
      const segment = output.beginSegment("u1", text);
      output.pushAudio(segment, new Uint8Array(160 * 3).fill(i));
      output.endSegment(segment);
    }
    await vi.advanceTimersByTimeAsync(200);
    const frames = media(sent);
    expect(frames).toHaveLength(6);
    const gaps = frames.slice(1).map((f, i) => f.at - frames[i]!.at);
    for (const gap of gaps) expect(gap).toBeGreaterThan(12);
    expect(sent.filter((s) => s.message.event === "mark")).toHaveLength(2);
  });
});
