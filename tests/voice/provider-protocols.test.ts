// The real provider clients against local servers that speak the providers' wire protocols
// (protocol doubles: no network, no keys). They check what we send (endpoints, query strings,
// headers, message shapes, audio format) and that we read what the providers send back.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { WebSocketServer, type WebSocket } from "ws";
import { afterEach, describe, expect, it } from "vitest";
import { toneMulaw, parseWav } from "../../voice-worker/src/media-stream/wav";
import { OpenAiSpeechToText } from "../../voice-worker/src/providers/stt/openai-stt";
import { ElevenLabsTextToSpeech } from "../../voice-worker/src/providers/tts/elevenlabs-tts";
import { quietLog } from "./support/voice-harness";

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

interface SeenRequest {
  path: string;
  authorization: string | undefined;
  fields: Record<string, string>;
  file: { name: string; type: string; bytes: Buffer } | null;
}

/** An OpenAI-compatible /v1/audio/transcriptions endpoint (multipart in; SSE or JSON out). */
async function openAiDouble(reply: { deltas: string[]; text: string } | { status: number }) {
  const seen: SeenRequest[] = [];
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const form = await new Request("http://double", { method: "POST", headers: req.headers as Record<string, string>, body: Buffer.concat(chunks) }).formData();
    const fields: Record<string, string> = {};
    let file: SeenRequest["file"] = null;
    for (const [key, value] of form) {
      if (typeof value === "string") fields[key] = value;
      else file = { name: value.name, type: value.type, bytes: Buffer.from(await value.arrayBuffer()) };
    }
    seen.push({ path: req.url ?? "", authorization: req.headers.authorization, fields, file });
    if ("status" in reply) {
      res.writeHead(reply.status, { "content-type": "application/json" }).end(JSON.stringify({ error: { message: "overloaded", type: "server_error" } }));
      return;
    }
    if (fields.stream === "true") {
      res.writeHead(200, { "content-type": "text/event-stream" });
      for (const delta of reply.deltas) res.write(`data: ${JSON.stringify({ type: "transcript.text.delta", delta })}\n\n`);
      res.end(`data: ${JSON.stringify({ type: "transcript.text.done", text: reply.text, usage: { type: "tokens", input_tokens: 12, output_tokens: 6, total_tokens: 18 } })}\n\n`);
    } else {
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ text: reply.text }));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  closers.push(
    () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  return { baseURL: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`, seen };
}

describe("OpenAI speech-to-text (protocol double)", () => {
  const audio = toneMulaw(300, 1200);

  it("streams gpt-4o-mini-transcribe: uploads an 8 kHz WAV and reports partial text as it arrives", async () => {
    const double = await openAiDouble({ deltas: ["I'd like", " to book", " on the"], text: "I'd like to book on the fifth." });
    const stt = new OpenAiSpeechToText({ apiKey: "sk-test", baseURL: double.baseURL, model: "gpt-4o-mini-transcribe" });
    const session = stt.openSession();
    const partials: string[] = [];
    const result = await session.transcribe(audio, { signal: new AbortController().signal, onPartial: (t) => partials.push(t) });
    expect(result.text).toBe("I'd like to book on the fifth.");
    expect(partials).toEqual(["I'd like", "I'd like to book", "I'd like to book on the"]);
    const [request] = double.seen;
    expect(request).toMatchObject({ path: "/v1/audio/transcriptions", authorization: "Bearer sk-test", fields: { model: "gpt-4o-mini-transcribe", stream: "true" } });
    const wav = parseWav(request!.file!.bytes);
    expect(wav).toMatchObject({ format: "pcm16", sampleRate: 8000, channels: 1 });
    expect(wav.samples.length).toBe(audio.length);
    expect(session.audioSeconds).toBeCloseTo(1.2, 5);
    expect(stt.description).toContain(`at 127.0.0.1`);
  });

  it("asks whisper-1 for the whole text at once (it cannot stream)", async () => {
    const double = await openAiDouble({ deltas: [], text: "Tuesday at three." });
    const stt = new OpenAiSpeechToText({ apiKey: "sk-test", baseURL: double.baseURL, model: "whisper-1" });
    const result = await stt.openSession().transcribe(audio, { signal: new AbortController().signal });
    expect(result.text).toBe("Tuesday at three.");
    expect(double.seen[0]!.fields.model).toBe("whisper-1");
    expect(double.seen[0]!.fields.stream).toBeUndefined();
  });

  it("fails with the provider's error, so the call can fall back to the keypad", async () => {
    const double = await openAiDouble({ status: 400 });
    const stt = new OpenAiSpeechToText({ apiKey: "sk-test", baseURL: double.baseURL, model: "gpt-4o-transcribe" });
    await expect(stt.openSession().transcribe(audio, { signal: new AbortController().signal })).rejects.toThrow(/overloaded/);
  });
});

/** ElevenLabs' multi-context stream-input WebSocket. */
async function elevenLabsDouble(options: { failOn?: string } = {}) {
  const connections: Array<{ url: URL; apiKey: string | undefined; messages: Array<Record<string, unknown>> }> = [];
  const wss = new WebSocketServer({ port: 0, host: "127.0.0.1" });
  wss.on("connection", (socket: WebSocket, req) => {
    const connection = { url: new URL(req.url ?? "/", "http://double"), apiKey: req.headers["xi-api-key"] as string | undefined, messages: [] as Array<Record<string, unknown>> };
    connections.push(connection);
    const texts = new Map<string, string>();
    socket.on("message", (data) => {
      const message = JSON.parse(data.toString()) as Record<string, unknown>;
      connection.messages.push(message);
      const id = message.context_id as string;
      if (typeof message.text === "string" && message.text.trim()) texts.set(id, message.text.trim());
      if (message.close_context) {
        const text = texts.get(id) ?? "";
        if (options.failOn && text.includes(options.failOn)) {
          socket.send(JSON.stringify({ message: "quota exceeded", error: "quota_exceeded", contextId: id }));
          return;
        }
        // One 8-byte chunk per character, in two messages, then the end of the context.
        const bytes = Buffer.alloc(text.length * 8, 0x55);
        const half = Math.floor(bytes.length / 2);
        socket.send(JSON.stringify({ audio: bytes.subarray(0, half).toString("base64"), isFinal: null, contextId: id }));
        socket.send(JSON.stringify({ audio: bytes.subarray(half).toString("base64"), isFinal: null, contextId: id }));
        socket.send(JSON.stringify({ isFinal: true, contextId: id }));
      }
    });
  });
  await new Promise((resolve) => wss.once("listening", resolve));
  closers.push(
    () =>
      new Promise((resolve) => {
        for (const client of wss.clients) client.terminate();
        wss.close(() => resolve());
      }),
  );
  return { baseUrl: `ws://127.0.0.1:${(wss.address() as AddressInfo).port}`, connections };
}

async function collect(stream: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  for await (const chunk of stream) parts.push(chunk);
  return Buffer.concat(parts);
}

describe("ElevenLabs text-to-speech (protocol double)", () => {
  const provider = (baseUrl: string) =>
    new ElevenLabsTextToSpeech({ apiKey: "xi-test", voiceId: "voice123", modelId: "eleven_flash_v2_5", baseUrl });

  it("asks for ulaw_8000 in the query string and keeps one socket for the whole call", async () => {
    const double = await elevenLabsDouble();
    const session = provider(double.baseUrl).openSession({ log: quietLog });
    const first = await collect(session.synthesize("Hello there.", new AbortController().signal));
    const second = await collect(session.synthesize("How can I help?", new AbortController().signal));
    expect(first.length).toBe("Hello there.".length * 8);
    expect(second.length).toBe("How can I help?".length * 8);
    expect(double.connections).toHaveLength(1);
    const { url, apiKey, messages } = double.connections[0]!;
    expect(url.pathname).toBe("/v1/text-to-speech/voice123/multi-stream-input");
    expect(Object.fromEntries(url.searchParams)).toMatchObject({ model_id: "eleven_flash_v2_5", output_format: "ulaw_8000" });
    expect(apiKey).toBe("xi-test");
    expect(messages.slice(0, 3)).toEqual([
      { text: " ", context_id: "s0" },
      { text: "Hello there. ", context_id: "s0", flush: true },
      { context_id: "s0", close_context: true },
    ]);
    expect(messages.slice(3).map((m) => m.context_id)).toEqual(["s1", "s1", "s1"]);
    expect(session.characters).toBe("Hello there.".length + "How can I help?".length);
    session.close();
  });

  it("stops listening to a sentence when aborted (barge-in) and keeps the socket for the next one", async () => {
    const double = await elevenLabsDouble();
    const session = provider(double.baseUrl).openSession({ log: quietLog });
    const controller = new AbortController();
    const received: Uint8Array[] = [];
    for await (const chunk of session.synthesize("A sentence that gets interrupted.", controller.signal)) {
      received.push(chunk);
      controller.abort();
    }
    expect(received).toHaveLength(1);
    const next = await collect(session.synthesize("Sorry, go ahead.", new AbortController().signal));
    expect(next.length).toBe("Sorry, go ahead.".length * 8);
    expect(double.connections).toHaveLength(1);
    session.close();
  });

  it("surfaces the provider's error for the sentence", async () => {
    const double = await elevenLabsDouble({ failOn: "fail" });
    const session = provider(double.baseUrl).openSession({ log: quietLog });
    await expect(collect(session.synthesize("Please fail now.", new AbortController().signal))).rejects.toThrow(/quota/);
    session.close();
  });
});
