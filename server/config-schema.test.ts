import { describe, expect, it } from "vitest";
import { parseWorkerEnv } from "../voice-worker/src/env";
import { ConfigError, providerModes } from "./config-schema";
import { parseWebEnv } from "./env";

const base = { NEXTAUTH_SECRET: "a-long-enough-secret-value" };

describe("configuration", () => {
  it("starts with no provider keys at all and reports every part in its local mode", () => {
    const env = parseWebEnv(base);
    expect(env.PORT).toBe(3000);
    expect(env.DATABASE_URL).toBeUndefined();
    const modes = providerModes(env);
    expect(Object.values(modes).every((m) => !m.live)).toBe(true);
    expect(modes.database.mode).toMatch(/embedded PGlite/);
    expect(modes.speechToText.mode).toMatch(/keypad/);
    expect(modes.textToSpeech.mode).toMatch(/espeak-ng/);
  });

  it("switches a part to its provider when its key is set", () => {
    const env = parseWebEnv({ ...base, OPENAI_API_KEY: "sk-test", DATABASE_URL: "postgresql://u@h/db" });
    const modes = providerModes(env);
    expect(modes.languageModel).toEqual({ mode: "OpenAI gpt-4.1-mini", live: true });
    expect(modes.database.live).toBe(true);
    expect(modes.textToSpeech.live).toBe(false);
  });

  it("treats an empty variable as unset", () => {
    expect(parseWebEnv({ ...base, OPENAI_API_KEY: "", DATABASE_URL: "  " }).OPENAI_API_KEY).toBeUndefined();
    expect(parseWebEnv({ ...base, DATABASE_POOL_SIZE: "" }).DATABASE_POOL_SIZE).toBe(10);
  });

  it("sizes the PostgreSQL pool from DATABASE_POOL_SIZE, 10 by default", () => {
    expect(parseWebEnv(base).DATABASE_POOL_SIZE).toBe(10);
    expect(parseWebEnv({ ...base, DATABASE_POOL_SIZE: "24" }).DATABASE_POOL_SIZE).toBe(24);
    expect(parseWorkerEnv({ DATABASE_POOL_SIZE: "4" }).DATABASE_POOL_SIZE).toBe(4);
  });

  it.each([
    ["PORT", "eighty", /^Invalid configuration: PORT must be a number\./],
    ["PORT", "70000", /^Invalid configuration: PORT must be between 1 and 65535\./],
    ["DATABASE_URL", "mysql://x", /^Invalid configuration: DATABASE_URL must be a postgresql:\/\/ URL/],
    ["OPENAI_BASE_URL", "not a url", /^Invalid configuration: OPENAI_BASE_URL must be a URL/],
    ["TWILIO_ACCOUNT_SID", "XX123", /^Invalid configuration: TWILIO_ACCOUNT_SID must look like AC/],
    ["SMTP_URL", "mail.example.com", /^Invalid configuration: SMTP_URL must be an smtp:\/\//],
    ["LOG_LEVEL", "loud", /^Invalid configuration: LOG_LEVEL /],
    ["DATABASE_POOL_SIZE", "500", /^Invalid configuration: DATABASE_POOL_SIZE must be between 1 and 200\./],
    ["DATABASE_POOL_SIZE", "ten", /^Invalid configuration: DATABASE_POOL_SIZE must be a number\./],
    ["DATABASE_POOL_SIZE", "2.5", /^Invalid configuration: DATABASE_POOL_SIZE must be a whole number\./],
  ])("rejects a malformed %s with one line naming it", (name, value, message) => {
    let error: unknown;
    try {
      parseWebEnv({ ...base, [name]: value });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const text = (error as Error).message;
    expect(text).toMatch(message);
    expect(text).not.toContain("\n");
    expect(text).not.toContain(value); // values may be secrets: never echoed
  });

  it("requires the auth secret for the web process", () => {
    expect(() => parseWebEnv({})).toThrow(/^Invalid configuration: NEXTAUTH_SECRET is required/);
  });

  it("validates the worker's own variables", () => {
    expect(parseWorkerEnv({}).VOICE_WORKER_PORT).toBe(3001);
    expect(() => parseWorkerEnv({ MAX_CALL_SECONDS: "forever" })).toThrow(/MAX_CALL_SECONDS must be a number of seconds/);
  });
});
