/**
 * PROTOCOL DOUBLE of OpenAI's POST /v1/chat/completions: a loopback HTTP server that speaks the
 * wire format (no network, no key, no model). It answers each request as the test scripts it:
 * server-sent events with `choices[0].delta.content` pieces, `delta.tool_calls` fragments
 * (index, id, function.name, then function.arguments split across chunks), a finish_reason, the
 * usage chunk when the request asked for `stream_options.include_usage`, then `data: [DONE]`;
 * or a plain JSON completion, an HTTP error, malformed events, or a server that never answers.
 * It records every request (body, headers, and whether the client hung up) for assertions.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";

type Finish = "stop" | "tool_calls" | "length";

export interface ChatRequest {
  index: number;
  path: string;
  authorization: string | undefined;
  body: {
    model: string;
    stream?: boolean;
    stream_options?: { include_usage?: boolean };
    messages: Array<{ role: string; content?: string | null; tool_call_id?: string; tool_calls?: Array<{ id: string; function: { name: string; arguments: string } }> }>;
    tools?: Array<{ type: string; function: { name: string; parameters: Record<string, unknown> } }>;
    tool_choice?: unknown;
    [key: string]: unknown;
  };
  /** Resolves when the client closed the connection before the double finished answering. */
  hungUp: Promise<void>;
  clientHungUp: boolean;
}

/** One server-sent chunk's delta (choice 0), or a pause the test controls. */
export type StreamStep =
  | { content: string }
  | { toolCall: { index: number; id?: string; name?: string; arguments?: string } }
  | { finish: Finish }
  | { pause: () => Promise<void> };

export type ChatReply =
  | { stream: StreamStep[]; usage?: { prompt_tokens: number; completion_tokens: number }; model?: string }
  | { json: { content: string; usage?: { prompt_tokens: number; completion_tokens: number } } }
  | { status: number; message?: string }
  | { raw: string }
  | { hang: true };

export type ChatScript = (request: ChatRequest) => ChatReply | Promise<ChatReply>;

/** Text in pieces, then finish_reason "stop". */
export function say(...pieces: string[]): ChatReply {
  return { stream: [...pieces.map((content) => ({ content })), { finish: "stop" }] };
}

/**
 * Tool calls, each announced with its id and name and then its arguments cut into `fragments`
 * pieces (as OpenAI streams them), finish_reason "tool_calls". Optional words before them.
 */
export function callTools(calls: Array<{ id: string; name: string; args: unknown }>, { fragments = 3, before }: { fragments?: number; before?: string } = {}): ChatReply {
  const steps: StreamStep[] = before ? [{ content: before }] : [];
  calls.forEach((call, index) => {
    steps.push({ toolCall: { index, id: call.id, name: call.name, arguments: "" } });
    const json = JSON.stringify(call.args);
    const size = Math.ceil(json.length / fragments);
    for (let at = 0; at < json.length; at += size) steps.push({ toolCall: { index, arguments: json.slice(at, at + size) } });
  });
  steps.push({ finish: "tool_calls" });
  return { stream: steps };
}

/** The JSON result the client sent back for a tool call, by the call's id. */
export function toolResult(request: ChatRequest, toolCallId: string): Record<string, unknown> | undefined {
  const message = request.body.messages.find((m) => m.role === "tool" && m.tool_call_id === toolCallId);
  return message?.content ? (JSON.parse(message.content) as Record<string, unknown>) : undefined;
}

/** Every tool result of the conversation so far for the named tool, oldest first. */
export function toolResults(request: ChatRequest, name: string): Array<Record<string, unknown>> {
  const ids = request.body.messages.flatMap((m) => (m.tool_calls ?? []).filter((c) => c.function.name === name).map((c) => c.id));
  return ids.flatMap((id) => {
    const result = toolResult(request, id);
    return result ? [result] : [];
  });
}

export function lastUserText(request: ChatRequest): string {
  return [...request.body.messages].reverse().find((m) => m.role === "user")?.content ?? "";
}

export interface ChatDouble {
  /** The base URL to give the client, ending in /v1. */
  baseURL: string;
  requests: ChatRequest[];
  close(): Promise<void>;
}

export async function startChatDouble(script: ChatScript | ChatReply[]): Promise<ChatDouble> {
  const requests: ChatRequest[] = [];
  const answer: ChatScript = Array.isArray(script) ? (r) => script[r.index] ?? say("(the script has no more replies)") : script;
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    let hangUp: () => void = () => {};
    const request: ChatRequest = {
      index: requests.length,
      path: req.url ?? "",
      authorization: req.headers.authorization,
      body: JSON.parse(Buffer.concat(chunks).toString("utf8")) as ChatRequest["body"],
      hungUp: new Promise<void>((resolve) => (hangUp = resolve)),
      clientHungUp: false,
    };
    requests.push(request);
    res.on("close", () => {
      if (!res.writableFinished) {
        request.clientHungUp = true;
        hangUp();
      }
    });
    const reply = await answer(request);
    if ("hang" in reply) return;
    if ("status" in reply) {
      res.writeHead(reply.status, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: { message: reply.message ?? "The server had an error while processing your request.", type: "server_error" } }));
      return;
    }
    if ("raw" in reply) {
      res.writeHead(200, { "content-type": "text/event-stream" }).end(reply.raw);
      return;
    }
    const model = ("model" in reply && reply.model) || `${request.body.model}-double`;
    const base = { id: `chatcmpl-${request.index}`, created: 1_790_000_000, model };
    if ("json" in reply) {
      const usage = reply.json.usage ?? { prompt_tokens: 50, completion_tokens: 10 };
      res.writeHead(200, { "content-type": "application/json" }).end(
        JSON.stringify({
          ...base,
          object: "chat.completion",
          choices: [{ index: 0, message: { role: "assistant", content: reply.json.content, refusal: null }, finish_reason: "stop", logprobs: null }],
          usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens },
        }),
      );
      return;
    }
    res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
    const send = (data: unknown) => new Promise<void>((resolve) => res.write(`data: ${JSON.stringify(data)}\n\n`, () => resolve()));
    const chunk = (delta: Record<string, unknown>, finish: Finish | null = null) =>
      send({ ...base, object: "chat.completion.chunk", choices: [{ index: 0, delta, finish_reason: finish, logprobs: null }] });
    await chunk({ role: "assistant", content: "" });
    for (const step of reply.stream) {
      if (request.clientHungUp) return;
      if ("pause" in step) await step.pause();
      else if ("content" in step) await chunk({ content: step.content });
      else if ("toolCall" in step) {
        const { index, id, name, arguments: args } = step.toolCall;
        await chunk({ tool_calls: [{ index, ...(id ? { id, type: "function" } : {}), function: { ...(name ? { name } : {}), ...(args !== undefined ? { arguments: args } : {}) } }] });
      } else await chunk({}, step.finish);
    }
    if (request.body.stream_options?.include_usage) {
      const usage = reply.usage ?? { prompt_tokens: 100, completion_tokens: 20 };
      await send({ ...base, object: "chat.completion.chunk", choices: [], usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens } });
    }
    res.end("data: [DONE]\n\n");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    baseURL: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
