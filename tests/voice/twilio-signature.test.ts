// Webhook authentication and TwiML escaping: pure functions, no database.
import { describe, expect, it } from "vitest";
import { escapeXml, twiml } from "../../server/calls/twiml";
import { isValidTwilioSignature, publicRequestUrl } from "../../server/calls/twilio-signature";
import { mediaStreamUrl, streamTwiml } from "../../server/calls/voice-webhook";
import { readStreamTwiml } from "../../voice-worker/src/simulator/twiml-reader";

const VECTOR = {
  authToken: "12345",
  url: "https://mycompany.com/myapp.php?foo=1&bar=2",
  params: { CallSid: "CA1234567890ABCDE", Caller: "+14158675309", Digits: "1234", From: "+14158675309", To: "+18005551212" },
};

describe("X-Twilio-Signature validation", () => {
  it("accepts Twilio's published test vector", () => {
    expect(isValidTwilioSignature({ ...VECTOR, signature: "RSOYDt4T1cUTdK1PDd93/VVr8B8=" })).toBe(true);
  });

  it("accepts the published variant with a different caller and refuses the original signature for it", () => {
    const params = { ...VECTOR.params, Caller: "+14158675310", From: "+14158675310" };
    expect(isValidTwilioSignature({ ...VECTOR, params, signature: "GvWf1cFY/Q7PnoempGyD5oXAezc=" })).toBe(true);
    expect(isValidTwilioSignature({ ...VECTOR, params, signature: "RSOYDt4T1cUTdK1PDd93/VVr8B8=" })).toBe(false);
  });

  it("refuses a missing signature, the wrong token, another URL and a changed parameter", () => {
    const signature = "RSOYDt4T1cUTdK1PDd93/VVr8B8=";
    expect(isValidTwilioSignature({ ...VECTOR, signature: null })).toBe(false);
    expect(isValidTwilioSignature({ ...VECTOR, authToken: "54321", signature })).toBe(false);
    expect(isValidTwilioSignature({ ...VECTOR, url: "https://mycompany.com/myapp.php?foo=1&bar=3", signature })).toBe(false);
    expect(isValidTwilioSignature({ ...VECTOR, params: { ...VECTOR.params, Digits: "1235" }, signature })).toBe(false);
  });
});

describe("the public URL a webhook is verified against", () => {
  const internal = (headers: Record<string, string> = {}) => new Request("http://10.0.0.5:3000/api/twilio/voice?x=1", { method: "POST", headers });

  it("uses PUBLIC_URL's origin with the request's path and query, ignoring forwarded headers", () => {
    const request = internal({ "x-forwarded-host": "evil.example", "x-forwarded-proto": "http" });
    expect(publicRequestUrl(request, "https://book.example.com")).toBe("https://book.example.com/api/twilio/voice?x=1");
  });

  it("rebuilds the URL from X-Forwarded-Proto/Host (first values) when PUBLIC_URL is not set", () => {
    const request = internal({ "x-forwarded-proto": "https, http", "x-forwarded-host": "abc.ngrok.app, proxy" });
    expect(publicRequestUrl(request)).toBe("https://abc.ngrok.app/api/twilio/voice?x=1");
  });

  it("falls back to the Host header and the request's protocol", () => {
    expect(publicRequestUrl(internal({ host: "127.0.0.1:3000" }))).toBe("http://127.0.0.1:3000/api/twilio/voice?x=1");
  });
});

describe("TwiML", () => {
  it("escapes every attribute and text node", () => {
    expect(escapeXml(`<a href="x">&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;");
    expect(escapeXml("bell\u0007 ok")).toBe("bell ok");
    const doc = twiml({ verb: "Say", text: `Tom & Jerry's "<salon>"` });
    expect(doc).toBe(`<?xml version="1.0" encoding="UTF-8"?><Response><Say>Tom &amp; Jerry&apos;s &quot;&lt;salon&gt;&quot;</Say></Response>`);
  });

  it("connects the stream with the call id and token as parameters, then the fallback", () => {
    const doc = streamTwiml({ streamUrl: "wss://voice.example.com/media-stream", callId: `c"1<&`, token: "tok&en", origin: "https://book.example.com" });
    const read = readStreamTwiml(doc);
    expect(read?.url).toBe("wss://voice.example.com/media-stream");
    expect(read?.parameters).toEqual({ callId: `c"1<&`, token: "tok&en" });
    expect(doc).not.toMatch(/value="c"1/);
    expect(read?.fallback).toMatch(/^<Say>Sorry, we&apos;re having trouble/);
    expect(read?.fallback).toContain(`<Record action="https://book.example.com/api/twilio/recording?callId=c%221%3C%26&amp;kind=message"`);
    expect(read?.fallback).toMatch(/<Hangup\/>$/);
  });

  it("derives the Media Streams URL from VOICE_WORKER_PUBLIC_URL", () => {
    expect(mediaStreamUrl("wss://voice.example.com")).toBe("wss://voice.example.com/media-stream");
    expect(mediaStreamUrl("wss://voice.example.com/custom/path")).toBe("wss://voice.example.com/custom/path");
    expect(mediaStreamUrl(undefined)).toBe("ws://127.0.0.1:3001/media-stream");
  });
});
