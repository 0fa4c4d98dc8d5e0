// POST /api/twilio/status: Twilio's call status callback (configure it on the number as "Call
// status changes"). Updates the Call matched by CallSid.
import { twiml, twimlResponse } from "./twiml";
import { readSignedTwilioForm, type TwilioWebhookContext } from "./twilio-webhook-request";
import { updateCallStatus } from "./update-call-status";

export async function handleStatusCallback(ctx: TwilioWebhookContext, request: Request): Promise<Response> {
  const form = await readSignedTwilioForm(ctx, request);
  if (!form.ok) return form.response;
  const { CallSid: callSid, CallStatus: status, CallDuration: duration } = form.params;
  if (callSid && status) {
    const seconds = duration !== undefined && /^\d+$/.test(duration) ? Number(duration) : undefined;
    const { updated } = await updateCallStatus(ctx.db, { callSid, twilioStatus: status, durationSeconds: seconds }, { now: ctx.now });
    ctx.log.info({ callSid, status, updated }, "twilio status callback");
  }
  return twimlResponse(twiml());
}
