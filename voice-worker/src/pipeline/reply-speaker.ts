// Turns a conversation's reply stream into audio on the call: text deltas are cut into sentences,
// each sentence is synthesized as soon as it is complete (the next one while the previous plays)
// and queued as one segment with its own Twilio mark. A "tool-start" with nothing said yet plays a
// short filler. Aborting the signal (barge-in, hang-up) stops reading the reply and synthesizing;
// the session clears what was already queued. Timing marks for the latency breakdown are noted
// on the way (first text, first sentence, text-to-speech first byte).
import type { CallOutcome } from "../../../server/calls/call-record-types";
import type { CallAction, Reply, ReplyEvent } from "../conversation";
import type { MediaOutput } from "../media-stream/media-output";
import type { TtsSession } from "../providers/tts/text-to-speech";
import { SentenceSplitter } from "./sentence-splitter";

export const FILLERS = ["One moment, let me check.", "Let me look that up.", "Just a moment."];

export interface TurnTiming {
  /** Session clock (performance.now()) when the reply was requested. */
  requestedAt: number;
  firstTextAt?: number;
  /** When the first sentence (or filler) went to text-to-speech. */
  firstSpeechRequestAt?: number;
  firstAudioAt?: number;
}

export interface PlayedReply {
  /** The reply's text (without fillers). */
  text: string;
  /** Everything sent to text-to-speech for this utterance, fillers included. */
  spokenText: string;
  /** The filler said before the reply, if one was (it leads spokenText). */
  filler?: string;
  action?: CallAction;
  aborted: boolean;
  /**
   * After an abort the rest of the reply is still read (not spoken) for outcomes and usage: a
   * booking that committed while the caller hung up must still count. Settles when it has been.
   */
  drained: Promise<void>;
}

export interface ReplySpeakerOptions {
  output: MediaOutput;
  tts: () => TtsSession;
  /** Called when text-to-speech fails; returns a session to retry with (the local voice), or null. */
  onTtsFailure?: (error: unknown) => TtsSession | null;
  onOutcome?: (outcome: CallOutcome, detail?: string) => void;
  onUsage?: (usage: { model: string; inputTokens: number; outputTokens: number }) => void;
  fillerDelayMs?: number;
  now?: () => number;
}

export function newPlayedReply(): PlayedReply {
  return { text: "", spokenText: "", aborted: false, drained: Promise.resolve() };
}

/** How long an aborted reply may keep running to report what it achieved. */
const DRAIN_LIMIT_MS = 10_000;

export class ReplySpeaker {
  private fillerIndex = 0;

  constructor(private readonly options: ReplySpeakerOptions) {}

  /**
   * Plays `reply`. `result`, when given, is filled in as the reply goes (a barge-in handler reads
   * what was said so far from it).
   */
  async play(
    reply: Reply,
    { utteranceId, signal, timing, result = newPlayedReply() }: { utteranceId: string; signal: AbortSignal; timing: TurnTiming; result?: PlayedReply },
  ): Promise<PlayedReply> {
    const now = this.options.now ?? (() => performance.now());
    const splitter = new SentenceSplitter();
    let speech: Promise<void> = Promise.resolve();
    let anythingSpoken = false;
    let fillerTimer: NodeJS.Timeout | null = null;
    let failure: unknown = null;

    const speak = (sentence: string) => {
      anythingSpoken = true;
      result.spokenText += (result.spokenText ? " " : "") + sentence;
      timing.firstSpeechRequestAt ??= now();
      speech = speech.then(() => (signal.aborted || failure ? undefined : this.speakSegment(utteranceId, sentence, signal, timing))).catch((error: unknown) => {
        failure ??= error;
      });
    };
    const aborted = new Promise<"aborted">((resolve) => {
      if (signal.aborted) resolve("aborted");
      signal.addEventListener("abort", () => resolve("aborted"), { once: true });
    });

    const iterator = reply[Symbol.asyncIterator]();
    let pending: Promise<IteratorResult<ReplyEvent>> | null = null;
    try {
      for (;;) {
        pending = iterator.next();
        const next = await Promise.race([pending, aborted]);
        if (next === "aborted") break;
        pending = null;
        if (next.done) break;
        const event = next.value;
        switch (event.type) {
          case "text": {
            if (!event.delta) break;
            timing.firstTextAt ??= now();
            result.text += event.delta;
            if (fillerTimer) clearTimeout(fillerTimer);
            fillerTimer = null;
            for (const sentence of splitter.push(event.delta)) speak(sentence);
            break;
          }
          case "tool-start":
            if (!anythingSpoken && !fillerTimer) {
              fillerTimer = setTimeout(() => {
                fillerTimer = null;
                if (anythingSpoken || signal.aborted) return;
                result.filler = FILLERS[this.fillerIndex++ % FILLERS.length]!;
                speak(result.filler);
              }, this.options.fillerDelayMs ?? 250);
            }
            break;
          case "outcome":
            this.options.onOutcome?.(event.outcome, event.detail);
            break;
          case "usage":
            this.options.onUsage?.(event);
            break;
          case "done":
            result.action = event.action;
            break;
        }
      }
      if (!signal.aborted) {
        const rest = splitter.flush();
        if (rest) speak(rest);
      }
    } finally {
      if (fillerTimer) clearTimeout(fillerTimer);
    }
    if (signal.aborted) {
      result.aborted = true;
      result.drained = this.drain(iterator, pending);
    }
    await speech;
    if (failure && !signal.aborted) throw failure;
    result.text = result.text.trim();
    return result;
  }

  private async drain(iterator: AsyncIterator<ReplyEvent>, pending: Promise<IteratorResult<ReplyEvent>> | null): Promise<void> {
    const deadline = performance.now() + DRAIN_LIMIT_MS;
    const timeout = new Promise<"timeout">((resolve) => setTimeout(() => resolve("timeout"), DRAIN_LIMIT_MS).unref());
    try {
      for (let next = pending ?? iterator.next(); performance.now() < deadline; next = iterator.next()) {
        const result = await Promise.race([next, timeout]);
        if (result === "timeout" || result.done) break;
        const event = result.value;
        if (event.type === "outcome") this.options.onOutcome?.(event.outcome, event.detail);
        else if (event.type === "usage") this.options.onUsage?.(event);
      }
    } catch {
      // An aborted reply may end in an AbortError: nothing to report.
    } finally {
      void iterator.return?.()?.catch(() => undefined);
    }
  }

  /** One sentence → one segment (begun on its first audio, so a silent failure leaves no mark). */
  private async speakSegment(utteranceId: string, text: string, signal: AbortSignal, timing: TurnTiming): Promise<void> {
    const output = this.options.output;
    let tts = this.options.tts();
    let segment: ReturnType<MediaOutput["beginSegment"]> | null = null;
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        for await (const chunk of tts.synthesize(text, signal)) {
          if (signal.aborted) return;
          if (!segment) {
            timing.firstAudioAt ??= (this.options.now ?? performance.now.bind(performance))();
            segment = output.beginSegment(utteranceId, text);
          }
          output.pushAudio(segment, chunk);
        }
        if (segment && !signal.aborted) output.endSegment(segment);
        return;
      } catch (error) {
        // Retry once with the local voice, unless part of the sentence already went out.
        const fallback = segment || signal.aborted ? null : (this.options.onTtsFailure?.(error) ?? null);
        if (!fallback) throw error;
        tts = fallback;
      }
    }
  }
}
