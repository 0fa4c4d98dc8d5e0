/**
 * One engine in front of another, per turn: the primary (the LLM) answers unless it fails or
 * times out, and then the fallback (the built-in engine) answers the same turn, so the caller
 * never hears an error. The fallback runs only while the turn is still clean: nothing said yet
 * and nothing written. After that, retrying could say something twice or book twice, so the
 * primary's error goes to the session (which apologises and asks the caller to repeat).
 */
import type { AgentEngine, EngineTurnInput, EngineTurnOutput, ToolBox } from "../types";

export interface FallbackOptions {
  /** Longest the primary may take for one turn, in ms (tool calls included). */
  timeoutMs: number;
  onFallback?: (reason: unknown) => void;
}

export function withFallback(primary: AgentEngine, fallback: AgentEngine, { timeoutMs, onFallback }: FallbackOptions): AgentEngine {
  return {
    name: `${primary.name}+${fallback.name}`,
    async runTurn(input: EngineTurnInput): Promise<EngineTurnOutput> {
      let spoke = false;
      let wrote = false;
      const inFlight: Array<Promise<unknown>> = [];
      const timeout = new AbortController();
      const timer = setTimeout(() => timeout.abort(new DOMException("The engine took too long.", "TimeoutError")), timeoutMs);
      const signal = input.signal ? AbortSignal.any([input.signal, timeout.signal]) : timeout.signal;
      const tools: ToolBox = {
        definitions: input.tools.definitions,
        async call(name, args) {
          if (timeout.signal.aborted && !wrote) throw timeout.signal.reason;
          const call = input.tools.call(name, args);
          inFlight.push(call.catch(() => undefined));
          const result = await call;
          if (result.ok && input.tools.definitions.find((d) => d.name === name)?.writes) wrote = true;
          return result;
        },
      };
      const output = {
        write(delta: string) {
          if (delta.length > 0) spoke = true;
          input.output.write(delta);
        },
      };
      try {
        const out = await Promise.race([
          primary.runTurn({ ...input, tools, output, signal }),
          new Promise<never>((_, reject) => timeout.signal.addEventListener("abort", () => reject(timeout.signal.reason), { once: true })),
        ]);
        // The fallback's memory describes the conversation as it last saw it; after a turn it did
        // not answer it is stale (a read-back it is waiting on may be long gone), so it starts afresh.
        delete input.state.scratch[fallback.name];
        return { ...out, engine: out.engine ?? primary.name };
      } catch (error) {
        if (input.signal?.aborted) throw error;
        // A tool still running when the primary timed out may be a booking: see how it ends first.
        await Promise.allSettled(inFlight);
        if (spoke || wrote) throw error;
        onFallback?.(error);
        const out = await fallback.runTurn(input);
        return { ...out, engine: out.engine ?? fallback.name };
      } finally {
        clearTimeout(timer);
      }
    },
  };
}
