/**
 * After a barge-in the caller heard only part of the agent's reply. The agent's memory is trimmed
 * to that part, so an engine never builds on a question the caller did not hear (the built-in
 * engine will not take a "yes" as agreement to a read-back that was cut off; an LLM sees only the
 * heard text). The full reply is kept for logs and transcripts.
 */
import type { HistoryEntry } from "../types";

/** Returns false when no agent turn has that id. */
export function noteHeard(history: HistoryEntry[], turnId: string, heard: string): boolean {
  const entry = history.find((e): e is Extract<HistoryEntry, { kind: "agent" }> => e.kind === "agent" && e.turnId === turnId);
  if (!entry) return false;
  const trimmed = heard.trim();
  const complete = normalise(trimmed) === normalise(entry.fullText);
  entry.text = complete ? entry.fullText : trimmed;
  entry.interrupted = !complete;
  return true;
}

/** The last agent entry, if the caller heard all of it. */
export function lastAgentReplyHeardInFull(history: readonly HistoryEntry[]): boolean {
  for (let i = history.length - 1; i >= 0; i--) {
    const entry = history[i]!;
    if (entry.kind === "agent") return !entry.interrupted;
  }
  return true;
}

function normalise(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}
