/**
 * The LLM engine: OpenAI chat completions (or any OpenAI-compatible server at OPENAI_BASE_URL),
 * streamed, with the agent's tools as functions. One turn is a loop: send the system prompt
 * (rebuilt from this turn's context) and the conversation; stream the reply's text to the output
 * as it arrives; when the model calls tools, run them through the ToolBox (the only way to data)
 * and send the results back; stop when the model answers without calling a tool.
 *
 * Failures are thrown, not spoken: withFallback (select-engine.ts) lets the built-in engine answer
 * the same turn while nothing has been said or written, and the session apologises otherwise.
 * Once a tool has written (a booking), the caller's abort no longer cancels the turn, matching
 * the session's rule that a committed turn runs to the end.
 */
import type OpenAI from "openai";
import type { ChatCompletionMessageParam, ChatCompletionTool } from "openai/resources/chat/completions";
import type { Logger } from "../../logger";
import { abortError } from "../tools/tool-box";
import type { AgentEngine, EngineTurnInput, EngineTurnOutput, ToolDefinition, TurnUsage } from "../types";
import { buildChatHistory } from "./build-chat-history";
import { buildSystemPrompt } from "./build-system-prompt";
import { createOpenAiClient, withoutSecrets } from "./openai-client";

export const OPENAI_ENGINE_NAME = "openai";

export interface OpenAiEngineOptions {
  apiKey: string;
  baseURL?: string;
  model: string;
  /** Per HTTP request: until the response starts, and then the longest silence between two chunks. */
  requestTimeoutMs?: number;
  /** Retries of a request that failed before its response started (5xx, 429, timeouts). */
  maxRetries?: number;
  /** Model requests per turn; the last one may not call tools, so the turn ends with words. */
  maxRounds?: number;
  /** Cap on each reply's tokens: spoken replies are short, and a runaway one costs money. */
  maxReplyTokens?: number;
  log?: Logger;
}

/** The model's answer was cut off or made no sense as a chat completion stream. */
export class LlmProtocolError extends Error {
  override name = "LlmProtocolError";
}

interface RoundAnswer {
  content: string;
  toolCalls: Array<{ id: string; name: string; arguments: string }>;
  finishReason: string | null;
  usage?: { prompt_tokens: number; completion_tokens: number };
  model?: string;
}

export function createOpenAiEngine(options: OpenAiEngineOptions): AgentEngine {
  const requestTimeoutMs = options.requestTimeoutMs ?? 10_000;
  const maxRounds = Math.max(1, options.maxRounds ?? 6);
  const client = createOpenAiClient({ apiKey: options.apiKey, baseURL: options.baseURL, timeoutMs: requestTimeoutMs, maxRetries: options.maxRetries ?? 1, log: options.log });

  return {
    name: OPENAI_ENGINE_NAME,
    async runTurn(input: EngineTurnInput): Promise<EngineTurnOutput> {
      const writes = new Set(input.tools.definitions.filter((d) => d.writes).map((d) => d.name));
      const tools = input.tools.definitions.map(functionTool);
      const messages: ChatCompletionMessageParam[] = [
        { role: "system", content: buildSystemPrompt(input.context, { language: input.state.language, channel: input.state.channel }) },
        // Snapshot now: the session appends this turn's tool records to the history as they run.
        ...buildChatHistory(input.state.history),
      ];
      const usage: TurnUsage = { model: options.model, inputTokens: 0, outputTokens: 0 };
      let reported = false;
      let committed = false;
      let text = "";
      const aborted = () => !committed && input.signal?.aborted === true;

      try {
        for (let round = 0; ; round++) {
          const last = round === maxRounds - 1;
          let first = true;
          const answer = await streamRound(
            client,
            {
              model: options.model,
              messages,
              tools,
              ...(last ? { tool_choice: "none" as const } : {}),
              max_completion_tokens: options.maxReplyTokens ?? 600,
            },
            { signal: committed ? undefined : input.signal, idleMs: requestTimeoutMs },
            (delta) => {
              // Rounds are separate answers: keep a space between "Let me check." and what follows.
              if (first && text.length > 0 && !/\s$/.test(text) && !/^\s/.test(delta)) emit(" ");
              first = false;
              emit(delta);
            },
          );
          if (aborted()) throw abortError();
          if (answer.usage) {
            reported = true;
            usage.inputTokens += answer.usage.prompt_tokens;
            usage.outputTokens += answer.usage.completion_tokens;
          }
          if (answer.model) usage.model = answer.model;
          if (answer.finishReason === null) throw new LlmProtocolError("The model's answer stopped before it finished.");
          if (answer.toolCalls.length === 0) break;
          if (last) throw new LlmProtocolError(`The model was still calling tools after ${maxRounds} requests.`);

          messages.push({
            role: "assistant",
            content: answer.content.length > 0 ? answer.content : null,
            tool_calls: answer.toolCalls.map((c) => ({ id: c.id, type: "function", function: { name: c.name, arguments: c.arguments } })),
          });
          // One at a time, in the model's order: a booking must see the check that came before it.
          for (const call of answer.toolCalls) {
            const result = await input.tools.call(call.name, parseArguments(call.arguments));
            if (result.ok && writes.has(call.name)) committed = true;
            messages.push({ role: "tool", tool_call_id: call.id, content: JSON.stringify(result) });
          }
        }
      } catch (error) {
        if (aborted()) throw abortError();
        throw withoutSecrets(error);
      }

      if (text.trim().length === 0) throw new LlmProtocolError("The model answered without any words.");
      return { text: text.trim(), language: input.state.language, ...(reported ? { usage } : {}) };

      function emit(delta: string) {
        text += delta;
        input.output.write(delta);
      }
    },
  };
}

