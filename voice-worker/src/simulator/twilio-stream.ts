// The Twilio side of one Media Streams socket, as the call simulator plays it: `connected` and
// `start`, the caller's audio every 20 ms (silence between utterances), DTMF, `stop`; and the
// agent's audio played out at real time, echoing each mark once the audio before it has played
// and dropping the queue (echoing its marks) on `clear`, as Twilio does. Runs the caller's steps.
import { randomBytes } from "node:crypto";
import WebSocket from "ws";
import { MULAW_FRAME_BYTES, MULAW_SILENCE } from "../media-stream/mulaw";
import type { SimulatedCall, SimulatorOptions } from "./call-simulator";
import { speechAudio, wavAudio } from "./caller-voice";
import { sharedClock, type SimClock } from "./sim-clock";
import { postSignedJson } from "./twilio-signing";

export const ACCOUNT_SID = "AC00000000000000000000000000000000";
const SILENCE_PAYLOAD = Buffer.alloc(MULAW_FRAME_BYTES, MULAW_SILENCE).toString("base64");

type PlayoutItem = Uint8Array | { mark: string };

export class SimulatedTwilioStream {
  elapsedMs = 0;
  private socket!: WebSocket;
  private readonly streamSid = `MZ${randomBytes(16).toString("hex")}`;
  private sequence = 0;
  private chunk = 0;
  private startedAt = 0;
  private readonly inbound: Uint8Array[] = [];
  private readonly playout: PlayoutItem[] = [];
  private readonly heard: Uint8Array[] = [];
  private framesSinceAction = 0;
  private firstFrameSinceActionAt: number | null = null;
  private lastFrameAt = 0;
  private lastActionAt = 0;
  private awaitingResponse = false;
  private closed = false;
  private hungUp = false;
  private resolveClosed!: () => void;
  private readonly closedPromise = new Promise<void>((resolve) => (this.resolveClosed = resolve));
  private readonly waiters: Array<{ ready: () => boolean; resolve: () => void }> = [];
  private sttDouble = true;
  private readonly clock: SimClock;
  private readonly tick = (now: number) => this.onTick(now);

  constructor(
    private readonly options: SimulatorOptions,
    private readonly result: SimulatedCall,
    private readonly url: string,
    private readonly parameters: Record<string, string>,
    private readonly callSid: string,
    private readonly workerUrl: string,
    private readonly log: (line: string) => void,
  ) {
    this.clock = options.clock ?? sharedClock;
  }

  async run(): Promise<void> {
    this.socket = new WebSocket(this.url);
    await new Promise<void>((resolve, reject) => {
      this.socket.once("open", () => resolve());
      this.socket.once("error", reject);
    });
    this.socket.on("message", (data) => this.onMessage(data.toString()));
    this.socket.on("close", (code, reason) => this.onClose(code, reason.toString()));
    this.socket.on("error", (error) => this.result.errors.push(`socket: ${error.message}`));
    this.send({ event: "connected", protocol: "Call", version: "1.0.0" });
    this.startedAt = performance.now();
    this.lastActionAt = this.startedAt;
    this.awaitingResponse = true;
    this.send({
      event: "start",
      sequenceNumber: String(++this.sequence),
      streamSid: this.streamSid,
      start: {
        streamSid: this.streamSid,
        accountSid: ACCOUNT_SID,
        callSid: this.callSid,
        tracks: ["inbound"],
        customParameters: this.parameters,
        mediaFormat: { encoding: "audio/x-mulaw", sampleRate: 8000, channels: 1 },
      },
    });
    this.clock.add(this.tick);
    this.options.onSocket?.(this.socket, this.streamSid);

    const timeout = setTimeout(() => {
      this.result.errors.push("call timed out");
      this.hangUp();
    }, this.options.callTimeoutMs ?? 180_000);
    try {
      await this.runSteps();
    } catch (error) {
      this.result.errors.push(String(error));
      this.hangUp();
    }
    await this.closedPromise;
    clearTimeout(timeout);
    this.elapsedMs = performance.now() - this.startedAt;
    this.result.agentAudio = Buffer.concat(this.heard);
  }

