// Twilio webhook authentication: X-Twilio-Signature is HMAC-SHA1(auth token, the URL Twilio
// requested + every POST parameter as key+value sorted by key), base64. We check it with the
// twilio package's own validateRequest against the *public* URL, because Twilio signed the
// address it called, not the one our process sees behind a proxy.
//
// Which URL is "public" (the trust rule):
//  1. PUBLIC_URL, when configured, wins: its origin + the request's path and query. Production
//     sets it, so no request header can change what we verify against.
//  2. Otherwise (local development, the call simulator) the origin is rebuilt from the first
//     X-Forwarded-Proto / X-Forwarded-Host values, else the Host header and the request's own
//     protocol. Trusting those headers is safe for authentication: a forged header only changes
//     the URL the signature must match, and matching any URL still needs the auth token.
import { validateRequest } from "twilio/lib/webhooks/webhooks";

export function publicRequestUrl(request: Request, publicUrl?: string): string {
  const url = new URL(request.url);
  const pathAndQuery = `${url.pathname}${url.search}`;
  if (publicUrl) return `${new URL(publicUrl).origin}${pathAndQuery}`;
  const first = (value: string | null) => value?.split(",")[0]?.trim() || undefined;
  const proto = first(request.headers.get("x-forwarded-proto")) ?? url.protocol.replace(/:$/, "");
  const host = first(request.headers.get("x-forwarded-host")) ?? request.headers.get("host") ?? url.host;
  return `${proto}://${host}${pathAndQuery}`;
}

/** Constant-time check (inside validateRequest), with and without the default port. */
export function isValidTwilioSignature(input: {
  authToken: string;
  signature: string | null;
  url: string;
  params: Record<string, string>;
}): boolean {
  if (!input.signature || !input.authToken) return false;
  return validateRequest(input.authToken, input.signature, input.url, input.params);
}
