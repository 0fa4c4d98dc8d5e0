// The one way agent code builds an OpenAI client (the LLM engine and the LLM summary), so both
// honour OPENAI_BASE_URL the same way and neither lets the library read process.env behind the
// configuration module's back (it would pick up OPENAI_BASE_URL itself when given undefined).
import OpenAI from "openai";
import type { Logger } from "../../logger";

const OPENAI_DEFAULT_BASE_URL = "https://api.openai.com/v1";

export interface OpenAiClientOptions {
  apiKey: string;
  /** An OpenAI-compatible API base ending in /v1; default OpenAI's. */
  baseURL?: string;
  /** Per HTTP request, until the response starts (the library retries a timed-out request). */
  timeoutMs: number;
  maxRetries: number;
  log?: Logger;
}

export function createOpenAiClient({ apiKey, baseURL, timeoutMs, maxRetries, log }: OpenAiClientOptions): OpenAI {
  return new OpenAI({
    apiKey,
    baseURL: baseURL ?? OPENAI_DEFAULT_BASE_URL,
    timeout: timeoutMs,
    maxRetries,
    organization: null,
    project: null,
    // Only the library's message strings reach our log: its extra arguments can carry request details.
    logLevel: log ? "warn" : "off",
    ...(log
      ? {
          logger: {
            debug: (message: string) => log.debug({ component: "openai" }, message),
            info: (message: string) => log.info({ component: "openai" }, message),
            warn: (message: string) => log.warn({ component: "openai" }, message),
            error: (message: string) => log.error({ component: "openai" }, message),
          },
        }
      : {}),
  });
}

/**
 * An API failure without what the library's error carries besides (the response body and
 * headers), which a log serializer would print and which can quote the key.
 */
export class LlmRequestError extends Error {
  override name = "LlmRequestError";
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

/** The library's API errors as an LlmRequestError; anything else as it is. */
export function withoutSecrets(error: unknown): unknown {
  if (!(error instanceof OpenAI.APIError)) return error;
  const { kind, status, message } = describeLlmError(error);
  return new LlmRequestError(`${kind}: ${message}`, status);
}

/** An error as one loggable line: kind, HTTP status and message, with anything key-like masked. */
export function describeLlmError(error: unknown): { kind: string; status?: number; message: string } {
  const kind = error instanceof Error ? error.name : typeof error;
  const raw = (error as { status?: unknown } | null)?.status;
  const status = typeof raw === "number" ? raw : undefined;
  // OpenAI's 401 message quotes (part of) the key it was given.
  const message = (error instanceof Error ? error.message : String(error))
    .replace(/\bsk-[\w*.-]+/g, "sk-[redacted]")
    .replace(/\bBearer\s+[\w*.-]+/gi, "Bearer [redacted]");
  return { kind, ...(status !== undefined ? { status } : {}), message: message.slice(0, 300) };
}
