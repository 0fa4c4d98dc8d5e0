/**
 * The one place that decides which agent engine a process uses, from its validated configuration.
 * Every channel (voice worker, SMS route, test console, converse CLI) asks here, so they all talk
 * with the same agent. Without OPENAI_API_KEY it is the built-in engine; with it, the OpenAI
 * engine answers first and the built-in engine answers any turn the LLM fails or is too slow on
 * (see fallback-engine.ts for when that is still safe).
 */
import type { Logger } from "../../logger";
import { createBuiltinEngine } from "../builtin/builtin-engine";
import type { AgentEngine } from "../types";
import { withFallback } from "./fallback-engine";
import { describeLlmError } from "./openai-client";
import { createOpenAiEngine, type OpenAiEngineOptions } from "./openai-engine";

export interface EngineConfig {
  OPENAI_API_KEY?: string;
  OPENAI_BASE_URL?: string;
  OPENAI_MODEL: string;
}

export interface SelectedEngine {
  engine: AgentEngine;
  /** "llm" when an LLM answers first (with the built-in engine as its fallback). */
  mode: "llm" | "builtin";
}

/**
 * A phone caller waits through the whole turn (tool rounds included) in silence; past this the
 * built-in engine answers instead. Typical LLM turns with one tool round take 1.5–4 s.
 */
const LLM_TURN_TIMEOUT_MS = 8_000;

export interface EngineTuning {
  /** Longest the LLM may take for one turn before the built-in engine answers it. */
  turnTimeoutMs?: number;
  openai?: Partial<Pick<OpenAiEngineOptions, "requestTimeoutMs" | "maxRetries" | "maxRounds" | "maxReplyTokens">>;
}

export function selectAgentEngine(config: EngineConfig, log?: Logger, tuning: EngineTuning = {}): SelectedEngine {
  const builtin = createBuiltinEngine();
  if (!config.OPENAI_API_KEY) return { engine: builtin, mode: "builtin" };
  const llm = createOpenAiEngine({
    apiKey: config.OPENAI_API_KEY,
    baseURL: config.OPENAI_BASE_URL,
    model: config.OPENAI_MODEL,
    log,
    ...tuning.openai,
  });
  const engine = withFallback(llm, builtin, {
    timeoutMs: tuning.turnTimeoutMs ?? LLM_TURN_TIMEOUT_MS,
    onFallback: (reason) => log?.warn({ reason: describeLlmError(reason), model: config.OPENAI_MODEL }, "the LLM could not answer; the built-in engine answered this turn"),
  });
  return { engine, mode: "llm" };
}
