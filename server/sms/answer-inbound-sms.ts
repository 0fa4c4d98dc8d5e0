// One text received from a phone, for a business already identified by the number it was sent to:
// decide what to answer and record it. Under the conversation's lease, in this order:
//  1. A MessageSid already answered (Twilio retried the webhook) gets the stored answer; the agent
//     does not run again.
//  2. Twilio's keywords: STOP and synonyms record the opt-out and answer nothing (Twilio itself
//     confirms the opt-out to the texter on standard numbers, and blocks anything we send after);
//     HELP/INFO answer with the business's name and phone, even to an opted-out phone (carriers
//     expect HELP always to be answered); START and synonyms from an opted-out phone record the
//     opt-in and confirm it.
//  3. An opted-out phone gets no answer to anything else.
//  4. Otherwise the agent answers, resuming the saved conversation unless it expired. That includes
//     START/YES/UNSTOP from a phone that never opted out: "yes" is how a texter confirms a booking,
//     and there is nothing to opt back in to.
// The answer, the InboundSms row and the saved snapshot are written in one transaction.
import { Prisma } from "../generated/prisma/client";
import type { Db } from "../db";
import type { Logger } from "../logger";
import { createAgentSession, type SessionSnapshot } from "../agent/session/agent-session";
import type { AgentEngine } from "../agent/types";
import { lockSmsConversation, SMS_CONVERSATION_IDLE_MS, unlockSmsConversation, type LockedSmsConversation } from "./lock-sms-conversation";
import { isSmsOptedOut, recordSmsOptIn, recordSmsOptOut } from "./record-sms-consent";
import { readSmsKeyword } from "./sms-keywords";
import { BLANK_SMS, cutToSmsLength, smsHelpReply, smsOptInReply } from "./sms-replies";

export type SmsHandling = "agent" | "opt_out" | "opt_in" | "help" | "opted_out" | "blank";

export interface InboundSmsInput {
  businessId: string;
  business: { name: string; phone: string | null };
  messageSid: string;
  /** The texter's E.164 number. */
  from: string;
  /** As Twilio sent it; cut to SMS_MAX_CHARS here. */
  body: string;
}

export type SmsAnswer =
  | { kind: "answered"; reply: string | null; handling: SmsHandling; repeated: boolean }
  /** Another text from this phone was still being answered after the wait: nothing recorded. */
  | { kind: "busy" };

export interface AnswerOptions {
  now: Date;
  engine: AgentEngine;
  log?: Logger;
  lockWaitMs?: number;
}

type Decision = { handling: SmsHandling; reply: string | null; snapshot: SessionSnapshot | null; fresh: boolean; consent?: "out" | "in" };

export async function answerInboundSms(db: Db, input: InboundSmsInput, options: AnswerOptions): Promise<SmsAnswer> {
  const { businessId, from } = input;
  const lock = await lockSmsConversation(db, { businessId, phone: from }, { now: options.now, waitMs: options.lockWaitMs });
  if (!lock) return { kind: "busy" };
  let saved = false;
  try {
    const stored = await storedAnswer(db, input);
    if (stored) return stored;
    const body = cutToSmsLength(input.body);
    const decision = await decide(db, input, body, lock, options);
    const answer = await save(db, input, body, lock, decision, options.now);
    saved = true;
    return answer;
  } finally {
    // save() releases the lease in its own transaction; any other way out releases it here.
    if (!saved) await unlockSmsConversation(db, lock);
  }
}

async function storedAnswer(db: Db, input: InboundSmsInput): Promise<SmsAnswer | null> {
  const row = await db.inboundSms.findFirst({ where: { messageSid: input.messageSid, businessId: input.businessId }, select: { reply: true, handling: true } });
  return row ? { kind: "answered", reply: row.reply, handling: row.handling as SmsHandling, repeated: true } : null;
}

async function decide(db: Db, input: InboundSmsInput, body: string, lock: LockedSmsConversation, options: AnswerOptions): Promise<Decision> {
  const { businessId, from } = input;
  const saved = lock.expired ? null : readSnapshot(lock.snapshot, from);
  const keep = { snapshot: saved, fresh: saved === null };
  const keyword = readSmsKeyword(body);
  // Stopping ends the conversation too: after START the texter begins a new one.
  if (keyword === "opt_out") return { handling: "opt_out", reply: null, snapshot: null, fresh: true, consent: "out" };
  if (keyword === "help") return { handling: "help", reply: smsHelpReply(input.business), ...keep };
  if (await isSmsOptedOut(db, { businessId, phone: from })) {
    if (keyword === "opt_in") return { handling: "opt_in", reply: smsOptInReply(input.business), ...keep, consent: "in" };
    return { handling: "opted_out", reply: null, ...keep };
  }
  if (body.trim() === "") return { handling: "blank", reply: BLANK_SMS, ...keep };

  const session = createAgentSession({
    db,
    businessId,
    callerPhone: from,
    channel: "sms",
    now: () => options.now,
    engine: options.engine,
    ...(saved ? { resume: saved } : {}),
    ...(options.log ? { log: options.log } : {}),
  });
  const turn = await session.respond(body);
  return { handling: "agent", reply: cutToSmsLength(turn.text), snapshot: session.snapshot(), fresh: saved === null };
}

async function save(db: Db, input: InboundSmsInput, body: string, lock: LockedSmsConversation, decision: Decision, now: Date): Promise<SmsAnswer> {
  const { businessId, from } = input;
  await db.$transaction(async (tx) => {
    if (decision.consent === "out") await recordSmsOptOut(tx, { businessId, phone: from });
    if (decision.consent === "in") await recordSmsOptIn(tx, { businessId, phone: from });
    await tx.inboundSms.create({
      data: { businessId, messageSid: input.messageSid, fromNumber: from, body, handling: decision.handling, reply: decision.reply, receivedAt: now },
      select: { id: true },
    });
    // Only while the lease is still ours: a turn that outlived it must not overwrite the snapshot
    // its successor saved.
    await tx.smsConversation.updateMany({
      where: { id: lock.id, lockToken: lock.token },
      data: {
        snapshot: decision.snapshot ? (decision.snapshot as unknown as Prisma.InputJsonValue) : Prisma.DbNull,
        ...(decision.fresh ? { startedAt: now } : {}),
        lastMessageAt: now,
        expiresAt: new Date(now.getTime() + SMS_CONVERSATION_IDLE_MS),
        lockToken: null,
        lockedUntil: null,
      },
    });
  });
  return { kind: "answered", reply: decision.reply, handling: decision.handling, repeated: false };
}

/** The saved session if it is one this phone's SMS thread can resume; anything else starts afresh. */
function readSnapshot(json: unknown, phone: string): SessionSnapshot | null {
  const s = json as Partial<SessionSnapshot> | null;
  if (!s || typeof s !== "object" || s.version !== 1 || !s.state) return null;
  return s.state.callerPhone === phone && s.state.channel === "sms" ? (s as SessionSnapshot) : null;
}
