// `npm run eval:llm`'s runner (scripts/eval-llm.ts is its command line): every scenario through
// the OpenAI engine alone, judged exactly as the built-in engine is (run-scenario.ts,
// check-scenario.ts). No built-in fallback here: a turn the LLM fails should count against it,
// not be hidden by the other engine answering.
import { describeLlmError } from "../../server/agent/engines/openai-client";
import { createOpenAiEngine, type OpenAiEngineOptions } from "../../server/agent/engines/openai-engine";
import type { AgentEngine } from "../../server/agent/types";
import type { Db } from "../../server/db";
import { evaluateScenarios, prepareWorld, type ScenarioResult } from "./run-scenario";
import type { Scenario } from "./scenario";

export interface LlmEvaluation {
  model: string;
  passed: number;
  total: number;
  rate: number;
  results: ScenarioResult[];
  /** Tokens over the whole run, as the API reported them. */
  usage: { inputTokens: number; outputTokens: number };
  /** Turns the engine failed (the session apologised instead), and the first reason, to spot a bad key or URL. */
  errors: { turns: number; first?: string };
}

export async function evaluateLlm(
  engineOptions: OpenAiEngineOptions,
  { db, scenarios, onResult = () => {} }: { db: Db; scenarios: readonly Scenario[]; onResult?: (result: ScenarioResult) => void },
): Promise<LlmEvaluation> {
  const llm = createOpenAiEngine(engineOptions);
  const usage = { inputTokens: 0, outputTokens: 0 };
  const errors: LlmEvaluation["errors"] = { turns: 0 };
  const counted: AgentEngine = {
    name: llm.name,
    async runTurn(input) {
      try {
        const out = await llm.runTurn(input);
        usage.inputTokens += out.usage?.inputTokens ?? 0;
        usage.outputTokens += out.usage?.outputTokens ?? 0;
        return out;
      } catch (error) {
        errors.turns += 1;
        if (!errors.first) {
          const { kind, status, message } = describeLlmError(error);
          errors.first = `${kind}${status ? ` ${status}` : ""}: ${message}`;
        }
        throw error;
      }
    },
  };
  const world = await prepareWorld(db);
  const { passed, total, rate, results } = await evaluateScenarios(counted, scenarios, world, onResult);
  return { model: engineOptions.model, passed, total, rate, results, usage, errors };
}

export function progressLine(result: ScenarioResult): string {
  return `${result.pass ? "pass" : "FAIL"}  ${result.name}`;
}

/** The closing report: each failure with its reasons and transcript, then the success rate. */
export function reportLines(evaluation: LlmEvaluation): string[] {
  const lines: string[] = [];
  for (const failed of evaluation.results.filter((r) => !r.pass)) {
    lines.push("", `FAILED: ${failed.name}`, ...failed.reasons.map((r) => `  - ${r.split("\n")[0]}`));
    for (const line of failed.lines) {
      if (line.caller !== null) lines.push(`    caller: ${line.caller}`);
      lines.push(`    agent:  ${line.agent}${line.tools.length > 0 ? `  [${line.tools.map((t) => t.name + (t.ok ? "" : " failed")).join(", ")}]` : ""}`);
    }
  }
  const percent = Math.round(evaluation.rate * 1000) / 10;
  lines.push(
    "",
    `LLM engine (${evaluation.model}): ${evaluation.passed}/${evaluation.total} scenarios passed (${percent}%)`,
    `tokens: ${evaluation.usage.inputTokens} in, ${evaluation.usage.outputTokens} out`,
  );
  if (evaluation.errors.turns > 0) lines.push(`${evaluation.errors.turns} turn(s) failed with an error; the first: ${evaluation.errors.first}`);
  return lines;
}
