// The agent engine and reply voice the test console uses, chosen once per web process from its
// configuration through the same selection points as the phone (selectAgentEngine, and the
// ElevenLabs/espeak-ng choice in selectReplySpeech), so the owner tests the receptionist callers
// get. Tests and scripts hand their own in the tRPC context (`createCaller({ ...ctx, consoleAgent })`).
import { selectAgentEngine } from "../agent/engines/select-engine";
import type { AgentEngine } from "../agent/types";
import { env } from "../env";
import { createLogger, type Logger } from "../logger";
import type { ReplySpeech } from "../speech/reply-speech";
import { selectReplySpeech } from "../speech/select-reply-speech";

export interface ConsoleAgent {
  engine: AgentEngine;
  /** "built-in agent" or "OpenAI gpt-4.1-mini", as the page names it. */
  engineLabel: string;
  /** null: no voice on this server (espeak-ng missing, no ElevenLabs key); the console is text-only. */
  speech: ReplySpeech | null;
  log?: Logger;
}

function engineLabelOf(mode: "llm" | "builtin", model: string): string {
  return mode === "llm" ? `OpenAI ${model}` : "built-in agent";
}

let appAgent: ConsoleAgent | undefined;

function appConsoleAgent(): ConsoleAgent {
  if (!appAgent) {
    const config = env();
    const log = createLogger(config.LOG_LEVEL, "console");
    const { engine, mode } = selectAgentEngine(config, log);
    appAgent = { engine, engineLabel: engineLabelOf(mode, config.OPENAI_MODEL), speech: selectReplySpeech(config, { log }), log };
  }
  return appAgent;
}

export function consoleAgentOf(ctx: object): ConsoleAgent {
  return (ctx as { consoleAgent?: ConsoleAgent }).consoleAgent ?? appConsoleAgent();
}
