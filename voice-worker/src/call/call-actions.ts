// The things that end a call's conversation: transferring the caller to a person and taking a
// message. With Twilio they become REST updates of the live call (see call-control.ts); with the
// simulator the transfer is recorded and reported, and the message is recorded here from the
// caller's own audio (saved as a WAV, transcribed when speech-to-text is available). Either way
// the message lands on the Call and the owner is notified through the outbox.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { findTransferTarget } from "../../../server/calls/find-transfer-target";
import { storeCallMessage } from "../../../server/calls/store-call-message";
import { mulawToWav, toneMulaw } from "../media-stream/wav";
import { CallRecorder } from "./call-recorder";
import type { CallSession } from "./call-session";
import { MessageCapture } from "./message-capture";

const BEEP = toneMulaw(1000, 400);

export class CallActions {
  /** A transfer or message is in progress: caller turns and idle prompts are ignored. */
  busy = false;
  /** The whole call, recorded locally when the owner turned recording on (simulator). */
  recorder: CallRecorder | null = null;
  private capture: MessageCapture | null = null;
  private captureDone: (() => void) | null = null;

  constructor(private readonly session: CallSession) {}

  async transfer(): Promise<void> {
    this.busy = true;
    const s = this.session;
    const { db, now, callControl } = s.services;
    const target = await findTransferTarget(db, { businessId: s.call.businessId }, { now: now() });
    if (target.available) {
      await s.say("Please hold while I connect you.");
      const simulated = callControl.kind === "simulator";
      const summary = simulated ? `Transfer to ${target.number} (simulated: no Twilio credentials)` : `Transferred to ${target.number}`;
      s.noteOutcome("transferred");
      s.record.summary = summary;
      s.record.addTurn({ speaker: "system", text: summary });
      await s.end("transferred", "transferred");
      await callControl.transfer(s.controlled(), target.number);
      return;
    }
    s.log.info({ reason: target.reason }, "transfer not possible now; taking a message");
    const why = target.reason === "outside-hours" ? "Sorry, nobody is available to take your call right now." : "Sorry, I can't put you through to anyone at the moment.";
    await s.say(`${why} I'll take a message, and we'll call you back.`);
    await this.takeMessage();
  }

  async takeMessage(): Promise<void> {
    this.busy = true;
    const s = this.session;
    const { callControl, config } = s.services;
    if (callControl.recordMessage && config.publicUrl) {
      // Twilio records it (and beeps); the recording callback stores it and notifies the owner.
      await s.say("Please leave your message after the tone, and press the pound key when you're done.");
      const actionUrl = `${config.publicUrl.replace(/\/+$/, "")}/api/twilio/recording?callId=${encodeURIComponent(s.call.id)}&kind=message`;
      s.record.addTurn({ speaker: "system", text: "Caller handed to Twilio <Record> for a message" });
      await s.end("recording a message with Twilio", "abandoned");
      await callControl.recordMessage(s.controlled(), { actionUrl, maxSeconds: Math.round(config.messageMaxMs / 1000) });
      return;
    }
    await s.say("Please leave your message after the tone. When you're done, press the pound key.", { beep: BEEP });
    if (s.ended) return;
    const capture = new MessageCapture(performance.now(), { maxMs: config.messageMaxMs });
    this.capture = capture;
    await new Promise<void>((resolve) => {
      this.captureDone = resolve;
      s.messageSink = (frame, nowMs) => {
        if (capture.push(frame, nowMs)) resolve();
      };
      s.digitSink = (digit) => {
        if (digit === "#") resolve();
      };
    });
    s.messageSink = null;
    s.digitSink = null;
    if (s.ended) return;
    const stored = await this.storeCapture();
    await s.say(stored ? "Thank you. Your message has been saved, and we'll get back to you soon. Goodbye." : "I didn't hear a message. Goodbye.");
    await s.hangUp(stored ? "message taken" : "no message left", stored ? "message" : "abandoned");
  }

  /** The caller hung up while leaving a message: keep what they said. */
  async finishLocalMessage(): Promise<void> {
    if (!this.capture) return;
    this.captureDone?.();
    await this.storeCapture();
  }

  /** The owner turned recording on: Twilio records the call, or we do (simulator). */
  startRecording(): void {
    const s = this.session;
    const { callControl, config } = s.services;
    if (callControl.startCallRecording && config.publicUrl) {
      const callbackUrl = `${config.publicUrl.replace(/\/+$/, "")}/api/twilio/recording?callId=${encodeURIComponent(s.call.id)}&kind=call`;
      callControl.startCallRecording(s.controlled(), { callbackUrl }).catch((error: unknown) => s.log.error({ err: error }, "could not start the call recording"));
      return;
    }
    if (callControl.kind === "simulator" && config.mediaDir) {
      const recorder = new CallRecorder(s.stream.startedAt);
      this.recorder = recorder;
      s.output.tapFrames((frame, now) => recorder.outbound(frame, now));
    }
  }

  async saveCallRecording(): Promise<void> {
    const s = this.session;
    const recorder = this.recorder;
    if (!recorder || !s.services.config.mediaDir) return;
    try {
      const file = await recorder.save(path.join(s.services.config.mediaDir!, "recordings", `${s.call.id}.wav`));
      // A message left on the call keeps its own recording URL.
      await s.services.db.call.updateMany({ where: { id: s.call.id, recordingUrl: null }, data: { recordingUrl: pathToFileURL(file).href } });
    } catch (error) {
      s.log.error({ err: error }, "could not save the call recording");
    }
  }

  private async storeCapture(): Promise<boolean> {
    const capture = this.capture;
    this.capture = null;
    if (!capture?.hasSpeech) return false;
    const s = this.session;
    const { db, now, config } = s.services;
    const audio = capture.audio;
    let recordingUrl: string | null = null;
    if (config.mediaDir) {
      try {
        const file = path.join(config.mediaDir, "messages", `${s.call.id}.wav`);
        await mkdir(path.dirname(file), { recursive: true });
        await writeFile(file, mulawToWav(audio));
        recordingUrl = pathToFileURL(file).href;
      } catch (error) {
        s.log.error({ err: error }, "could not save the message audio");
      }
    }
    let text: string | null = null;
    const stt = s.sttSession;
    if (stt) {
      try {
        text = (await stt.transcribe(audio, { signal: AbortSignal.timeout(15_000) })).text || null;
      } catch (error) {
        s.log.warn({ err: error instanceof Error ? error.message : error }, "could not transcribe the message");
      }
    }
    try {
      await storeCallMessage(db, { callId: s.call.id, text, recordingUrl, durationSeconds: capture.durationSeconds }, { now: now() });
    } catch (error) {
      s.log.error({ err: error }, "could not store the message");
      return false;
    }
    s.noteOutcome("message");
    s.record.addTurn({ speaker: "caller", text: text ? `[message] ${text}` : "[voice message]" });
    return true;
  }
}
