// The simulated caller's voice: real speech from espeak-ng (a different voice from the agent's),
// as 8 kHz μ-law padded to whole 20 ms frames, or a WAV file converted to the same.
import { readFile } from "node:fs/promises";
import { MULAW_FRAME_BYTES, MULAW_SILENCE } from "../media-stream/mulaw";
import { wavToMulaw8k } from "../media-stream/wav";
import { EspeakTextToSpeech } from "../providers/tts/espeak-tts";

const voice = new EspeakTextToSpeech({ voice: "en-us+f3", rate: 170 });

export async function speechAudio(text: string): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  for await (const chunk of voice.synthesize(text, new AbortController().signal)) parts.push(chunk);
  return padToFrames(Buffer.concat(parts));
}

export async function wavAudio(file: string): Promise<Uint8Array> {
  return padToFrames(wavToMulaw8k(await readFile(file)));
}

export function padToFrames(audio: Uint8Array): Uint8Array {
  const length = Math.ceil(audio.length / MULAW_FRAME_BYTES) * MULAW_FRAME_BYTES;
  if (length === audio.length) return audio;
  const out = new Uint8Array(length).fill(MULAW_SILENCE);
  out.set(audio);
  return out;
}
