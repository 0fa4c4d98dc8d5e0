"use client";
// Plays the receptionist's replies through /api/console/speech, one at a time: starting one stops
// the other. When the audio cannot be played the route's own words say why.
import { useCallback, useEffect, useRef, useState } from "react";

export type ReplyAudioState = { turnId: string; status: "loading" | "playing" } | { turnId: string; status: "error"; message: string } | null;

export function useReplyAudio({ businessId, sessionId }: { businessId: string; sessionId: string | null }) {
  const [state, setState] = useState<ReplyAudioState>(null);
  const audioRef = useRef<HTMLAudioElement | null>(null);

  const stop = useCallback(() => {
    const audio = audioRef.current;
    audioRef.current = null;
    if (audio) {
      audio.pause();
      audio.removeAttribute("src");
      audio.load();
    }
    setState(null);
  }, []);

  useEffect(() => stop, [stop, sessionId]);

  const play = useCallback(
    (turnId: string) => {
      if (!sessionId) return;
      stop();
      const url = `/api/console/speech?${new URLSearchParams({ businessId, sessionId, turnId })}`;
      const audio = new Audio(url);
      audioRef.current = audio;
      setState({ turnId, status: "loading" });
      const current = () => audioRef.current === audio;
      audio.onplaying = () => current() && setState({ turnId, status: "playing" });
      audio.onended = () => {
        if (!current()) return;
        audioRef.current = null;
        setState(null);
      };
      audio.onerror = () => {
        if (!current()) return;
        audioRef.current = null;
        void reasonOf(url).then((message) => setState({ turnId, status: "error", message }));
      };
      audio.play().catch((error: unknown) => {
        // A load failure arrives through onerror; this is the browser refusing to play at all.
        if (current() && error instanceof DOMException && error.name === "NotAllowedError") {
          audioRef.current = null;
          setState({ turnId, status: "error", message: "The browser blocked playback. Press play to hear the reply." });
        }
      });
    },
    [businessId, sessionId, stop],
  );

  return { state, play, stop };
}

async function reasonOf(url: string): Promise<string> {
  try {
    const response = await fetch(url);
    if (!response.ok) return ((await response.json()) as { error?: string }).error ?? "The reply could not be played. Try again.";
  } catch {
    return "Could not reach the server. Check your connection and try again.";
  }
  return "This browser could not play the reply's audio.";
}
