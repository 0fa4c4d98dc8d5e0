// POST /api/twilio/sms: Twilio's "a message comes in" webhook. Authenticate it (403 before anything
// is read or written), check the form, find the business by the number that was texted (the same
// PhoneNumber lookup as a call), let answer-inbound-sms.ts decide, and answer with TwiML: one
// <Message> with the reply, or an empty <Response/> when we say nothing (STOP, an opted-out phone).
import type { Db } from "../db";
import type { Logger } from "../logger";
import type { AgentEngine } from "../agent/types";
import { E164 } from "../businesses/contact-fields";
import { ApiProblem, fieldError, problemResponse, toProblem } from "../api/v1/problems";
import { twiml, twimlResponse, type TwimlNode } from "../calls/twiml";
import { readSignedTwilioForm, type TwilioWebhookContext } from "../calls/twilio-webhook-request";
import { answerInboundSms } from "./answer-inbound-sms";
import { SMS_TROUBLE, UNKNOWN_NUMBER_SMS } from "./sms-replies";

export interface SmsWebhookContext extends Pick<TwilioWebhookContext, "authToken" | "publicUrl" | "now"> {
  db: Db;
  log: Logger;
  /** The process's engine, from selectAgentEngine (server/agent/engines/select-engine.ts). */
  engine: AgentEngine;
  /** How long a text waits for the answer to an earlier one from the same phone (default 10 s). */
  lockWaitMs?: number;
}

const MESSAGE_SID = /^(SM|MM)[0-9a-fA-F]{32}$/;
const REQUIRED = ["MessageSid", "From", "To", "Body"] as const;

export const SMS_BUSY = "Sorry, we're still answering your previous text. Please send this one again in a minute.";

export async function handleSmsWebhook(ctx: SmsWebhookContext, request: Request): Promise<Response> {
  const form = await readSignedTwilioForm(ctx, request);
  if (!form.ok) return form.response;
  const p = form.params;
  // Body may be empty (a picture with no words); the others must carry something.
  const missing = REQUIRED.filter((k) => p[k] === undefined || (k !== "Body" && p[k]!.trim() === ""));
  if (missing.length > 0) {
    return badRequest(form.url.pathname, missing.map((field) => [field, `${field} is required; Twilio sends it with every incoming message.`]));
  }
  const messageSid = p.MessageSid!.trim();
  if (!MESSAGE_SID.test(messageSid)) return badRequest(form.url.pathname, [["MessageSid", "MessageSid must be SM or MM followed by 32 hex characters."]]);
  const from = p.From!.trim();
  const to = p.To!.trim();
  const log = ctx.log.child({ messageSid });

  const number = await ctx.db.phoneNumber.findUnique({
    where: { e164: to },
    select: { businessId: true, business: { select: { name: true, contactPhone: true } } },
  });
  if (!number) {
    log.info({ to }, "sms webhook: text to a number no business owns");
    return reply(UNKNOWN_NUMBER_SMS);
  }
  if (!E164.test(from)) {
    // Short codes and alphanumeric senders are machines: answering them invites a reply loop.
    log.info({ businessId: number.businessId }, "sms webhook: text from a sender that is not a phone number; not answered");
    return reply(null);
  }
  try {
    const answer = await answerInboundSms(
      ctx.db,
      {
        businessId: number.businessId,
        business: { name: number.business.name, phone: number.business.contactPhone ?? to },
        messageSid,
        from,
        body: p.Body!,
      },
      { now: ctx.now, engine: ctx.engine, log, ...(ctx.lockWaitMs !== undefined ? { lockWaitMs: ctx.lockWaitMs } : {}) },
    );
    if (answer.kind === "busy") {
      log.warn({ businessId: number.businessId }, "sms webhook: an earlier text from this phone is still being answered");
      return reply(SMS_BUSY);
    }
    log.info({ businessId: number.businessId, handling: answer.handling, repeated: answer.repeated }, "sms webhook: answered");
    return reply(answer.reply);
  } catch (error) {
    // Nothing was recorded for this MessageSid, so a retry from Twilio is answered afresh.
    log.error({ err: error, businessId: number.businessId }, "sms webhook: could not answer the text");
    return reply(SMS_TROUBLE);
  }
}

/** TwiML with one <Message>, or an empty <Response/> (Twilio then sends nothing back). */
export function smsTwimlResponse(text: string | null): Response {
  const verbs: TwimlNode[] = text ? [{ verb: "Message", text }] : [];
  return twimlResponse(twiml(...verbs));
}

const reply = smsTwimlResponse;

function badRequest(instance: string, problems: Array<[field: string, detail: string]>): Response {
  const errors = problems.map(([field, detail]) => fieldError(field, "body", detail));
  return problemResponse(toProblem(new ApiProblem("invalid-request", errors.map((e) => e.detail).join(" "), { errors }), { instance }));
}
