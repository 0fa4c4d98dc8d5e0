// The console's transcript, rebuilt from an agent session's history: one entry per turn, the
// caller's words, the agent's full reply and the tool calls made on the way (the greeting is turn
// t0, with no caller words). Pure, so a reload shows exactly what the session remembers.
import type { SessionSnapshot } from "../agent/session/agent-session";
import type { AgentTurn, HistoryEntry, ToolCallRecord } from "../agent/types";
import type { ConsoleEnding, ConsoleTurn } from "./console-schemas";

export function transcriptOf(history: readonly HistoryEntry[]): ConsoleTurn[] {
  const turns = new Map<string, ConsoleTurn>();
  const turnOf = (turnId: string) => {
    let turn = turns.get(turnId);
    if (!turn) {
      turn = { turnId, caller: null, agent: "", engine: "", tools: [] };
      turns.set(turnId, turn);
    }
    return turn;
  };
  for (const entry of history) {
    const turn = turnOf(entry.turnId);
    if (entry.kind === "caller") turn.caller = entry.text;
    else if (entry.kind === "tool") turn.tools.push(toolCallOf(entry.record));
    else {
      turn.agent = entry.fullText;
      turn.engine = entry.engine;
    }
  }
  // A turn that was aborted before the agent answered has no reply: it is not shown.
  return [...turns.values()].filter((t) => t.agent !== "");
}

function toolCallOf(record: ToolCallRecord): ConsoleTurn["tools"][number] {
  return { id: record.id, name: record.name, args: record.args, ok: record.ok, result: record.result, durationMs: record.durationMs };
}

export function turnOf(caller: string | null, turn: AgentTurn): ConsoleTurn {
  return { turnId: turn.turnId, caller, agent: turn.text, engine: turn.engine, tools: turn.tools.map(toolCallOf) };
}

/** The conversation is over once the agent ended it or handed the caller to a person. */
export function endingOf(snapshot: SessionSnapshot): ConsoleEnding {
  if (snapshot.transfer) return "transferred";
  return snapshot.state.ended ? "ended" : null;
}

