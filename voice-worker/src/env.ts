// Validated configuration of the voice worker. The only place the worker reads process.env.
import { z } from "zod";
import { parseEnv, port, sharedEnvShape } from "../../server/config-schema";

const workerEnvSchema = z.object({
  ...sharedEnvShape,
  VOICE_WORKER_PORT: port(3001),
  VOICE_WORKER_HOST: z.string().trim().min(1).default("127.0.0.1"),
  /** Longest call the worker will hold, in seconds. */
  MAX_CALL_SECONDS: z.coerce.number({ message: "must be a number of seconds" }).int().min(30).max(4 * 3600).default(900),
  /** On SIGTERM, how long active calls may continue before the worker closes them. */
  DRAIN_SECONDS: z.coerce.number({ message: "must be a number of seconds" }).int().min(0).max(3600).default(30),
});

export type WorkerEnv = z.infer<typeof workerEnvSchema>;

export function parseWorkerEnv(source: Record<string, string | undefined>): WorkerEnv {
  return parseEnv(workerEnvSchema, source);
}