function functionTool(definition: ToolDefinition): ChatCompletionTool {
  // The "$schema" key zod writes is not part of what function parameters accept.
  const { $schema: _schema, ...parameters } = definition.parameters;
  return { type: "function", function: { name: definition.name, description: definition.description, parameters } };
}

/**
 * Arguments are JSON text; what does not parse goes to the ToolBox as the string it is, so the
 * call is recorded and the model hears INVALID_INPUT and can try again.
 */
function parseArguments(raw: string): unknown {
  if (raw.trim() === "") return {};
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}

/** One streamed request: text deltas go to `onText` as they arrive; tool calls are assembled from their fragments. */
async function streamRound(
  client: OpenAI,
  body: Omit<OpenAI.Chat.ChatCompletionCreateParamsStreaming, "stream" | "stream_options">,
  { signal, idleMs }: { signal?: AbortSignal; idleMs: number },
  onText: (delta: string) => void,
): Promise<RoundAnswer> {
  const stream = await client.chat.completions.create({ ...body, stream: true, stream_options: { include_usage: true } }, { signal });
  // The client's timeout ends when the response starts; a server that then goes quiet is caught here.
  let stalled = false;
  let timer: NodeJS.Timeout | undefined;
  const quiet = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      stalled = true;
      stream.controller.abort();
    }, idleMs);
  };
  const answer: RoundAnswer = { content: "", toolCalls: [], finishReason: null };
  const calls = new Map<number, { id?: string; name: string; arguments: string }>();
  try {
    quiet();
    for await (const chunk of stream) {
      quiet();
      if (chunk.usage) answer.usage = chunk.usage;
      if (chunk.model) answer.model = chunk.model;
      const choice = chunk.choices?.[0];
      if (!choice) continue;
      const words = (choice.delta?.content ?? "") + (choice.delta?.refusal ?? "");
      if (words.length > 0) {
        answer.content += words;
        onText(words);
      }
      for (const part of choice.delta?.tool_calls ?? []) {
        const call = calls.get(part.index) ?? { name: "", arguments: "" };
        calls.set(part.index, call);
        if (part.id) call.id = part.id;
        if (part.function?.name) call.name = part.function.name;
        if (part.function?.arguments) call.arguments += part.function.arguments;
      }
      if (choice.finish_reason) answer.finishReason = choice.finish_reason;
    }
  } finally {
    clearTimeout(timer);
  }
  if (stalled) throw new LlmProtocolError(`The model sent nothing for ${idleMs} ms.`);
  answer.toolCalls = [...calls.entries()]
    .sort(([a], [b]) => a - b)
    .map(([index, call]) => {
      if (!call.name) throw new LlmProtocolError("The model called a tool without naming it.");
      return { id: call.id ?? `call_${index}_${Date.now().toString(36)}`, name: call.name, arguments: call.arguments };
    });
  return answer;
}
