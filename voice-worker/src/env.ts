// Validated configuration of the voice worker. The only place the worker reads process.env.
import { z } from "zod";
import { parseEnv, port, sharedEnvShape } from "../../server/config-schema";

const seconds = (min: number, max: number, fallback: number) =>
  z.coerce.number({ message: "must be a number of seconds" }).int().min(min).max(max).default(fallback);
const millis = (min: number, max: number, fallback: number) =>
  z.coerce.number({ message: "must be a number of milliseconds" }).int().min(min).max(max).default(fallback);

const workerEnvSchema = z.object({
  ...sharedEnvShape,
  VOICE_WORKER_PORT: port(3001),
  VOICE_WORKER_HOST: z.string().trim().min(1).default("127.0.0.1"),
  /** Longest call the worker will hold, in seconds. */
  MAX_CALL_SECONDS: seconds(30, 4 * 3600, 900),
  /** On SIGTERM, how long active calls may continue before the worker closes them. */
  DRAIN_SECONDS: seconds(0, 3600, 30),
  /**
   * Speech-to-text: "auto" (OpenAI when OPENAI_API_KEY is set, else none: keypad calls), "openai",
   * "none", or "test-double" (the labelled simulator double, for tests and `npm run call` only).
   */
  VOICE_STT: z.enum(["auto", "openai", "none", "test-double"]).default("auto"),
  /** Caller silence before the agent re-prompts; a second silence as long ends the call. */
  VOICE_IDLE_SECONDS: seconds(3, 300, 8),
  /** Silence the VAD needs to declare the end of speech. */
  VOICE_VAD_SILENCE_MS: millis(60, 2000, 200),
  /** Extra wait after speech ends, when the transcript gives no hint, before ending the turn. */
  VOICE_TURN_END_MS: millis(0, 3000, 500),
  /** Longest message a caller can leave. */
  VOICE_MESSAGE_MAX_SECONDS: seconds(5, 600, 90),
});

export type WorkerEnv = z.infer<typeof workerEnvSchema>;

export function parseWorkerEnv(source: Record<string, string | undefined>): WorkerEnv {
  return parseEnv(workerEnvSchema, source);
}
