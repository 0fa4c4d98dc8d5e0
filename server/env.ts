// Validated configuration of the web process. The only place that reads process.env for it.
import { z } from "zod";
import { parseEnv, port, sharedEnvShape } from "./config-schema";

const webEnvSchema = z.object({
  ...sharedEnvShape,
  PORT: port(3000),
  HOST: z.string().trim().min(1).default("127.0.0.1"),
  NEXTAUTH_SECRET: z
    .string({ message: "is required (any long random string; `npm start` makes one for you)" })
    .min(16, "must be at least 16 characters"),
  /**
   * How many reverse proxies in front of the app append to X-Forwarded-For (Vercel: 1). The
   * client IP for rate limits is read that many entries from the right; 0 ignores the header.
   */
  TRUSTED_PROXIES: z.coerce.number({ message: "must be a whole number" }).int().min(0).max(10).default(1),
  /** Public wss:// address of the voice worker's Media Streams endpoint, as Twilio must reach it. */
  VOICE_WORKER_PUBLIC_URL: z
    .string()
    .trim()
    .optional()
    .refine((v) => v === undefined || v === "" || /^wss?:\/\//.test(v), { message: "must be a wss:// URL" }),
});

export type WebEnv = z.infer<typeof webEnvSchema>;

let cached: WebEnv | undefined;

/** The web configuration, validated on first use. Throws ConfigError naming the bad variable. */
export function env(): WebEnv {
  cached ??= parseEnv(webEnvSchema, process.env);
  return cached;
}

export function parseWebEnv(source: Record<string, string | undefined>): WebEnv {
  return parseEnv(webEnvSchema, source);
}
