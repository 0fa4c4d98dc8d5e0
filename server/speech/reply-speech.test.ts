// Reply speech for the test console: espeak-ng for real (CI installs it, as the phone needs it),
// ElevenLabs against a protocol double on loopback speaking its HTTP wire format, the fallback
// from one to the other, the cache, and the choice made from configuration.
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createElevenLabsReplySpeech } from "./elevenlabs-reply-speech";
import { createEspeakReplySpeech, espeakInstalled } from "./espeak-reply-speech";
import { selectReplySpeech } from "./select-reply-speech";
import { pcm16ToWav, repairStreamedWav } from "./wav-file";

/** What a WAV header says, and whether its sizes match the bytes. */
function readWav(wav: Buffer) {
  expect(wav.toString("ascii", 0, 4)).toBe("RIFF");
  expect(wav.toString("ascii", 8, 12)).toBe("WAVE");
  expect(wav.readUInt32LE(4)).toBe(wav.length - 8);
  let offset = 12;
  let sampleRate = 0;
  while (offset + 8 <= wav.length) {
    const id = wav.toString("ascii", offset, offset + 4);
    const size = wav.readUInt32LE(offset + 4);
    if (id === "fmt ") sampleRate = wav.readUInt32LE(offset + 12);
    if (id === "data") {
      expect(size).toBe(wav.length - offset - 8);
      const samples = new Int16Array(size / 2);
      for (let i = 0; i < samples.length; i++) samples[i] = wav.readInt16LE(offset + 8 + i * 2);
      return { sampleRate, samples };
    }
    offset += 8 + size;
  }
  throw new Error("no data chunk");
}

const loudest = (samples: Int16Array) => samples.reduce((max, s) => Math.max(max, Math.abs(s)), 0);

describe("espeak-ng reply speech", () => {
  it("is installed here (apt-get install espeak-ng), as the phone's local voice needs", () => {
    expect(espeakInstalled()).toBe(true);
    expect(espeakInstalled("/nonexistent/espeak-ng")).toBe(false);
  });

  it("speaks a reply as a WAV whose sizes match its bytes, with real sound in it", async () => {
    const wav = await createEspeakReplySpeech({ voice: "en-us" }).synthesize("Thanks for calling Bloom Hair Studio. How can I help?");
    const { sampleRate, samples } = readWav(wav);
    expect(sampleRate).toBe(22050);
    expect(samples.length / sampleRate).toBeGreaterThan(1.5);
    expect(loudest(samples)).toBeGreaterThan(3000);
  });

  it("reads text as words, never as flags", async () => {
    const wav = await createEspeakReplySpeech({ voice: "en-us" }).synthesize("--version -v xx");
    expect(readWav(wav).samples.length).toBeGreaterThan(1000);
  });

  it("fails with the reason when the program is missing, fails or writes no WAV", async () => {
    await expect(createEspeakReplySpeech({ voice: "en-us", binary: "/nonexistent/espeak-ng" }).synthesize("hello")).rejects.toThrow(/espeak-ng could not start/);
    await expect(createEspeakReplySpeech({ voice: "en-us", binary: "false" }).synthesize("hello")).rejects.toThrow("espeak-ng exited with 1");
    await expect(createEspeakReplySpeech({ voice: "en-us", binary: "true" }).synthesize("hello")).rejects.toThrow("not a WAV file");
    await expect(createEspeakReplySpeech({ voice: "en-us" }).synthesize("   ")).rejects.toThrow("nothing to say");
  });
});

