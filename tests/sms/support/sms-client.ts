// Plays Twilio for the SMS webhook: builds "a message comes in" requests signed the way Twilio signs
// them (the twilio package's own getExpectedTwilioSignature over the URL and the form), and reads
// the <Message> back out of the TwiML answer.
import { getExpectedTwilioSignature } from "twilio/lib/webhooks/webhooks";
import pino from "pino";

export const TOKEN = "test-auth-token-0123456789";
export const SMS_URL = "http://127.0.0.1:3000/api/twilio/sms";
export const DEMO_NUMBER = "+15555550100";
export const quietLog = pino({ level: process.env.SMS_TEST_LOG ?? "silent" });

let sidCounter = 0;
export const messageSid = () => `SM${(++sidCounter).toString(16).padStart(32, "0")}`;

export function smsParams(from: string, body: string, overrides: Record<string, string> = {}): Record<string, string> {
  return {
    MessageSid: messageSid(),
    SmsSid: "",
    AccountSid: `AC${"0".repeat(32)}`,
    From: from,
    To: DEMO_NUMBER,
    Body: body,
    NumMedia: "0",
    ...overrides,
  };
}

export function signedRequest(params: Record<string, string>, options: { token?: string; url?: string } = {}): Request {
  const url = options.url ?? SMS_URL;
  const signature = getExpectedTwilioSignature(options.token ?? TOKEN, url, params);
  return new Request(url, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", "x-twilio-signature": signature, host: new URL(url).host },
    body: new URLSearchParams(params).toString(),
  });
}

export function unsignedRequest(params: Record<string, string>): Request {
  return new Request(SMS_URL, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", host: new URL(SMS_URL).host },
    body: new URLSearchParams(params).toString(),
  });
}

/** The text of the answer's <Message>, null for an empty <Response/>; throws on anything else. */
export function readSmsReply(xml: string): string | null {
  const body = xml.replace(/^<\?xml[^>]*\?>/, "");
  if (/^<Response\s*\/>$|^<Response><\/Response>$/.test(body)) return null;
  const match = /^<Response><Message>([\s\S]*)<\/Message><\/Response>$/.exec(body);
  if (!match) throw new Error(`not a one-message TwiML answer: ${xml}`);
  return match[1]!
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}
