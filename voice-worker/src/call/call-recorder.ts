// Local recording of a whole call (the owner turned recording on and there is no Twilio to record
// it): caller on the left channel, agent on the right, placed by arrival time so the pauses are
// real. Saved as a WAV under DATA_DIR/voice/recordings when the call ends.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { decodeMulaw, MULAW_BYTES_PER_MS } from "../media-stream/mulaw";
import { encodeWavPcm16 } from "../media-stream/wav";

export class CallRecorder {
  private readonly channels: [Uint8Array[], Uint8Array[]] = [[], []];
  private readonly written: [number, number] = [0, 0];

  constructor(private readonly startMs: number) {}

  inbound(frame: Uint8Array, nowMs: number): void {
    this.place(0, frame, nowMs);
  }

  outbound(frame: Uint8Array, nowMs: number): void {
    this.place(1, frame, nowMs);
  }

  async save(file: string): Promise<string> {
    const length = Math.max(this.written[0], this.written[1]);
    const left = this.flatten(0, length);
    const right = this.flatten(1, length);
    const stereo = new Int16Array(length * 2);
    for (let i = 0; i < length; i++) {
      stereo[i * 2] = left[i]!;
      stereo[i * 2 + 1] = right[i]!;
    }
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, encodeWavPcm16(stereo, 8000, 2));
    return file;
  }

  private place(channel: 0 | 1, frame: Uint8Array, nowMs: number): void {
    // Frames are appended in order; a gap before this one (nothing was said) becomes silence.
    const at = Math.max(this.written[channel], Math.round((nowMs - this.startMs) * MULAW_BYTES_PER_MS) - frame.length);
    if (at > this.written[channel]) {
      this.channels[channel].push(new Uint8Array(at - this.written[channel]).fill(0xff));
      this.written[channel] = at;
    }
    this.channels[channel].push(frame.slice());
    this.written[channel] += frame.length;
  }

  private flatten(channel: 0 | 1, length: number): Int16Array {
    const all = new Uint8Array(length).fill(0xff);
    let offset = 0;
    for (const part of this.channels[channel]) {
      all.set(part.subarray(0, Math.max(0, length - offset)), offset);
      offset += part.length;
    }
    return decodeMulaw(all);
  }
}
