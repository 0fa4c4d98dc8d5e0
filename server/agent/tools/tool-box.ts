// The ToolBox an engine gets each turn: the tool list (with JSON Schemas for an LLM's function
// calling) and `call`, which validates the arguments with zod, runs the tool, turns domain errors
// into results the engine can put into words, and records every call. It never throws, except
// AbortError when the turn was aborted before the call started.
import { z } from "zod";
import { AppError } from "../../errors";
import type { ToolBox, ToolCallRecord, ToolDefinition, ToolFailure, ToolResult } from "../types";
import { bookAppointmentTool, cancelAppointmentTool, findMyAppointmentsTool, rescheduleAppointmentTool } from "./appointment-tools";
import { checkAvailabilityTool } from "./check-availability";
import { businessInfoTool, endConversationTool, takeMessageTool, transferToHumanTool } from "./conversation-tools";
import { failureFromAppError, type AgentTool, type ToolContext, ToolRefusal } from "./tool-kit";
import { joinWaitlistTool } from "./waitlist-tool";

export const AGENT_TOOLS: readonly AgentTool[] = [
  checkAvailabilityTool,
  bookAppointmentTool,
  findMyAppointmentsTool,
  rescheduleAppointmentTool,
  cancelAppointmentTool,
  joinWaitlistTool,
  businessInfoTool,
  transferToHumanTool,
  takeMessageTool,
  endConversationTool,
] as AgentTool[];

export const TOOL_DEFINITIONS: readonly ToolDefinition[] = AGENT_TOOLS.map((tool) => ({
  name: tool.name,
  description: tool.description,
  parameters: z.toJSONSchema(tool.input, { io: "input" }) as Record<string, unknown>,
  writes: tool.writes,
}));

export interface ToolBoxHooks {
  turnId: string;
  signal?: AbortSignal;
  onToolStart?: (name: string) => void;
  onRecord: (record: ToolCallRecord) => void;
  nextCallId: () => string;
  log?: (error: unknown, toolName: string) => void;
}

export function abortError(): Error {
  return new DOMException("The turn was aborted.", "AbortError");
}

export function createToolBox(ctx: ToolContext, hooks: ToolBoxHooks): ToolBox {
  return {
    definitions: TOOL_DEFINITIONS,
    async call(name, args) {
      if (hooks.signal?.aborted) throw abortError();
      const started = performance.now();
      const tool = AGENT_TOOLS.find((t) => t.name === name);
      let result: ToolResult;
      if (!tool) {
        result = { ok: false, error: "UNKNOWN_TOOL", message: `There is no tool called ${name}.` };
      } else {
        const parsed = tool.input.safeParse(args ?? {});
        if (!parsed.success) {
          result = { ok: false, error: "INVALID_INPUT", message: z.prettifyError(parsed.error) };
        } else {
          hooks.onToolStart?.(name);
          result = await runSafely(ctx, tool, parsed.data, hooks);
        }
      }
      hooks.onRecord({
        id: hooks.nextCallId(),
        turnId: hooks.turnId,
        name,
        args,
        ok: result.ok,
        result,
        durationMs: Math.round(performance.now() - started),
      });
      return result;
    },
  };
}

async function runSafely(ctx: ToolContext, tool: AgentTool, input: unknown, hooks: ToolBoxHooks): Promise<ToolResult> {
  try {
    // JSON round trip: results are plain data an LLM can read and a log can store.
    return JSON.parse(JSON.stringify(await tool.run(ctx, input))) as ToolResult;
  } catch (error) {
    if (error instanceof ToolRefusal) return error.result;
    if (error instanceof AppError) return JSON.parse(JSON.stringify(await failureFromAppError(ctx, error))) as ToolFailure;
    hooks.log?.(error, tool.name);
    return { ok: false, error: "INTERNAL", message: "Something went wrong on our side. Apologise and offer to take a message." };
  }
}
