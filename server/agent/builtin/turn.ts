/**
 * What every flow of the built-in engine works with during one turn: the context, the dialogue
 * memory, the reading of the utterance, the wording, typed access to the tools, and `say`/`ask`
 * to build the reply (`ask` remembers the question, so it can be asked again after a side
 * question such as "is there parking?").
 */
import type { z } from "zod";
import type { AgentContext } from "../context/agent-context";
import type { BookAppointmentResult, CancelAppointmentResult, FindMyAppointmentsResult, RescheduleAppointmentResult } from "../tools/appointment-tools";
import type { checkAvailabilityInput, CheckAvailabilityResult } from "../tools/check-availability";
import type { BusinessInfoResult } from "../tools/conversation-tools";
import type { JoinWaitlistResult } from "../tools/waitlist-tool";
import type { AgentChannel, ToolBox, ToolFailure } from "../types";
import type { Language } from "../understanding/detect-language";
import type { DialogueState } from "./dialogue-state";
import type { Reading } from "./read-utterance";
import type { Replies } from "./replies";

export interface Turn {
  ctx: AgentContext;
  d: DialogueState;
  r: Reading;
  lang: Language;
  replies: Replies;
  tools: BuiltinTools;
  channel: AgentChannel;
  now: Date;
  /** The caller heard all of the previous reply (no barge-in cut it short). */
  heardLastReply: boolean;
  say(sentence: string): void;
  ask(question: string): void;
}

type Result<T> = Promise<T | ToolFailure>;

export interface BuiltinTools {
  checkAvailability(args: z.input<typeof checkAvailabilityInput>): Result<CheckAvailabilityResult>;
  bookAppointment(args: { slotId: string; customerName?: string }): Result<BookAppointmentResult>;
  findMyAppointments(): Result<FindMyAppointmentsResult>;
  rescheduleAppointment(args: { appointmentId: string; slotId: string }): Result<RescheduleAppointmentResult>;
  cancelAppointment(args: { appointmentId: string; reason?: string }): Result<CancelAppointmentResult>;
  joinWaitlist(args: { service: string; staff?: string; date: string; customerName?: string }): Result<JoinWaitlistResult>;
  businessInfo(args: { topic: "hours" | "address" | "contact" | "prices" | "faq" | "all"; question?: string; service?: string }): Result<BusinessInfoResult>;
  transferToHuman(args: { reason: string }): Result<{ ok: true; to: string }>;
  takeMessage(args: { message: string; callerName?: string }): Result<{ ok: true }>;
  endConversation(args: { reason?: string }): Result<{ ok: true }>;
}

export function builtinTools(box: ToolBox): BuiltinTools {
  const call = <T>(name: string, args: unknown) => box.call(name, args) as Promise<T | ToolFailure>;
  return {
    checkAvailability: (args) => call("check_availability", args),
    bookAppointment: (args) => call("book_appointment", args),
    findMyAppointments: () => call("find_my_appointments", {}),
    rescheduleAppointment: (args) => call("reschedule_appointment", args),
    cancelAppointment: (args) => call("cancel_appointment", args),
    joinWaitlist: (args) => call("join_waitlist", args),
    businessInfo: (args) => call("business_info", args),
    transferToHuman: (args) => call("transfer_to_human", args),
    takeMessage: (args) => call("take_message", args),
    endConversation: (args) => call("end_conversation", args),
  };
}

/** The caller's name as far as this conversation knows it. */
export function knownName(t: Turn): string | undefined {
  return t.d.callerName ?? t.ctx.caller.name ?? undefined;
}

export function serviceById(t: Turn, id: string | undefined) {
  return id ? t.ctx.services.find((s) => s.id === id) : undefined;
}
