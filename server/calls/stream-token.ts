// One-time tokens that let exactly one Media Streams socket attach to a Call. The voice webhook
// issues one per call and hands it to Twilio as a <Parameter> (Twilio strips query strings from
// stream URLs); only its sha256 is stored. The worker claims it once, before doing anything else
// with the socket: a replayed, expired or foreign token gets nothing.
import { createHash, randomBytes } from "node:crypto";

/** Twilio opens the stream right after it reads the TwiML; two minutes covers slow call setup. */
export const STREAM_TOKEN_TTL_MS = 2 * 60_000;

export function hashStreamToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export function newStreamToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, hash: hashStreamToken(token) };
}
