// One of the agent's replies in a test-console conversation, spoken with the voice the phone uses.
// Only replies the session really gave can be spoken (by turn id): the console is not a general
// text-to-speech service, and a replay is served from the speech cache.
import type { Db } from "../db";
import { AppError } from "../errors";
import type { ReplySpeech } from "../speech/reply-speech";
import { loadConsoleSession } from "./load-console-session";

export const NO_VOICE_MESSAGE =
  "Replies cannot be spoken on this server: espeak-ng is not installed (apt-get install espeak-ng) and no ElevenLabs key is set. The console works as text.";

export async function speakConsoleReply(
  db: Db,
  { businessId, sessionId, turnId }: { businessId: string; sessionId: string; turnId: string },
  { speech, signal }: { speech: ReplySpeech | null; signal?: AbortSignal },
): Promise<{ mimeType: "audio/wav"; audioBase64: string }> {
  const row = await loadConsoleSession(db, { businessId, sessionId });
  const reply = row.snapshot.state.history.find((e) => e.kind === "agent" && e.turnId === turnId);
  if (!reply || reply.kind !== "agent") throw new AppError("NOT_FOUND", "No such reply in this conversation.");
  if (!speech) throw new AppError("CONFLICT", NO_VOICE_MESSAGE);
  const wav = await speech.synthesize(reply.fullText, { signal });
  return { mimeType: "audio/wav", audioBase64: wav.toString("base64") };
}
