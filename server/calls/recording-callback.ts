// POST /api/twilio/recording?callId=…&kind=message|call: Twilio reports a recording.
//  - kind=message: the <Record> of a message (the fallback TwiML, or the worker's "leave a message"
//    redirect) finished. Store it on the Call, notify the owner, and end the call politely.
//  - kind=call: the whole-call recording the owner turned on (settings.agent.recordCalls).
// The CallSid in the signed body must be the call's own, so a valid request for one call cannot
// write to another.
import { storeCallMessage } from "./store-call-message";
import { hangup, say, twiml, twimlResponse } from "./twiml";
import { readSignedTwilioForm, type TwilioWebhookContext } from "./twilio-webhook-request";

export async function handleRecordingCallback(ctx: TwilioWebhookContext, request: Request): Promise<Response> {
  const form = await readSignedTwilioForm(ctx, request);
  if (!form.ok) return form.response;
  const callId = form.url.searchParams.get("callId") ?? "";
  const kind = form.url.searchParams.get("kind") === "call" ? "call" : "message";
  const p = form.params;
  // Matched on both, inside the query: a valid request for one call finds no other.
  const call = callId && p.CallSid ? await ctx.db.call.findFirst({ where: { id: callId, twilioCallSid: p.CallSid }, select: { id: true } }) : null;
  if (!call) {
    ctx.log.warn({ callId, callSid: p.CallSid }, "recording callback for an unknown call");
    return twimlResponse(twiml(hangup()));
  }
  const recordingUrl = p.RecordingUrl || null;
  const duration = p.RecordingDuration && /^\d+$/.test(p.RecordingDuration) ? Number(p.RecordingDuration) : undefined;
  if (kind === "call") {
    if (recordingUrl) await ctx.db.call.updateMany({ where: { id: call.id, recordingUrl: null }, data: { recordingUrl } });
    return twimlResponse(twiml());
  }
  if (recordingUrl && duration !== 0) {
    await storeCallMessage(ctx.db, { callId: call.id, recordingUrl, text: p.TranscriptionText ?? null, durationSeconds: duration }, { now: ctx.now });
    ctx.log.info({ callId: call.id, duration }, "caller left a recorded message");
    return twimlResponse(twiml(say("Thank you. Your message has been saved, and we'll get back to you soon. Goodbye."), hangup()));
  }
  return twimlResponse(twiml(say("We didn't receive a message. Goodbye."), hangup()));
}
