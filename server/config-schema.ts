// Configuration pieces shared by the web process (server/env.ts) and the voice worker
// (voice-worker/src/env.ts): how each variable is validated, and which mode each provider runs in.
// Neither process reads process.env anywhere else.
import { z } from "zod";

const optionalString = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .optional();

const optionalUrl = (what: string) =>
  optionalString.refine((v) => v === undefined || URL.canParse(v), { message: `must be a URL (${what})` });

export const port = (fallback: number) =>
  z.coerce
    .number({ message: "must be a number" })
    .int("must be a whole number")
    .min(1, "must be between 1 and 65535")
    .max(65535, "must be between 1 and 65535")
    .default(fallback);

/** Variables both processes understand. Every provider key is optional. */
export const sharedEnvShape = {
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  DATABASE_URL: optionalString.refine(
    (v) => v === undefined || /^postgres(ql)?:\/\//.test(v),
    { message: "must be a postgresql:// URL (leave it unset for the embedded database)" },
  ),
  /** PostgreSQL connections per process (ignored for the embedded database). */
  DATABASE_POOL_SIZE: z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
    z.coerce
      .number({ message: "must be a number" })
      .int("must be a whole number")
      .min(1, "must be between 1 and 200")
      .max(200, "must be between 1 and 200")
      .default(10),
  ),
  DATA_DIR: z.string().trim().min(1).default(".data"),
  PUBLIC_URL: optionalUrl("the public https address of the web app, e.g. https://book.example.com"),
  OPENAI_API_KEY: optionalString,
  OPENAI_BASE_URL: optionalUrl("an OpenAI-compatible API base, e.g. http://127.0.0.1:8000/v1"),
  OPENAI_MODEL: z.string().trim().min(1).default("gpt-4.1-mini"),
  OPENAI_STT_MODEL: z.enum(["gpt-4o-transcribe", "gpt-4o-mini-transcribe", "whisper-1"]).default("gpt-4o-mini-transcribe"),
  ELEVENLABS_API_KEY: optionalString,
  ELEVENLABS_VOICE_ID: z.string().trim().min(1).default("21m00Tcm4TlvDq8ikWAM"),
  ELEVENLABS_MODEL: z.string().trim().min(1).default("eleven_flash_v2_5"),
  /** espeak-ng voice for local text-to-speech: the phone's, and the test console's replies. */
  VOICE_ESPEAK_VOICE: z.string().trim().min(1).default("en-us"),
  TWILIO_ACCOUNT_SID: optionalString.refine((v) => v === undefined || /^AC[0-9a-fA-F]{32}$/.test(v), {
    message: "must look like AC followed by 32 hex characters",
  }),
  TWILIO_AUTH_TOKEN: optionalString,
  SMTP_URL: optionalString.refine((v) => v === undefined || /^smtps?:\/\//.test(v), {
    message: "must be an smtp:// or smtps:// URL",
  }),
  MAIL_FROM: z.string().trim().min(3).default("AppointmentScheduler <no-reply@localhost>"),
  GOOGLE_CLIENT_ID: optionalString,
  GOOGLE_CLIENT_SECRET: optionalString,
};

export type SharedEnv = z.infer<z.ZodObject<typeof sharedEnvShape>>;

export class ConfigError extends Error {
  override name = "ConfigError";
}

/**
 * Validates `source` against `schema`. On failure throws a ConfigError whose message is one line
 * naming the first bad variable. Values are never echoed: they may be secrets.
 */
export function parseEnv<S extends z.ZodType>(schema: S, source: Record<string, string | undefined>): z.infer<S> {
  const result = schema.safeParse(source);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const name = issue.path.join(".") || "environment";
  throw new ConfigError(`Invalid configuration: ${name} ${issue.message}. Fix or unset ${name} and start again.`);
}

export type ProviderPart =
  | "database"
  | "speechToText"
  | "languageModel"
  | "textToSpeech"
  | "telephony"
  | "sms"
  | "email"
  | "calendar";

export type ProviderModes = Record<ProviderPart, { mode: string; live: boolean }>;

export const providerPartLabels: Record<ProviderPart, string> = {
  database: "Database",
  speechToText: "Speech-to-text",
  languageModel: "Language model",
  textToSpeech: "Text-to-speech",
  telephony: "Phone calls",
  sms: "SMS",
  email: "Email",
  calendar: "Calendar",
};

/** Which implementation each part runs, so the app can say so (start-up log, dashboard, /api/health). */
export function providerModes(env: SharedEnv): ProviderModes {
  const openai = env.OPENAI_API_KEY !== undefined;
  const twilio = env.TWILIO_ACCOUNT_SID !== undefined && env.TWILIO_AUTH_TOKEN !== undefined;
  return {
    database: env.DATABASE_URL
      ? { mode: "PostgreSQL (DATABASE_URL)", live: true }
      : { mode: `embedded PGlite in ${env.DATA_DIR}/db`, live: false },
    speechToText: openai
      ? { mode: `OpenAI ${env.OPENAI_STT_MODEL}`, live: true }
      : { mode: "none: calls use the keypad menu", live: false },
    languageModel: openai
      ? { mode: `OpenAI ${env.OPENAI_MODEL}`, live: true }
      : { mode: "built-in agent (no LLM)", live: false },
    textToSpeech: env.ELEVENLABS_API_KEY
      ? { mode: `ElevenLabs ${env.ELEVENLABS_MODEL}`, live: true }
      : { mode: "espeak-ng (local)", live: false },
    telephony: twilio ? { mode: "Twilio", live: true } : { mode: "call simulator only", live: false },
    sms: twilio ? { mode: "Twilio SMS", live: true } : { mode: "local outbox (not sent)", live: false },
    email: env.SMTP_URL ? { mode: "SMTP", live: true } : { mode: "local outbox (not sent)", live: false },
    calendar:
      env.GOOGLE_CLIENT_ID && env.GOOGLE_CLIENT_SECRET
        ? { mode: "Google Calendar", live: true }
        : { mode: "off (Google not configured)", live: false },
  };
}
