/**
 * The conversation so far as chat messages for the LLM. Caller entries become user messages;
 * each turn's tool calls become one assistant message carrying the calls, followed by their
 * results as tool messages (the call record's id is the tool_call_id both sides use, so the
 * pairing stays valid across turns and whichever engine made the calls); the agent's reply
 * becomes an assistant message with what the caller actually heard: after a barge-in the model
 * must not build on a question the caller never heard, so the cut-off part is left out.
 */
import type { ChatCompletionMessageParam, ChatCompletionMessageToolCall } from "openai/resources/chat/completions";
import type { HistoryEntry } from "../types";

export function buildChatHistory(history: readonly HistoryEntry[]): ChatCompletionMessageParam[] {
  const messages: ChatCompletionMessageParam[] = [];
  let pendingCalls: ChatCompletionMessageToolCall[] = [];
  let pendingResults: ChatCompletionMessageParam[] = [];
  const flushTools = () => {
    if (pendingCalls.length === 0) return;
    messages.push({ role: "assistant", content: null, tool_calls: pendingCalls }, ...pendingResults);
    pendingCalls = [];
    pendingResults = [];
  };

  for (const entry of history) {
    if (entry.kind === "tool") {
      const { record } = entry;
      pendingCalls.push({ id: record.id, type: "function", function: { name: record.name, arguments: argumentsJson(record.args) } });
      pendingResults.push({ role: "tool", tool_call_id: record.id, content: JSON.stringify(record.result) });
      continue;
    }
    flushTools();
    if (entry.kind === "caller") {
      messages.push({ role: "user", content: entry.text });
    } else {
      const heard = entry.text.trim();
      // An ellipsis marks where playback stopped; nothing at all was heard: nothing to replay.
      if (heard.length > 0) messages.push({ role: "assistant", content: entry.interrupted ? `${heard}…` : heard });
    }
  }
  flushTools();
  return messages;
}

/** Arguments as the model sent them; a string is what came when it was not valid JSON, replayed as "{}". */
function argumentsJson(args: unknown): string {
  if (typeof args !== "string") return JSON.stringify(args ?? {});
  try {
    JSON.parse(args);
    return args;
  } catch {
    return "{}";
  }
}