  private async runSteps(): Promise<void> {
    for (const step of this.options.steps) {
      if (this.closed) return;
      if ("wait" in step) {
        await this.sleep(step.wait);
        continue;
      }
      if (!step.now) await (step.early ? this.agentStarted() : this.agentFinished());
      if (this.closed) return;
      if ("hangup" in step) return this.hangUp();
      if ("dtmf" in step) {
        for (const digit of step.dtmf) {
          this.send({ event: "dtmf", streamSid: this.streamSid, sequenceNumber: String(++this.sequence), dtmf: { track: "inbound_track", digit } });
          this.log(`caller pressed ${digit}`);
          await this.sleep(120);
        }
        this.actionDone();
        continue;
      }
      let audio: Uint8Array;
      let text: string | undefined;
      if ("say" in step) {
        audio = await speechAudio(step.say);
        text = step.say;
      } else if ("wav" in step) {
        audio = await wavAudio(step.wav);
        text = step.text;
      } else {
        audio = step.audio;
        text = step.text;
      }
      if (text) await this.registerUtterance(text, audio);
      const cutAfter = "hangUpAfterMs" in step ? step.hangUpAfterMs : undefined;
      const sent = cutAfter === undefined ? audio : audio.subarray(0, Math.min(audio.length, Math.round(cutAfter * 8 / MULAW_FRAME_BYTES) * MULAW_FRAME_BYTES));
      this.log(`caller says${cutAfter === undefined ? "" : ` (hanging up after ${cutAfter} ms)`}: ${text ?? `[${(audio.length / 8000).toFixed(1)} s of audio]`}`);
      for (let offset = 0; offset < sent.length; offset += MULAW_FRAME_BYTES) this.inbound.push(sent.subarray(offset, offset + MULAW_FRAME_BYTES));
      await this.until(() => this.inbound.length === 0);
      if (cutAfter !== undefined) return this.hangUp();
      this.actionDone();
    }
    if (this.options.stayOnLine) return;
    await this.agentFinished();
    await this.sleep(1000);
    this.hangUp();
  }

  private actionDone(): void {
    this.lastActionAt = performance.now();
    this.framesSinceAction = 0;
    this.firstFrameSinceActionAt = null;
    this.awaitingResponse = true;
  }

  /** The agent answered the last action and has gone quiet (or the step timed out). */
  private agentFinished(): Promise<void> {
    const quiet = this.options.agentQuietMs ?? 800;
    return this.until(
      () => this.framesSinceAction > 0 && this.playout.length === 0 && performance.now() - this.lastFrameAt >= quiet,
      "the agent's reply",
    );
  }

  /** The agent has been answering the last action for earlyAfterMs. */
  private agentStarted(): Promise<void> {
    const after = this.options.earlyAfterMs ?? 800;
    return this.until(() => this.firstFrameSinceActionAt !== null && performance.now() - this.firstFrameSinceActionAt >= after, "the agent to start answering");
  }

