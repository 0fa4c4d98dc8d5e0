// The token that signs Twilio webhooks. With TWILIO_AUTH_TOKEN configured it is that token. Without
// it (local development: no Twilio account) the webhooks still refuse unsigned requests: they
// accept only requests signed with a development token generated into DATA_DIR/twilio-dev-auth-token,
// which the call simulator (scripts/call.ts) reads from the same folder. Never logged.
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export const DEV_AUTH_TOKEN_FILE = "twilio-dev-auth-token";

export interface WebhookAuthToken {
  token: string;
  /** "twilio": the account's auth token; "development": the local token (no Twilio account). */
  source: "twilio" | "development";
}

const cache = new Map<string, string>();

export function webhookAuthToken(config: { TWILIO_AUTH_TOKEN?: string; DATA_DIR: string }): WebhookAuthToken {
  if (config.TWILIO_AUTH_TOKEN) return { token: config.TWILIO_AUTH_TOKEN, source: "twilio" };
  return { token: developmentAuthToken(config.DATA_DIR), source: "development" };
}

/** Reads (creating on first use) the development token in `dataDir`. */
export function developmentAuthToken(dataDir: string): string {
  const file = path.resolve(dataDir, DEV_AUTH_TOKEN_FILE);
  const cached = cache.get(file);
  if (cached) return cached;
  let token: string;
  try {
    token = readFileSync(file, "utf8").trim();
  } catch {
    mkdirSync(path.dirname(file), { recursive: true });
    try {
      // "wx": if another process created it meanwhile, keep theirs.
      writeFileSync(file, randomBytes(24).toString("base64url"), { mode: 0o600, flag: "wx" });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    token = readFileSync(file, "utf8").trim();
  }
  if (token.length < 16) throw new Error(`${file} holds no usable token; delete it to make a new one`);
  cache.set(file, token);
  return token;
}
