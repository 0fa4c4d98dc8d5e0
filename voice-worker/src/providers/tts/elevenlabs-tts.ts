// ElevenLabs text-to-speech over its multi-context stream-input WebSocket, one socket per call,
// opened when the call starts so the greeting does not pay the 200–300 ms handshake:
//   wss://api.elevenlabs.io/v1/text-to-speech/{voice}/multi-stream-input
//       ?model_id=eleven_flash_v2_5&output_format=ulaw_8000&inactivity_timeout=180
// output_format must be in the query string (in a message body it is ignored and MP3 comes back);
// ulaw_8000 is exactly Twilio's format, so audio goes to the caller untouched.
//
// Each sentence gets its own context: {"text":" ","context_id"} opens it, the sentence follows
// with "flush": true, and "close_context" ends it; the server finishes the flushed audio and sends
// {"isFinal": true, "contextId"}. So we know exactly which audio belongs to which sentence (each
// sentence is a segment with its own Twilio mark), at most two contexts are ever open (the limit
// is five), and a barge-in simply stops listening to the context (it is already closed).
import WebSocket from "ws";
import type { Logger } from "../../../../server/logger";
import type { TextToSpeech, TtsSession } from "./text-to-speech";

export interface ElevenLabsOptions {
  apiKey: string;
  voiceId: string;
  modelId: string;
  /** wss://api.elevenlabs.io by default; tests point it at a local protocol double. */
  baseUrl?: string;
  voiceSettings?: { stability?: number; similarity_boost?: number; speed?: number };
}

export class ElevenLabsTextToSpeech implements TextToSpeech {
  readonly name = "elevenlabs";
  readonly description: string;

  constructor(private readonly options: ElevenLabsOptions) {
    this.description = `ElevenLabs ${options.modelId} (ulaw_8000, one WebSocket per call)`;
  }

  streamUrl(): string {
    const base = (this.options.baseUrl ?? "wss://api.elevenlabs.io").replace(/\/+$/, "");
    const query = new URLSearchParams({ model_id: this.options.modelId, output_format: "ulaw_8000", inactivity_timeout: "180" });
    return `${base}/v1/text-to-speech/${encodeURIComponent(this.options.voiceId)}/multi-stream-input?${query}`;
  }

  openSession({ log }: { log: Logger }): TtsSession {
    return new ElevenLabsSession(this, this.options, log);
  }
}

interface ContextSink {
  chunks: Uint8Array[];
  done: boolean;
  error: Error | null;
  wake: (() => void) | null;
}

class ElevenLabsSession implements TtsSession {
  characters = 0;
  private socket: WebSocket | null = null;
  private opening: Promise<WebSocket> | null = null;
  private readonly contexts = new Map<string, ContextSink>();
  private nextContext = 0;
  private closed = false;

  constructor(
    private readonly provider: ElevenLabsTextToSpeech,
    private readonly options: ElevenLabsOptions,
    private readonly log: Logger,
  ) {
    // Warm up now; a failure here is retried on first use.
    this.connect().catch(() => undefined);
  }

  async *synthesize(text: string, signal: AbortSignal): AsyncGenerator<Uint8Array> {
    const clean = text.replace(/\s+/g, " ").trim();
    if (!clean || signal.aborted) return;
    const socket = await this.connect();
    const contextId = `s${this.nextContext++}`;
    const sink: ContextSink = { chunks: [], done: false, error: null, wake: null };
    this.contexts.set(contextId, sink);
    this.characters += clean.length;
    const first: Record<string, unknown> = { text: " ", context_id: contextId };
    if (this.options.voiceSettings) first.voice_settings = this.options.voiceSettings;
    socket.send(JSON.stringify(first));
    socket.send(JSON.stringify({ text: `${clean} `, context_id: contextId, flush: true }));
    socket.send(JSON.stringify({ context_id: contextId, close_context: true }));
    const onAbort = () => {
      sink.done = true;
      sink.wake?.();
    };
    signal.addEventListener("abort", onAbort, { once: true });
    try {
      for (;;) {
        const chunk = sink.chunks.shift();
        if (chunk) {
          if (signal.aborted) return;
          yield chunk;
          continue;
        }
        if (sink.error) throw sink.error;
        if (sink.done || signal.aborted) return;
        await new Promise<void>((resolve) => (sink.wake = resolve));
        sink.wake = null;
      }
    } finally {
      signal.removeEventListener("abort", onAbort);
      this.contexts.delete(contextId);
    }
  }

  close(): void {
    this.closed = true;
    const socket = this.socket;
    this.socket = null;
    if (socket && socket.readyState === WebSocket.OPEN) {
      try {
        socket.send(JSON.stringify({ close_socket: true }));
      } catch {
        // closing anyway
      }
      socket.close(1000);
    } else {
      socket?.terminate();
    }
    this.failAll(new Error("text-to-speech session closed"));
  }

  private connect(): Promise<WebSocket> {
    if (this.closed) return Promise.reject(new Error("text-to-speech session closed"));
    if (this.socket && this.socket.readyState === WebSocket.OPEN) return Promise.resolve(this.socket);
    if (this.opening) return this.opening;
    this.opening = new Promise<WebSocket>((resolve, reject) => {
      const socket = new WebSocket(this.provider.streamUrl(), { headers: { "xi-api-key": this.options.apiKey }, handshakeTimeout: 5000 });
      socket.on("open", () => {
        this.socket = socket;
        this.opening = null;
        resolve(socket);
      });
      socket.on("message", (data) => this.onMessage(data.toString()));
      socket.on("error", (error) => {
        this.log.warn({ err: error.message }, "ElevenLabs socket error");
        if (this.opening) {
          this.opening = null;
          reject(error);
        }
      });
      socket.on("close", (code) => {
        if (this.socket === socket) this.socket = null;
        if (this.opening) {
          this.opening = null;
          reject(new Error(`ElevenLabs closed the socket (${code})`));
        }
        // Whatever was in flight on this socket will never finish.
        this.failAll(new Error(`ElevenLabs closed the socket (${code})`));
      });
    });
    return this.opening;
  }

  private onMessage(raw: string): void {
    let message: Record<string, unknown>;
    try {
      message = JSON.parse(raw) as Record<string, unknown>;
    } catch {
      return;
    }
    const contextId = (message.contextId ?? message.context_id) as string | undefined;
    const sink = contextId ? this.contexts.get(contextId) : undefined;
    if (typeof message.error === "string" || (message.message && !message.audio && !message.isFinal)) {
      this.log.warn({ contextId, error: message.error ?? message.message }, "ElevenLabs reported an error");
      if (sink) {
        sink.error = new Error(`ElevenLabs: ${String(message.error ?? message.message)}`);
        sink.wake?.();
      }
      return;
    }
    if (!sink) return; // a context we stopped listening to (barge-in)
    if (typeof message.audio === "string" && message.audio.length > 0) {
      sink.chunks.push(Buffer.from(message.audio, "base64"));
    }
    if (message.isFinal === true || message.is_final === true) sink.done = true;
    sink.wake?.();
  }

  private failAll(error: Error): void {
    for (const sink of this.contexts.values()) {
      if (!sink.done) sink.error = error;
      sink.wake?.();
    }
  }
}
