// What every Twilio webhook handler (voice, status, recording) shares: its dependencies, and reading
// a form-encoded body that must carry a valid X-Twilio-Signature for the public URL. A request that
// fails the check gets 403 before anything is looked up or written.
import type { Db } from "../db";
import { isValidTwilioSignature, publicRequestUrl } from "./twilio-signature";

export interface TwilioWebhookContext {
  db: Db;
  /** TWILIO_AUTH_TOKEN, or the local development token (webhook-auth-token.ts). */
  authToken: string;
  /** PUBLIC_URL: see twilio-signature.ts for how the verified URL is chosen. */
  publicUrl?: string;
  /** The worker's Media Streams endpoint, wss://…/media-stream. */
  streamUrl: string;
  now: Date;
  log: { info(o: object, m?: string): void; warn(o: object, m?: string): void; error(o: object, m?: string): void };
}

/** Twilio's webhook bodies are a few hundred bytes; anything this large is not from Twilio. */
const MAX_BODY_BYTES = 64 * 1024;

export type SignedForm = { ok: true; params: Record<string, string>; url: URL } | { ok: false; response: Response };

/** Only the token, the public URL and the logger are used, so the SMS webhook (no stream URL) shares it. */
export async function readSignedTwilioForm(ctx: Pick<TwilioWebhookContext, "authToken" | "publicUrl" | "log">, request: Request): Promise<SignedForm> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_BODY_BYTES) return { ok: false, response: plain(413, "Payload too large") };
  const body = await request.text();
  if (Buffer.byteLength(body) > MAX_BODY_BYTES) return { ok: false, response: plain(413, "Payload too large") };
  const params: Record<string, string> = {};
  for (const [key, value] of new URLSearchParams(body)) params[key] = value;
  const url = publicRequestUrl(request, ctx.publicUrl);
  const signature = request.headers.get("x-twilio-signature");
  if (!isValidTwilioSignature({ authToken: ctx.authToken, signature, url, params })) {
    ctx.log.warn({ url: new URL(url).pathname, signed: signature !== null }, "twilio webhook refused: bad signature");
    return { ok: false, response: plain(403, "Forbidden") };
  }
  return { ok: true, params, url: new URL(url) };
}

export function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: { "content-type": "text/plain; charset=utf-8" } });
}