describe("ElevenLabs reply speech against a protocol double", () => {
  // The double answers POST /v1/text-to-speech/{voice}?output_format=pcm_16000 with raw 16-bit
  // PCM, or with ElevenLabs' error body for a key it does not know.
  let server: Server;
  let base: string;
  let requests: { url: string; key: string | undefined; accept: string | undefined; body: unknown }[] = [];
  const pcm = Buffer.alloc(3200);
  for (let i = 0; i < 1600; i++) pcm.writeInt16LE(Math.round(8000 * Math.sin(i / 5)), i * 2);

  const bodyOf = async (req: IncomingMessage) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    return JSON.parse(Buffer.concat(chunks).toString("utf8")) as unknown;
  };

  beforeAll(async () => {
    server = createServer((req, res) => {
      void bodyOf(req).then((body) => {
        requests.push({ url: req.url ?? "", key: req.headers["xi-api-key"] as string | undefined, accept: req.headers.accept, body });
        if (req.method !== "POST" || !req.url?.startsWith("/v1/text-to-speech/")) return res.writeHead(404).end();
        if (req.headers["xi-api-key"] !== "xi-good") {
          res.writeHead(401, { "content-type": "application/json" });
          return res.end(JSON.stringify({ detail: { status: "invalid_api_key", message: "Invalid API key" } }));
        }
        res.writeHead(200, { "content-type": "audio/pcm" });
        res.end(pcm);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  beforeEach(() => {
    requests = [];
  });

  it("asks for 16 kHz PCM in the voice and model configured, and wraps what comes back in a WAV", async () => {
    const speech = createElevenLabsReplySpeech({ apiKey: "xi-good", voiceId: "voice 1", modelId: "eleven_flash_v2_5", baseUrl: base });
    expect(speech.description).toBe("ElevenLabs eleven_flash_v2_5");
    const wav = await speech.synthesize("  See you   on Wednesday. ");
    expect(requests).toEqual([{ url: "/v1/text-to-speech/voice%201?output_format=pcm_16000", key: "xi-good", accept: "audio/pcm", body: { text: "See you on Wednesday.", model_id: "eleven_flash_v2_5" } }]);
    const { sampleRate, samples } = readWav(wav);
    expect(sampleRate).toBe(16000);
    expect([...samples]).toEqual([...new Int16Array(pcm.buffer, pcm.byteOffset, pcm.length / 2)]);
  });

  it("says what ElevenLabs answered when it refuses, without the key", async () => {
    const speech = createElevenLabsReplySpeech({ apiKey: "xi-secret-wrong", voiceId: "v", modelId: "m", baseUrl: base });
    const error = await speech.synthesize("hello").catch((e: Error) => e);
    expect(String(error)).toBe("Error: ElevenLabs answered 401: Invalid API key");
    expect(String(error)).not.toContain("xi-secret-wrong");
  });

  it("chooses ElevenLabs when a key is set and speaks with espeak-ng when ElevenLabs fails", async () => {
    const config = { ELEVENLABS_API_KEY: "xi-wrong", ELEVENLABS_VOICE_ID: "v", ELEVENLABS_MODEL: "eleven_flash_v2_5", VOICE_ESPEAK_VOICE: "en-us" };
    const speech = selectReplySpeech(config, { espeak: true, elevenLabsBaseUrl: base })!;
    expect(speech.description).toBe("ElevenLabs eleven_flash_v2_5");
    expect(readWav(await speech.synthesize("Your appointment is booked.")).sampleRate).toBe(22050);
    expect(requests).toHaveLength(1);
  });

  it("speaks each reply once: a replay comes from the cache", async () => {
    const config = { ELEVENLABS_API_KEY: "xi-good", ELEVENLABS_VOICE_ID: "v", ELEVENLABS_MODEL: "m", VOICE_ESPEAK_VOICE: "en-us" };
    const speech = selectReplySpeech(config, { espeak: false, elevenLabsBaseUrl: base })!;
    const first = await speech.synthesize("Anything else?");
    const again = await speech.synthesize("Anything  else? ");
    expect(again).toEqual(first);
    expect(requests).toHaveLength(1);
    await speech.synthesize("Goodbye.");
    expect(requests).toHaveLength(2);
  });
});

describe("choosing the reply voice", () => {
  const config = { ELEVENLABS_VOICE_ID: "v", ELEVENLABS_MODEL: "eleven_flash_v2_5", VOICE_ESPEAK_VOICE: "en-us" };
  it("is espeak-ng without an ElevenLabs key, and nothing when espeak-ng is missing too", () => {
    expect(selectReplySpeech(config, { espeak: true })?.description).toBe("espeak-ng (local, voice en-us)");
    expect(selectReplySpeech(config, { espeak: false })).toBeNull();
    expect(selectReplySpeech({ ...config, ELEVENLABS_API_KEY: "xi" }, { espeak: false })?.description).toBe("ElevenLabs eleven_flash_v2_5");
  });
});

describe("WAV files", () => {
  it("wraps PCM in a header whose sizes match, dropping a dangling odd byte", () => {
    const wav = pcm16ToWav(Buffer.from([1, 0, 2, 0, 9]), 16000);
    expect([...readWav(wav).samples]).toEqual([1, 2]);
  });

  it("repairs the placeholder sizes espeak-ng writes when it streams", () => {
    const streamed = pcm16ToWav(Buffer.from([5, 0, 6, 0]), 22050);
    streamed.writeUInt32LE(0x7ffff024, 4);
    streamed.writeUInt32LE(0x7ffff000, 40);
    expect([...readWav(repairStreamedWav(streamed)).samples]).toEqual([5, 6]);
    expect(() => repairStreamedWav(Buffer.from("not audio at all"))).toThrow("not a WAV file");
  });
});
