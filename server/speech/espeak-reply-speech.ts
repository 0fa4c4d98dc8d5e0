// espeak-ng (Debian package) speaking a reply: the local voice the phone uses without ElevenLabs,
// with the phone's voice (VOICE_ESPEAK_VOICE) and rate. Text goes in on stdin, so nothing typed in
// the console can become a flag.
import { spawn, spawnSync } from "node:child_process";
import { cleanSpokenText, type ReplySpeech } from "./reply-speech";
import { repairStreamedWav } from "./wav-file";

/** The rate the voice worker's espeak voice speaks at (words per minute). */
const PHONE_RATE = 165;
const TIMEOUT_MS = 15_000;

// The binary is a program on PATH, not a project file: turbopackIgnore keeps Next.js's output
// tracing from copying the whole project into the server bundle because of these calls.
export function espeakInstalled(binary = "espeak-ng"): boolean {
  return spawnSync(/*turbopackIgnore: true*/ binary, ["--version"], { stdio: "ignore" }).status === 0;
}

export function createEspeakReplySpeech({ voice, binary = "espeak-ng" }: { voice: string; binary?: string }): ReplySpeech {
  return {
    description: `espeak-ng (local, voice ${voice})`,
    synthesize: (text, { signal } = {}) =>
      new Promise<Buffer>((resolve, reject) => {
        const clean = cleanSpokenText(text);
        if (!clean) return reject(new Error("nothing to say"));
        const child = spawn(/*turbopackIgnore: true*/ binary, ["--stdout", "-v", voice, "-s", String(PHONE_RATE)], { stdio: ["pipe", "pipe", "ignore"] });
        const chunks: Buffer[] = [];
        const kill = () => child.kill("SIGKILL");
        const timer = setTimeout(kill, TIMEOUT_MS);
        signal?.addEventListener("abort", kill, { once: true });
        const done = () => {
          clearTimeout(timer);
          signal?.removeEventListener("abort", kill);
        };
        child.stdout.on("data", (chunk: Buffer) => chunks.push(chunk));
        child.once("error", (error) => {
          done();
          reject(new Error(`espeak-ng could not start: ${error.message}`));
        });
        child.once("close", (code) => {
          done();
          if (code !== 0) return reject(new Error(signal?.aborted ? "speech cancelled" : `espeak-ng exited with ${code}`));
          try {
            resolve(repairStreamedWav(Buffer.concat(chunks)));
          } catch (error) {
            reject(error instanceof Error ? error : new Error(String(error)));
          }
        });
        child.stdin.on("error", () => undefined);
        child.stdin.end(`${clean}\n`);
      }),
  };
}
