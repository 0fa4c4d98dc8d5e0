"use client";
// The conversation so far: the caller's messages on the right, the receptionist's replies on the
// left with their tool calls and a play button, and the message being answered right now.
import { useEffect, useRef } from "react";
import { ToolCalls } from "./tool-calls";
import type { Turn } from "./types";
import type { ReplyAudioState } from "./use-reply-audio";

export function Transcript({
  turns,
  pending,
  canSpeak,
  audio,
  onPlay,
  onStop,
}: {
  turns: Turn[];
  /** The caller's message waiting for its reply. */
  pending: string | null;
  canSpeak: boolean;
  audio: ReplyAudioState;
  onPlay: (turnId: string) => void;
  onStop: () => void;
}) {
  const endRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    endRef.current?.scrollIntoView({ block: "nearest" });
  }, [turns.length, pending]);

  return (
    <div className="max-h-[60vh] min-h-72 space-y-3 overflow-y-auto bg-slate-50 px-3 py-4 sm:px-4">
      <ol aria-label="Conversation" className="space-y-3">
        {turns.map((turn) => (
          <li key={turn.turnId} className="space-y-3">
            {turn.caller !== null && <CallerBubble text={turn.caller} />}
            <div className="max-w-[85%]" data-turn-id={turn.turnId}>
              <div className="mb-0.5 flex items-center gap-2 text-xs text-slate-500">
                <span className="font-medium">Receptionist</span>
                {turn.engine && turn.engine !== "greeting" && <span className="text-slate-400">· {engineName(turn.engine)}</span>}
              </div>
              <div className="flex items-start gap-2">
                <p className="whitespace-pre-wrap rounded-2xl rounded-tl-sm bg-white px-3.5 py-2 text-sm shadow-sm ring-1 ring-slate-200">{turn.agent}</p>
                {canSpeak && <PlayButton turnId={turn.turnId} audio={audio} onPlay={onPlay} onStop={onStop} />}
              </div>
              {audio?.turnId === turn.turnId && audio.status === "error" && (
                <p role="alert" className="mt-1 text-xs text-red-700">
                  {audio.message}
                </p>
              )}
              <ToolCalls tools={turn.tools} />
            </div>
          </li>
        ))}
        {pending !== null && (
          <li className="space-y-3">
            <CallerBubble text={pending} />
            <p role="status" className="flex items-center gap-2 text-sm text-slate-500">
              <span className="inline-block h-2 w-2 animate-pulse rounded-full bg-brand-600" aria-hidden />
              The receptionist is answering…
            </p>
          </li>
        )}
      </ol>
      <div ref={endRef} />
    </div>
  );
}

/** Which engine answered, named as the page's header names it; an LLM's fallback shows up here. */
function engineName(engine: string): string {
  return engine === "builtin" ? "built-in agent" : engine;
}

function CallerBubble({ text }: { text: string }) {
  return (
    <div className="ml-auto max-w-[85%] text-right">
      <div className="mb-0.5 text-xs font-medium text-slate-500">Caller</div>
      <p className="inline-block whitespace-pre-wrap rounded-2xl rounded-tr-sm bg-brand-600 px-3.5 py-2 text-left text-sm text-white">{text}</p>
    </div>
  );
}

function PlayButton({ turnId, audio, onPlay, onStop }: { turnId: string; audio: ReplyAudioState; onPlay: (turnId: string) => void; onStop: () => void }) {
  const mine = audio?.turnId === turnId && audio.status !== "error" ? audio.status : null;
  return (
    <button
      type="button"
      onClick={() => (mine ? onStop() : onPlay(turnId))}
      aria-label={mine ? "Stop the reply" : "Play the reply"}
      title={mine ? "Stop" : "Hear this reply as callers do"}
      className="mt-1 shrink-0 rounded-full p-1.5 text-slate-500 ring-1 ring-slate-300 hover:bg-white hover:text-brand-700 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600"
    >
      {mine === "loading" ? (
        <span className="block h-4 w-4 animate-spin rounded-full border-2 border-slate-300 border-t-brand-600" aria-hidden />
      ) : mine === "playing" ? (
        <svg viewBox="0 0 20 20" fill="currentColor" aria-hidden className="h-4 w-4">
          <rect x="5" y="5" width="10" height="10" rx="1.5" />
        </svg>
      ) : (
        <svg viewBox="0 0 20 20" fill="currentColor" aria-hidden className="h-4 w-4">
          <path d="M6.3 4.2A1 1 0 0 0 4.8 5v10a1 1 0 0 0 1.5.8l8-5a1 1 0 0 0 0-1.7l-8-5Z" />
        </svg>
      )}
    </button>
  );
}
