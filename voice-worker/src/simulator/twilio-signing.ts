// The call simulator signs its requests exactly as Twilio does (X-Twilio-Signature: HMAC-SHA1 of
// the URL + sorted POST parameters; JSON bodies through a bodySHA256 query parameter), using the
// twilio package's own functions, so the webhooks and the worker check them with the same code
// that checks real Twilio traffic.
import { getExpectedBodyHash, getExpectedTwilioSignature } from "twilio/lib/webhooks/webhooks";

/** Posts to `url`, signed for `signedUrl` (the public address, when the app sits behind a proxy). */
export async function postSignedForm(url: string, params: Record<string, string>, authToken: string, signedUrl = url): Promise<Response> {
  return fetch(url, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", "x-twilio-signature": getExpectedTwilioSignature(authToken, signedUrl, params) },
    body: new URLSearchParams(params).toString(),
  });
}

export async function getSigned(url: string, authToken: string): Promise<Response> {
  return fetch(url, { headers: { "x-twilio-signature": getExpectedTwilioSignature(authToken, url, {}) } });
}

export async function postSignedJson(baseUrl: string, body: unknown, authToken: string): Promise<Response> {
  const text = JSON.stringify(body);
  const url = new URL(baseUrl);
  url.searchParams.set("bodySHA256", getExpectedBodyHash(text));
  const signed = url.toString();
  return fetch(signed, {
    method: "POST",
    headers: { "content-type": "application/json", "x-twilio-signature": getExpectedTwilioSignature(authToken, signed, {}) },
    body: text,
  });
}
