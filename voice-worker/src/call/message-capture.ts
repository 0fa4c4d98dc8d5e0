// Records a caller's message locally (no Twilio to do it: the call simulator). Ends on the pound
// key (the session calls finish), after 3 s of silence once the caller has spoken, after 10 s if
// they never speak, or at the length limit.
import { VoiceActivityDetector } from "../pipeline/vad";

export class MessageCapture {
  private readonly frames: Uint8Array[] = [];
  private bytes = 0;
  private readonly vad = new VoiceActivityDetector();
  private heardSpeech = false;
  private lastVoiceAt: number;

  constructor(
    private readonly startedAt: number,
    private readonly options: { maxMs: number; endSilenceMs?: number; noSpeechMs?: number },
  ) {
    this.lastVoiceAt = startedAt;
  }

  /** Adds caller audio; returns true when the message is complete. */
  push(frame: Uint8Array, nowMs: number): boolean {
    this.frames.push(frame.slice());
    this.bytes += frame.length;
    this.vad.process(frame, nowMs);
    if (this.vad.speaking) {
      this.heardSpeech = true;
      this.lastVoiceAt = nowMs;
    }
    if (nowMs - this.startedAt >= this.options.maxMs) return true;
    if (this.heardSpeech) return !this.vad.speaking && nowMs - this.lastVoiceAt >= (this.options.endSilenceMs ?? 3000);
    return nowMs - this.startedAt >= (this.options.noSpeechMs ?? 10_000);
  }

  get hasSpeech(): boolean {
    return this.heardSpeech;
  }

  get durationSeconds(): number {
    return Math.round(this.bytes / 8000);
  }

  get audio(): Uint8Array {
    const out = new Uint8Array(this.bytes);
    let offset = 0;
    for (const frame of this.frames) {
      out.set(frame, offset);
      offset += frame.length;
    }
    return out;
  }
}
