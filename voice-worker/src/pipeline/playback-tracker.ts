// Knows what the caller has actually heard. The agent's words leave as text segments (sentences)
// rendered to audio; after each segment's last frame the session sends a Twilio mark, and Twilio
// echoes it once that audio has played. On barge-in the session sends `clear`, and Twilio then
// echoes every pending mark as well, although that audio was thrown away. This tracker keeps the
// books so the agent's turn can be trimmed to what was heard, and tells the session whether the
// agent is audible right now.
//
// Usage per segment: beginSegment(utteranceId, text) → audioSent(bytes, now)… (after the frame
// packer; include flush padding) → endSegment() returns the mark name to send → markReceived(name,
// now) when Twilio echoes it. clearIssued(now) when `clear` is sent.
//
// Decisions:
//  - Mark names carry the stream's cumulative audio byte offset:
//    `seg:<utteranceId>:<segmentIndex>:<endByteOffset>`. Offsets only grow, so a stray echo can be
//    placed before or after the last clear from its name alone.
//  - Once `clear` is issued, every segment not yet confirmed counts as discarded, including one
//    whose "played" echo was already on its way to us. That race can only make us under-report
//    what was heard (the agent may repeat half a sentence), never claim words the caller missed.
//  - Twilio plays in order, so an echo for segment k also confirms any earlier segment whose echo
//    went missing.
//  - Partial segment estimate (opt-in): the time between a segment's estimated start of playback
//    and the clear, times 8 bytes/ms, as a share of its audio, mapped to the same share of its
//    characters and cut back to a whole word. Estimated start = when its first audio was sent,
//    or when the previous segment finished (per its mark echo, else per the audio clock). TTS
//    speaks at an uneven rate and pads with silence, so this is a hint, not a transcript.

import { MULAW_BYTES_PER_MS } from "../media-stream/mulaw";

type SegmentState = "open" | "pending" | "played" | "discarded";

interface Segment {
  readonly utteranceId: string;
  readonly index: number;
  readonly text: string;
  readonly startOffset: number;
  endOffset: number;
  state: SegmentState;
  markName: string | null;
  /** Estimated wall time its first byte starts playing at Twilio (null before any audio). */
  startMs: number | null;
  /** Estimated wall time its last byte finishes playing. */
  endMs: number;
  /** For discarded segments: estimated bytes that played before the clear. */
  heardBytes: number;
}

export type MarkOutcome =
  | { kind: "played"; utteranceId: string; segmentIndex: number }
  | { kind: "discarded"; utteranceId: string | null; segmentIndex: number | null }
  | { kind: "unknown" };

export interface ClearSummary {
  /** Utterances that lost audio to the clear, oldest first. */
  utteranceIds: string[];
  discardedSegments: number;
}

export interface PlaybackTrackerOptions {
  /** First field of every mark name; lets the session route echoes by prefix. */
  markPrefix?: string;
  /**
   * How long after the audio clock says playback ended we still trust a missing echo to be on
   * its way. Past it, `isSpeaking` says false, so a lost mark cannot leave the agent "speaking"
   * forever. Covers Twilio's round trip and jitter buffer.
   */
  maxMarkLagMs?: number;
}

export const DEFAULT_MAX_MARK_LAG_MS = 2000;

export class PlaybackTracker {
  private readonly prefix: string;
  private readonly maxMarkLagMs: number;
  private readonly utterances = new Map<string, Segment[]>();
  /** Segments sent but neither confirmed nor discarded, in send order (open one last). */
  private inFlight: Segment[] = [];
  private open: Segment | null = null;
  private sentBytes = 0;
  private clearedThroughOffset = -1;
  /** Estimated wall time at which everything sent so far has finished playing. */
  private playheadFreeAtMs = Number.NEGATIVE_INFINITY;
  private stretchStartMs: number | null = null;

  constructor(options: PlaybackTrackerOptions = {}) {
    this.prefix = options.markPrefix ?? "seg";
    this.maxMarkLagMs = options.maxMarkLagMs ?? DEFAULT_MAX_MARK_LAG_MS;
  }

  /** Opens the segment that the following `audioSent` calls belong to. */
  beginSegment(utteranceId: string, text: string): void {
    if (this.open) throw new Error("beginSegment: previous segment was not ended");
    const segments = this.utterances.get(utteranceId) ?? [];
    if (segments.length === 0) this.utterances.set(utteranceId, segments);
    const segment: Segment = {
      utteranceId,
      index: segments.length,
      text,
      startOffset: this.sentBytes,
      endOffset: this.sentBytes,
      state: "open",
      markName: null,
      startMs: null,
      endMs: Number.NEGATIVE_INFINITY,
      heardBytes: 0,
    };
    segments.push(segment);
    this.inFlight.push(segment);
    this.open = segment;
  }

  /** Records audio handed to Twilio for the open segment. Cheap: call it per frame. */
  audioSent(bytes: number, nowMs: number): void {
    const segment = this.open;
    if (!segment) throw new Error("audioSent: no open segment (after a clear, begin a new one)");
    if (bytes <= 0) return;
    if (!this.isSpeaking(nowMs)) this.stretchStartMs = Math.max(nowMs, this.playheadFreeAtMs);
    // Twilio starts playing on arrival if its buffer is empty, else right after what is queued.
    const startsAt = Math.max(nowMs, this.playheadFreeAtMs);
    if (segment.startMs === null) segment.startMs = startsAt;
    this.playheadFreeAtMs = startsAt + bytes / MULAW_BYTES_PER_MS;
    segment.endMs = this.playheadFreeAtMs;
    this.sentBytes += bytes;
    segment.endOffset = this.sentBytes;
  }

