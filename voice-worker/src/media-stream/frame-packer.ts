// Cuts outbound μ-law into whole 20 ms frames. TTS engines deliver audio in whatever sizes they
// like (ElevenLabs chunks, resampler output, 1 KiB socket reads), but Twilio plays partial
// frames with audible jitter, so everything sent goes through one packer per call. The remainder
// carries over to the next chunk; `flush` pads the last partial frame with silence at the end of
// a segment; `reset` drops pending audio on barge-in.

import { MULAW_FRAME_BYTES, MULAW_SILENCE } from "./mulaw";

/**
 * Receives each complete frame. The array is the packer's own scratch buffer, overwritten for the
 * next frame: encode or copy it before returning (`buildMediaMessage` does).
 */
export type FrameSink = (frame: Uint8Array) => void;

export class FramePacker {
  readonly frameBytes: number;
  // One frame of scratch, reused for every frame emitted: no allocation per 20 ms.
  private readonly frame: Uint8Array;
  private pending = 0;

  constructor(frameBytes: number = MULAW_FRAME_BYTES) {
    if (!Number.isInteger(frameBytes) || frameBytes <= 0) {
      throw new RangeError(`frame size must be a positive integer, got ${frameBytes}`);
    }
    this.frameBytes = frameBytes;
    this.frame = new Uint8Array(frameBytes);
  }

  /** Bytes held back because they do not make a whole frame yet (0 to frameBytes − 1). */
  get pendingBytes(): number {
    return this.pending;
  }

  /** Adds audio and emits every frame it completes. Returns the number of frames emitted. */
  push(chunk: Uint8Array, onFrame: FrameSink): number {
    const size = this.frameBytes;
    const frame = this.frame;
    let offset = 0;
    let emitted = 0;
    while (offset < chunk.length) {
      const take = Math.min(size - this.pending, chunk.length - offset);
      // A plain loop rather than set(subarray(...)): no view object per frame, and 160 bytes is
      // too short for memcpy to win.
      for (let i = 0; i < take; i++) frame[this.pending + i] = chunk[offset + i] as number;
      this.pending += take;
      offset += take;
      if (this.pending === size) {
        this.pending = 0;
        onFrame(frame);
        emitted++;
      }
    }
    return emitted;
  }

  /**
   * Emits the held-back partial frame padded with silence (0xFF), if there is one. Call at the end
   * of each segment so its mark lands right after its last audio; the padding is at most 19.875 ms
   * of silence, inaudible between sentences. Returns the number of padding bytes added.
   */
  flush(onFrame: FrameSink): number {
    if (this.pending === 0) return 0;
    const padding = this.frameBytes - this.pending;
    this.frame.fill(MULAW_SILENCE, this.pending);
    this.pending = 0;
    onFrame(this.frame);
    return padding;
  }

  /** Drops the held-back partial frame (barge-in). Returns the number of bytes dropped. */
  reset(): number {
    const dropped = this.pending;
    this.pending = 0;
    return dropped;
  }
}