  private until(ready: () => boolean, what?: string): Promise<void> {
    if (this.closed || ready()) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = what
        ? setTimeout(() => {
            this.result.errors.push(`timed out waiting for ${what}`);
            entry.ready = () => true;
          }, this.options.stepTimeoutMs ?? 60_000)
        : null;
      const entry = {
        ready,
        resolve: () => {
          if (timer) clearTimeout(timer);
          resolve();
        },
      };
      this.waiters.push(entry);
    });
  }

  private sleep(ms: number): Promise<void> {
    const until = performance.now() + ms;
    return this.until(() => performance.now() >= until);
  }

  private onTick(now: number): void {
    if (this.closed) return;
    // Caller → worker: one frame every 20 ms, silence when the caller is not talking.
    const frame = this.inbound.shift();
    const payload = frame ? Buffer.from(frame.buffer, frame.byteOffset, frame.byteLength).toString("base64") : SILENCE_PAYLOAD;
    this.chunk++;
    this.send(
      `{"event":"media","sequenceNumber":"${++this.sequence}","streamSid":"${this.streamSid}","media":{"track":"inbound","chunk":"${this.chunk}","timestamp":"${Math.round(now - this.startedAt)}","payload":"${payload}"}}`,
    );
    // Worker → caller: play one frame; echo each mark once the audio queued before it has played.
    this.echoLeadingMarks();
    const next = this.playout[0];
    if (next instanceof Uint8Array) {
      this.playout.shift();
      if (this.options.keepAudio !== false) this.heard.push(next);
    } else if (this.options.keepAudio !== false) {
      this.heard.push(SILENCE_FRAME);
    }
    for (let i = 0; i < this.waiters.length; i++) {
      const waiter = this.waiters[i]!;
      if (waiter.ready()) {
        this.waiters.splice(i--, 1);
        waiter.resolve();
      }
    }
  }

  private echoLeadingMarks(): void {
    while (this.playout.length > 0 && !(this.playout[0] instanceof Uint8Array)) {
      const { mark } = this.playout.shift() as { mark: string };
      this.echoMark(mark);
    }
  }

  private echoMark(name: string): void {
    this.result.marksEchoed++;
    this.send({ event: "mark", sequenceNumber: String(++this.sequence), streamSid: this.streamSid, mark: { name } });
  }

  private onMessage(raw: string): void {
    let message: { event?: string; media?: { payload?: string }; mark?: { name?: string } };
    try {
      message = JSON.parse(raw);
    } catch {
      this.result.errors.push("worker sent malformed JSON");
      return;
    }
    const now = performance.now();
    if (message.event === "media" && message.media?.payload) {
      const frame = Buffer.from(message.media.payload, "base64");
      if (frame.length !== MULAW_FRAME_BYTES) this.result.errors.push(`worker sent a ${frame.length}-byte frame`);
      const gap = now - this.lastFrameAt;
      if (this.result.framesReceived > 0 && gap < 200) this.result.arrivalJitterMs.push(Math.abs(gap - 20));
      this.result.framesReceived++;
      this.lastFrameAt = now;
      if (this.result.greetingLatencyMs === null) this.result.greetingLatencyMs = now - this.startedAt;
      if (this.awaitingResponse) {
        this.awaitingResponse = false;
        if (this.lastActionAt !== this.startedAt) this.result.responseLatenciesMs.push(now - this.lastActionAt);
      }
      this.framesSinceAction++;
      this.firstFrameSinceActionAt ??= now;
      this.playout.push(frame);
    } else if (message.event === "mark" && message.mark?.name) {
      this.playout.push({ mark: message.mark.name });
    } else if (message.event === "clear") {
      // Twilio drops its buffer and reports every pending mark at once.
      this.result.clearsReceived++;
      const pending = this.playout.splice(0);
      for (const item of pending) if (!(item instanceof Uint8Array)) this.echoMark(item.mark);
    } else {
      this.result.errors.push(`worker sent an unexpected message: ${raw.slice(0, 80)}`);
    }
  }

  private async registerUtterance(text: string, audio: Uint8Array): Promise<void> {
    if (!this.sttDouble) return;
    const response = await postSignedJson(
      `${this.workerUrl}/test-doubles/stt/utterances`,
      { text, audio: Buffer.from(audio).toString("base64") },
      this.options.authToken,
    ).catch(() => null);
    // 404: the worker runs real speech-to-text (or none); stop registering.
    if (!response?.ok) this.sttDouble = false;
  }

  private hangUp(): void {
    if (this.closed || this.hungUp) return;
    this.hungUp = true;
    this.log("caller hangs up");
    this.send({ event: "stop", sequenceNumber: String(++this.sequence), streamSid: this.streamSid, stop: { accountSid: ACCOUNT_SID, callSid: this.callSid } });
    this.socket.close(1000, "caller hung up");
  }

  private send(message: object | string): void {
    if (this.socket.readyState !== WebSocket.OPEN) return;
    this.socket.send(typeof message === "string" ? message : JSON.stringify(message));
  }

  private onClose(code: number, reason: string): void {
    if (this.closed) return;
    this.closed = true;
    this.clock.remove(this.tick);
    this.result.closeCode = code;
    this.result.closeReason = reason;
    if (this.hungUp) this.result.endedBy = "caller";
    else if (reason.startsWith("simulated-")) {
      this.result.endedBy = "worker";
      this.result.simulatedAction = reason;
    } else this.result.endedBy = "abnormal";
    for (const waiter of this.waiters.splice(0)) waiter.resolve();
    this.resolveClosed();
  }
}

const SILENCE_FRAME = new Uint8Array(MULAW_FRAME_BYTES).fill(MULAW_SILENCE);
