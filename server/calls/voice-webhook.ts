// POST /api/twilio/voice: a call comes in. Authenticate it, find the business by the called
// number, create the Call, and answer with TwiML that connects the call to the voice worker's
// Media Streams socket. The call id and a one-time token travel as <Parameter>s (Twilio strips
// query strings from stream URLs). The TwiML after <Connect> runs only if the socket closes
// without the worker ending the call (the worker hangs up through Twilio's REST API when it is
// done), so it is the fallback: an apology and a recorded message.
import { createCallFromWebhook } from "./create-call-from-webhook";
import { hangup, say, twiml, twimlResponse } from "./twiml";
import { plain, readSignedTwilioForm, type TwilioWebhookContext } from "./twilio-webhook-request";

const CALL_SID = /^CA[0-9a-fA-F]{32}$/;

export const UNKNOWN_NUMBER_MESSAGE =
  "Sorry, the number you called is not connected to a business on this service. Please check the number and try again. Goodbye.";
export const TECHNICAL_TROUBLE_MESSAGE = "Sorry, we're having technical trouble right now. Please call again in a few minutes. Goodbye.";
export const FALLBACK_MESSAGE =
  "Sorry, we're having trouble with this call. Please leave your name, number and a short message after the tone, and we'll call you back. Press the pound key when you're done.";

export async function handleVoiceWebhook(ctx: TwilioWebhookContext, request: Request): Promise<Response> {
  const form = await readSignedTwilioForm(ctx, request);
  if (!form.ok) return form.response;
  const p = form.params;
  const callSid = p.CallSid ?? "";
  const to = p.To ?? p.Called ?? "";
  const from = p.From ?? p.Caller ?? "unknown";
  if (!CALL_SID.test(callSid) || !to) return plain(400, "CallSid and To are required");

  let result;
  try {
    result = await createCallFromWebhook(ctx.db, { callSid, from, to }, { now: ctx.now });
  } catch (error) {
    ctx.log.error({ err: error, callSid }, "voice webhook: could not create the call");
    return twimlResponse(twiml(say(TECHNICAL_TROUBLE_MESSAGE), hangup()));
  }
  if (result.kind === "unknown-number") {
    ctx.log.info({ callSid, to }, "voice webhook: call to a number no business owns");
    return twimlResponse(twiml(say(UNKNOWN_NUMBER_MESSAGE), hangup()));
  }
  ctx.log.info({ callSid, callId: result.callId, businessId: result.businessId }, "voice webhook: call connected to the worker");
  return twimlResponse(streamTwiml({ streamUrl: ctx.streamUrl, callId: result.callId, token: result.token, origin: form.url.origin }));
}

export function streamTwiml({ streamUrl, callId, token, origin }: { streamUrl: string; callId: string; token: string; origin: string }): string {
  const recordingAction = `${origin}/api/twilio/recording?callId=${encodeURIComponent(callId)}&kind=message`;
  return twiml(
    {
      verb: "Connect",
      children: [
        {
          verb: "Stream",
          attributes: { url: streamUrl },
          children: [
            { verb: "Parameter", attributes: { name: "callId", value: callId } },
            { verb: "Parameter", attributes: { name: "token", value: token } },
          ],
        },
      ],
    },
    say(FALLBACK_MESSAGE),
    { verb: "Record", attributes: { action: recordingAction, method: "POST", maxLength: 120, timeout: 5, playBeep: true, finishOnKey: "#" } },
    say("We didn't receive a message. Goodbye."),
    hangup(),
  );
}

/** VOICE_WORKER_PUBLIC_URL as given, with /media-stream added when it names only the host. */
export function mediaStreamUrl(configured: string | undefined): string {
  const base = configured?.trim() || "ws://127.0.0.1:3001";
  const url = new URL(base);
  if (url.pathname === "/" || url.pathname === "") url.pathname = "/media-stream";
  return url.toString();
}
