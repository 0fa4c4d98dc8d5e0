/**
 * The built-in engine's memory between turns: which flow is running, which question is open, and
 * the slots filled so far. Plain data (the session clones it to roll back an aborted turn). Slot
 * ids and appointment ids in here always come from tool results, never from the caller's words.
 */
import type { PartOfDay } from "../understanding/resolve-hour";

export type Flow = "booking" | "reschedule" | "cancel";

export type Awaiting =
  | "service" | "service_choice" | "when" | "date_choice" | "slot_choice" | "name" | "confirm_booking" | "waitlist_offer"
  | "which_appointment" | "confirm_reschedule" | "confirm_cancel"
  | "message" | "offer_message" | "offer_booking" | "offer_transfer" | "anything_else";

export interface WhenSpec {
  date?: string;
  /** "HH:MM", local. */
  time?: string;
  after?: string;
  before?: string;
  partOfDay?: PartOfDay;
  earliest?: boolean;
  range?: { fromDate: string; toDate: string };
  /** Two readings of the day to ask about ("next Friday"). */
  dateOptions?: string[];
}

/** A slot as check_availability returned it. */
export interface Offer {
  slotId: string;
  date: string;
  time: string;
  staff: Array<{ id: string; name: string }>;
}

export interface DialogueState {
  flow: Flow | null;
  awaiting: Awaiting | null;
  /** The last question asked, to ask again after answering a side question. */
  lastQuestion?: string;
  serviceId?: string;
  serviceOptions?: string[];
  staffId?: string;
  when: WhenSpec;
  offers: Offer[];
  chosen?: Offer;
  /** A full day the caller may join the waitlist for. */
  waitlistDate?: string;
  /** What to do once the name is known. */
  afterName?: "confirm_booking" | "join_waitlist";
  /** The appointment being moved or cancelled (id from find_my_appointments). */
  targetId?: string;
  targetOptions?: string[];
  /** The caller's name given in this conversation. */
  callerName?: string;
  /** The appointment this conversation booked last, for "actually, cancel that". */
  lastBookedId?: string;
  misunderstandings: number;
}

export function newDialogue(): DialogueState {
  return { flow: null, awaiting: null, when: {}, offers: [], misunderstandings: 0 };
}

/** Forget the flow's slots, keep who the caller is and what was booked. */
export function resetFlow(d: DialogueState, flow: Flow | null): void {
  const { callerName, lastBookedId, misunderstandings } = d;
  Object.assign(d, newDialogue(), { flow, callerName, lastBookedId, misunderstandings });
  for (const key of Object.keys(d) as Array<keyof DialogueState>) if (d[key] === undefined) delete d[key];
}