  /** Closes the open segment and returns the mark name to send right after its last frame. */
  endSegment(): string {
    const segment = this.open;
    if (!segment) throw new Error("endSegment: no open segment");
    segment.markName = `${this.prefix}:${segment.utteranceId}:${segment.index}:${segment.endOffset}`;
    segment.state = "pending";
    this.open = null;
    return segment.markName;
  }

  /** Call for every `mark` event Twilio sends. */
  markReceived(name: string, nowMs: number): MarkOutcome {
    const position = this.inFlight.findIndex((s) => s.markName === name);
    if (position >= 0) return this.confirmThrough(position, nowMs);

    const parsed = this.parseMarkName(name);
    if (!parsed) return { kind: "unknown" };
    const known = this.utterances.get(parsed.utteranceId)?.[parsed.segmentIndex];
    const discarded = known ? known.state === "discarded" : parsed.endOffset <= this.clearedThroughOffset;
    return discarded
      ? { kind: "discarded", utteranceId: parsed.utteranceId, segmentIndex: parsed.segmentIndex }
      : { kind: "unknown" };
  }

  /** Call when `clear` is sent: everything unconfirmed is now discarded. */
  clearIssued(nowMs: number): ClearSummary {
    const utteranceIds: string[] = [];
    for (const segment of this.inFlight) {
      const bytes = segment.endOffset - segment.startOffset;
      const playedMs = segment.startMs === null ? 0 : nowMs - segment.startMs;
      segment.heardBytes = Math.min(bytes, Math.max(0, Math.floor(playedMs * MULAW_BYTES_PER_MS)));
      segment.state = "discarded";
      if (!utteranceIds.includes(segment.utteranceId)) utteranceIds.push(segment.utteranceId);
    }
    const summary = { utteranceIds, discardedSegments: this.inFlight.length };
    this.inFlight = [];
    this.open = null;
    this.clearedThroughOffset = this.sentBytes;
    this.playheadFreeAtMs = nowMs;
    this.stretchStartMs = null;
    return summary;
  }

  /** True while audio sent to Twilio is (by marks, bounded by the audio clock) still playing. */
  isSpeaking(nowMs: number): boolean {
    if (nowMs > this.playheadFreeAtMs + this.maxMarkLagMs) return false;
    // A plain loop: this runs for every outbound and inbound frame.
    for (const segment of this.inFlight) if (segment.endOffset > segment.startOffset) return true;
    return false;
  }

  /** Estimated start of the current uninterrupted stretch of agent audio, or null if silent. */
  playbackStartedAtMs(nowMs: number): number | null {
    return this.isSpeaking(nowMs) ? this.stretchStartMs : null;
  }

  /** The words of `utteranceId` the caller heard: confirmed segments, plus the estimate if asked. */
  playedText(utteranceId: string, options: { includePartial?: boolean } = {}): string {
    const parts: string[] = [];
    for (const segment of this.utterances.get(utteranceId) ?? []) {
      if (segment.state === "played") {
        parts.push(segment.text.trim());
      } else if (segment.state === "discarded") {
        if (options.includePartial && segment.heardBytes > 0) {
          parts.push(heardPrefix(segment.text, segment.heardBytes / (segment.endOffset - segment.startOffset)));
        }
      }
    }
    return parts.filter((p) => p.length > 0).join(" ");
  }

  /** True if a clear cut any of this utterance's audio. */
  wasInterrupted(utteranceId: string): boolean {
    return (this.utterances.get(utteranceId) ?? []).some((s) => s.state === "discarded");
  }

  /** Drops the bookkeeping of a finished utterance (long calls). In-flight marks still resolve. */
  forget(utteranceId: string): void {
    this.utterances.delete(utteranceId);
  }

  /** Total audio bytes handed to Twilio on this stream. */
  get totalSentBytes(): number {
    return this.sentBytes;
  }

  private confirmThrough(position: number, nowMs: number): MarkOutcome {
    const confirmed = this.inFlight[position] as Segment;
    for (let i = 0; i <= position; i++) (this.inFlight[i] as Segment).state = "played";
    this.inFlight = this.inFlight.slice(position + 1);
    // The echo is the real clock: if it came later than the estimate, everything queued behind it
    // plays later too (network and jitter buffer delay). Never move estimates earlier.
    const delay = nowMs - confirmed.endMs;
    if (delay > 0) {
      for (const segment of this.inFlight) {
        if (segment.startMs !== null) segment.startMs += delay;
        segment.endMs += delay;
      }
      this.playheadFreeAtMs += delay;
    }
    return { kind: "played", utteranceId: confirmed.utteranceId, segmentIndex: confirmed.index };
  }

  private parseMarkName(name: string): { utteranceId: string; segmentIndex: number; endOffset: number } | null {
    if (!name.startsWith(`${this.prefix}:`)) return null;
    const body = name.slice(this.prefix.length + 1);
    const match = /^(.*):(\d+):(\d+)$/.exec(body);
    if (!match) return null;
    return { utteranceId: match[1] as string, segmentIndex: Number(match[2]), endOffset: Number(match[3]) };
  }
}

/** The first `fraction` of `text`, cut back to the last whole word. */
function heardPrefix(text: string, fraction: number): string {
  const trimmed = text.trim();
  const cut = Math.round(trimmed.length * Math.min(1, Math.max(0, fraction)));
  if (cut >= trimmed.length) return trimmed;
  const next = trimmed[cut];
  const head = trimmed.slice(0, cut);
  // Mid-word: drop the fragment; a half word was not "heard" in any useful sense.
  return (next !== undefined && /\s/.test(next) ? head : head.replace(/\S*$/, "")).trim();
}
