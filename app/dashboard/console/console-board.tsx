"use client";
// The test console's interactive part: start a conversation as a caller, chat, watch the tool
// calls and the caller's appointments after each turn, and hear the replies. Every message goes
// through tRPC to the same agent the phone uses; its bookings are real.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { TRPCClientError } from "@trpc/client";
import { useId, useRef, useState } from "react";
import { useTRPC } from "@/app/_trpc/client";
import { MAX_UTTERANCE_LENGTH } from "@/server/console/console-schemas";
import { buttonStyles, ErrorNote, fieldStyles } from "../appointments/modal";
import { problemText } from "../appointments/problem-text";
import { CallerAppointments } from "./caller-appointments";
import { StartForm } from "./start-form";
import { Transcript } from "./transcript";
import type { CallerAppointment, Conversation, ConsoleSetup } from "./types";
import { useReplyAudio } from "./use-reply-audio";


export function ConsoleBoard({ businessId, businessParam, setup }: { businessId: string; businessParam?: string; setup: ConsoleSetup }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [conversation, setConversation] = useState<Conversation | null>(setup.conversation);
  const [changed, setChanged] = useState<ReadonlySet<string>>(new Set());
  const [pending, setPending] = useState<string | null>(null);
  const [draft, setDraft] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [autoSpeak, setAutoSpeak] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const ids = { message: useId(), autoSpeak: useId() };
  const start = useMutation(trpc.console.start.mutationOptions());
  const send = useMutation(trpc.console.send.mutationOptions());
  const reset = useMutation(trpc.console.reset.mutationOptions());
  const audio = useReplyAudio({ businessId, sessionId: conversation?.sessionId ?? null });
  const canSpeak = setup.voice !== null;

  const appointmentsHref = (date: string) => {
    const search = new URLSearchParams({ date });
    if (businessParam) search.set("b", businessParam);
    return `/dashboard/appointments?${search}`;
  };

  /** The server's words for a failure; a conversation that is gone sends the page back to the start. */
  function fail(cause: unknown) {
    if (cause instanceof TRPCClientError && (cause.data as { code?: string } | null)?.code === "NOT_FOUND") {
      setConversation(null);
      setError(cause.message);
      return;
    }
    setError(cause instanceof TRPCClientError && cause.data?.code === "CONFLICT" ? cause.message : problemText(cause));
  }

  async function onStart(input: { callerPhone: string; language?: "en" | "es" }) {
    setError(null);
    try {
      const started = await start.mutateAsync({ businessId, ...input });
      setConversation(started);
      setChanged(new Set());
      requestAnimationFrame(() => inputRef.current?.focus());
      if (autoSpeak) audio.play(started.turns[0]!.turnId);
    } catch (cause) {
      fail(cause);
    }
  }

  async function onSend(event: React.FormEvent) {
    event.preventDefault();
    const text = draft.trim();
    if (!conversation || !text || pending !== null) return;
    setError(null);
    setPending(text);
    setDraft("");
    audio.stop();
    try {
      const answer = await send.mutateAsync({ businessId, sessionId: conversation.sessionId, text });
      setChanged(changedIds(conversation.appointments, answer.appointments));
      setConversation({ ...conversation, turns: [...conversation.turns, answer.turn], callerName: answer.callerName, ending: answer.ending, appointments: answer.appointments });
      // The appointments page and the overview show these bookings too.
      void queryClient.invalidateQueries(trpc.appointments.pathFilter());
      if (autoSpeak) audio.play(answer.turn.turnId);
    } catch (cause) {
      setDraft(text);
      fail(cause);
    } finally {
      setPending(null);
      requestAnimationFrame(() => inputRef.current?.focus());
    }
  }

  async function onReset() {
    if (!conversation) return;
    setError(null);
    audio.stop();
    try {
      await reset.mutateAsync({ businessId, sessionId: conversation.sessionId });
    } catch (cause) {
      // Already gone is what was wanted.
      if (!(cause instanceof TRPCClientError && cause.data?.code === "NOT_FOUND")) return fail(cause);
    }
    setConversation(null);
    setChanged(new Set());
  }

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div className="min-w-0">
          <h1 className="text-xl font-semibold">Test console</h1>
          <p className="text-sm text-slate-500">Talk to your receptionist as a caller would. It is the same agent that answers your phone.</p>
        </div>
        <dl className="flex flex-wrap gap-2 text-xs">
          <div className="rounded-full bg-white px-3 py-1 ring-1 ring-slate-200">
            <dt className="inline font-medium">Agent: </dt>
            <dd className="inline" data-testid="engine-mode">
              {setup.engine}
            </dd>
          </div>
          <div className="rounded-full bg-white px-3 py-1 ring-1 ring-slate-200">
            <dt className="inline font-medium">Voice: </dt>
            <dd className="inline">{setup.voice ?? "none (text only)"}</dd>
          </div>
        </dl>
      </div>

      <p role="note" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-amber-200">
        <strong className="font-semibold">Bookings made here are real.</strong> Whatever the receptionist books, moves or cancels goes on {setup.businessName}&apos;s calendar
        as it would from a call, marked as made in the test console. Cancel test appointments on the Appointments page when you are done.
      </p>
      {!canSpeak && (
        <p className="rounded-md bg-slate-100 px-3 py-2 text-sm text-slate-700 ring-1 ring-slate-200">
          Replies are text only: this server has no voice (espeak-ng is not installed and no ElevenLabs key is set). Install espeak-ng (<code>apt-get install espeak-ng</code>) to hear
          the receptionist as callers do.
        </p>
      )}

      <div className="grid gap-4 lg:grid-cols-3">
        <section aria-label="Chat" className="overflow-hidden rounded-lg bg-white shadow-sm ring-1 ring-slate-200 lg:col-span-2">
          {!conversation ? (
            <StartForm
              callers={setup.callers}
              languages={setup.languages}
              initialPhone={setup.callers[0]?.phone ?? ""}
              busy={start.isPending}
              error={error}
              onStart={(input) => void onStart(input)}
            />
          ) : (
            <>
              <div className="flex flex-wrap items-center justify-between gap-2 border-b border-slate-100 px-4 py-2.5">
                <div className="min-w-0 text-sm">
                  <span className="text-slate-500">Calling as </span>
                  <span className="font-medium" data-testid="caller-phone">
                    {conversation.callerPhone}
                  </span>
                  {conversation.callerName && <span className="text-slate-600"> ({conversation.callerName})</span>}
                </div>
                <div className="flex items-center gap-3">
                  {canSpeak && (
                    <label htmlFor={ids.autoSpeak} className="flex items-center gap-1.5 text-sm text-slate-600">
                      <input id={ids.autoSpeak} type="checkbox" checked={autoSpeak} onChange={(e) => setAutoSpeak(e.target.checked)} className="h-4 w-4 accent-brand-600" />
                      Speak replies
                    </label>
                  )}
                  <button type="button" onClick={() => void onReset()} disabled={reset.isPending || pending !== null} className={buttonStyles.secondary}>
                    New conversation
                  </button>
                </div>
              </div>
              <Transcript turns={conversation.turns} pending={pending} canSpeak={canSpeak} audio={audio.state} onPlay={audio.play} onStop={audio.stop} />
              <div className="space-y-2 border-t border-slate-100 p-3 sm:px-4">
                {error && <ErrorNote>{error}</ErrorNote>}
                {conversation.ending ? (
                  <div className="flex flex-wrap items-center justify-between gap-2 text-sm text-slate-600">
                    <span role="status">
                      {conversation.ending === "transferred" ? "The receptionist handed the caller to a person: the call would be transferred now." : "The receptionist ended the call."}
                    </span>
                    <button type="button" onClick={() => void onReset()} className={buttonStyles.primary}>
                      Start a new conversation
                    </button>
                  </div>
                ) : (
                  <form onSubmit={(e) => void onSend(e)} className="flex gap-2">
                    <label htmlFor={ids.message} className="sr-only">
                      What the caller says
                    </label>
                    <input
                      id={ids.message}
                      ref={inputRef}
                      value={draft}
                      onChange={(e) => setDraft(e.target.value)}
                      maxLength={MAX_UTTERANCE_LENGTH}
                      autoComplete="off"
                      placeholder="Type what the caller says…"
                      className={fieldStyles}
                    />
                    <button type="submit" disabled={pending !== null || draft.trim() === ""} className={buttonStyles.primary}>
                      Send
                    </button>
                  </form>
                )}
              </div>
            </>
          )}
        </section>

        <div className="space-y-4">
          {conversation ? (
            <CallerAppointments appointments={conversation.appointments} changed={changed} timezone={setup.timezone} appointmentsHref={appointmentsHref} />
          ) : (
            <section className="rounded-lg bg-white p-4 text-sm text-slate-500 shadow-sm ring-1 ring-slate-200">
              <h2 className="mb-1 font-medium text-slate-900">What you will see</h2>
              Each reply shows the tools the receptionist used (checking times, booking, cancelling) with their exact inputs and results, and the caller&apos;s appointments
              update here after every message.
            </section>
          )}
        </div>
      </div>
    </div>
  );
}

/** Appointments that are new, or whose status or time changed, between two lists. */
function changedIds(before: CallerAppointment[], after: CallerAppointment[]): Set<string> {
  const old = new Map(before.map((a) => [a.id, `${a.status}|${a.startsAt.getTime()}`]));
  return new Set(after.filter((a) => old.get(a.id) !== `${a.status}|${a.startsAt.getTime()}`).map((a) => a.id));
}
