// The keypad (DTMF) receptionist: the whole conversation when no speech-to-text is configured,
// and the fallback when speech-to-text or the agent fails mid-call. Everything goes through the
// same domain commands every channel uses (server/scheduling), as a caller (their policy applies).
//
// Main menu: 1 book (service menu when there are several, then the next available times; choose,
// hear it read back, confirm), 2 the caller's next appointment (recognised by caller ID: hear it,
// cancel it or move it, each confirmed first), 0 a person (transfer, or a message outside transfer
// hours), 3 — or any other key — leave a message. Star goes back to the main menu everywhere.
// With speech-to-text but no agent it also understands a few spoken words ("one", "book", "yes").
import { findCallerUpcomingAppointment } from "../../../server/calls/find-caller-appointment";
import type { Db } from "../../../server/db";
import { AppError } from "../../../server/errors";
import type { Logger } from "../../../server/logger";
import { bookAppointment } from "../../../server/scheduling/book-appointment";
import { cancelAppointment } from "../../../server/scheduling/cancel-appointment";
import { findAvailableSlots } from "../../../server/scheduling/find-available-slots";
import { listStaffAndServices } from "../../../server/scheduling/list-staff-and-services";
import { rescheduleAppointment } from "../../../server/scheduling/reschedule-appointment";
import type { ConversationFactory } from "../call/session-services";
import type { CallConversation, ConversationCall, Reply, ReplyEvent, TurnOptions } from "../conversation";
import { digitFromSpeech } from "./spoken-digits";
import { spokenDateTime } from "./spoken-time";

const DAY_MS = 86_400_000;
const OFFERS = 3;
/** Offered times are at least this far apart, so three offers are three real choices. */
const OFFER_SPACING_MS = 90 * 60_000;
const E164 = /^\+[1-9]\d{6,14}$/;

interface Service {
  id: string;
  name: string;
}
interface Appointment {
  id: string;
  startsAt: Date;
  serviceId: string;
  serviceName: string;
  staffName: string;
}
interface TimesState {
  kind: "times";
  purpose: "book" | "reschedule";
  service: Service;
  offers: Date[];
  appointment?: Appointment;
}
type State =
  | { kind: "main" }
  | { kind: "service"; services: Service[] }
  | TimesState
  | { kind: "confirm-book"; times: TimesState; startsAt: Date }
  | { kind: "manage"; appointment: Appointment }
  | { kind: "confirm-cancel"; appointment: Appointment }
  | { kind: "confirm-reschedule"; times: TimesState; startsAt: Date }
  | { kind: "after" };

export interface KeypadDeps {
  db: Db;
  now: () => Date;
  log: Logger;
}

/**
 * The keypad menu for calls with speech input too (spoken "one", "yes" work): what a worker or a
 * test chooses instead of the agent. Calls without speech-to-text get the menu regardless.
 */
export const keypadConversationFactory: ConversationFactory = (call, deps) => new KeypadConversation(call, deps);

export class KeypadConversation implements CallConversation {
  private state: State = { kind: "main" };
  private services: Service[] = [];
  private nudged = false;

  constructor(
    private readonly call: ConversationCall,
    private readonly deps: KeypadDeps,
  ) {}

  async start(): Promise<string> {
    await this.loadServices();
    return `Thanks for calling ${this.call.businessName}. ${this.prompt()}`;
  }

  /** Entering keypad mode in the middle of a call (speech-to-text or the agent failed). */
  async takeOver(): Promise<string> {
    await this.loadServices();
    this.state = { kind: "main" };
    return `Let's use your phone's keypad instead. ${this.prompt()}`;
  }

  onDigit(digit: string, options: TurnOptions): Reply {
    this.nudged = false;
    return this.handle(digit, options);
  }

  onCallerTurn(text: string, options: TurnOptions): Reply {
    const expectsYesNo = this.state.kind.startsWith("confirm");
    const digit = digitFromSpeech(text, { menu: this.state.kind === "main", yesNo: expectsYesNo });
    if (digit) return this.onDigit(digit, options);
    return this.notUnderstood(text);
  }

  notePlayed(): void {
    // The menu has no memory of what was said; nothing to trim.
  }

  reprompt(): string {
    return `Are you still there? ${this.prompt()}`;
  }

  /** The current menu, as spoken. */
  prompt(): string {
    const s = this.state;
    switch (s.kind) {
      case "main":
        return "To book an appointment, press 1. To hear, move or cancel your next appointment, press 2. To speak with someone, press 0. To leave a message, press 3.";
      case "service":
        return `Which service would you like? ${s.services.map((svc, i) => `For ${svc.name}, press ${i + 1}.`).join(" ")} To go back, press star.`;
      case "times":
        return this.timesPrompt(s);
      case "confirm-book":
        return `You chose ${s.times.service.name} ${this.when(s.startsAt)}. To book it, press 1. To choose another time, press 2.`;
      case "manage":
        return `Your next appointment is ${s.appointment.serviceName} with ${s.appointment.staffName} ${this.when(s.appointment.startsAt)}. To cancel it, press 1. To move it to another time, press 2. For the main menu, press star.`;
      case "confirm-cancel":
        return `To cancel your ${s.appointment.serviceName} ${this.when(s.appointment.startsAt)}, press 1. To keep it, press 2.`;
      case "confirm-reschedule":
        return `To move your ${s.times.service.name} from ${this.when(s.times.appointment!.startsAt)} to ${this.when(s.startsAt)}, press 1. To choose another time, press 2.`;
      case "after":
        return "For the main menu, press 9. Otherwise, you can hang up. Thank you for calling.";
    }
  }

  private async *handle(digit: string, options: TurnOptions): AsyncGenerator<ReplyEvent> {
    const s = this.state;
    if (digit === "*" && s.kind !== "main") {
      this.state = { kind: "main" };
      yield* this.say(this.prompt());
      return;
    }
    switch (s.kind) {
      case "main":
        yield* this.mainMenu(digit, options);
        return;
      case "service": {
        const service = s.services[Number(digit) - 1];
        if (!service || !/^[1-9]$/.test(digit)) return yield* this.invalid();
        yield* this.offerTimes({ purpose: "book", service }, new Date(0), options);
        return;
      }
      case "times":
        yield* this.chooseTime(s, digit, options);
        return;
      case "confirm-book":
        if (digit === "1") return yield* this.book(s, options);
        if (digit === "2") return yield* this.offerTimes(s.times, new Date(0), options);
        return yield* this.invalid();
      case "manage":
        if (digit === "1") {
          this.state = { kind: "confirm-cancel", appointment: s.appointment };
          return yield* this.say(this.prompt());
        }
        if (digit === "2") {
          const service = { id: s.appointment.serviceId, name: s.appointment.serviceName };
          return yield* this.offerTimes({ purpose: "reschedule", service, appointment: s.appointment }, new Date(0), options);
        }
        return yield* this.invalid();
      case "confirm-cancel":
        if (digit === "1") return yield* this.cancel(s.appointment, options);
        if (digit === "2") {
          this.state = { kind: "after" };
          return yield* this.say(`Okay, your appointment stays as it is. ${this.prompt()}`);
        }
        return yield* this.invalid();
      case "confirm-reschedule":
        if (digit === "1") return yield* this.reschedule(s, options);
        if (digit === "2") return yield* this.offerTimes(s.times, new Date(0), options);
        return yield* this.invalid();
      case "after":
        if (digit === "9") {
          this.state = { kind: "main" };
          return yield* this.say(this.prompt());
        }
        return yield* this.invalid();
    }
  }

  private async *mainMenu(digit: string, options: TurnOptions): AsyncGenerator<ReplyEvent> {
    if (digit === "1") {
      if (!E164.test(this.call.callerNumber)) {
        yield* this.say("I can't see the number you're calling from, so I can't book by phone. Please leave a message and we'll call you back.");
        yield { type: "done", action: { kind: "take-message" } };
        return;
      }
      if (this.services.length === 0) {
        yield* this.say("Sorry, no services can be booked by phone right now. Please leave a message and we'll call you back.");
        yield { type: "done", action: { kind: "take-message" } };
        return;
      }
      if (this.services.length === 1) return yield* this.offerTimes({ purpose: "book", service: this.services[0]! }, new Date(0), options);
      this.state = { kind: "service", services: this.services.slice(0, 9) };
      return yield* this.say(this.prompt());
    }
    if (digit === "2") return yield* this.manage(options);
    if (digit === "0") {
      yield { type: "done", action: { kind: "transfer", reason: "caller pressed 0" } };
      return;
    }
    // 3, and any other key: a message.
    yield { type: "done", action: { kind: "take-message" } };
  }

  private async *offerTimes(
    target: { purpose: "book" | "reschedule"; service: Service; appointment?: Appointment },
    after: Date,
    options: TurnOptions,
    lead = "",
  ): AsyncGenerator<ReplyEvent> {
    yield { type: "tool-start", name: "find_available_slots" };
    const offers = await this.findOffers(target.service, after, target.appointment?.startsAt);
    if (options.signal.aborted) return;
    if (offers.length === 0) {
      this.state = { kind: "main" };
      const none = after.getTime() > 0 ? "There are no later times available." : `Sorry, there are no times available for ${target.service.name} in the next two months.`;
      yield* this.say(`${lead}${none} ${this.prompt()}`);
      return;
    }
    this.state = { kind: "times", ...target, offers };
    yield { type: "outcome", outcome: "information" };
    yield* this.say(`${lead}${this.prompt()}`);
  }

  private timesPrompt(s: TimesState): string {
    const intro = `The next available times for ${s.service.name} are:`;
    const choices = s.offers.map((t, i) => `For ${this.when(t)}, press ${i + 1}.`).join(" ");
    return `${intro} ${choices} To hear later times, press ${OFFERS + 1}. To go back, press star.`;
  }

  private async *chooseTime(s: TimesState, digit: string, options: TurnOptions): AsyncGenerator<ReplyEvent> {
    if (digit === String(OFFERS + 1)) {
      const last = s.offers[s.offers.length - 1]!;
      return yield* this.offerTimes(s, new Date(last.getTime() + 60_000), options);
    }
    const startsAt = /^[1-9]$/.test(digit) ? s.offers[Number(digit) - 1] : undefined;
    if (!startsAt) return yield* this.invalid();
    this.state = s.purpose === "book" ? { kind: "confirm-book", times: s, startsAt } : { kind: "confirm-reschedule", times: s, startsAt };
    yield* this.say(this.prompt());
  }

  private async *book(s: { times: TimesState; startsAt: Date }, options: TurnOptions): AsyncGenerator<ReplyEvent> {
    yield { type: "tool-start", name: "book_appointment" };
    // Not abortable once sent: the booking commits whole or not at all, even if the caller hangs up.
    try {
      const appointment = await bookAppointment(
        this.deps.db,
        {
          businessId: this.call.businessId,
          serviceId: s.times.service.id,
          startsAt: s.startsAt,
          staffId: null,
          customer: { phone: this.call.callerNumber },
          idempotencyKey: `call:${this.call.callId}:${s.startsAt.getTime()}`,
        },
        { actor: this.actor(), now: this.deps.now() },
      );
      this.state = { kind: "after" };
      yield { type: "outcome", outcome: "booked", detail: appointment.id };
      yield* this.say(
        `You're booked: ${appointment.service.name} with ${appointment.staff.name} ${this.when(appointment.startsAt)}. We look forward to seeing you. ${this.prompt()}`,
      );
    } catch (error) {
      if (options.signal.aborted) return;
      yield* this.afterSchedulingError(error, s.times, options);
    }
  }

  private async *manage(options: TurnOptions): AsyncGenerator<ReplyEvent> {
    if (!E164.test(this.call.callerNumber)) {
      this.state = { kind: "main" };
      return yield* this.say(`I can't see the number you're calling from, so I can't look up your appointment. ${this.prompt()}`);
    }
    yield { type: "tool-start", name: "find_appointment" };
    const found = await findCallerUpcomingAppointment(this.deps.db, { businessId: this.call.businessId, phone: this.call.callerNumber }, { now: this.deps.now() });
    if (options.signal.aborted) return;
    if (!found) {
      this.state = { kind: "main" };
      return yield* this.say(`I couldn't find an upcoming appointment for the number you're calling from. ${this.prompt()}`);
    }
    this.state = {
      kind: "manage",
      appointment: { id: found.id, startsAt: found.startsAt, serviceId: found.service.id, serviceName: found.service.name, staffName: found.staff.name },
    };
    yield { type: "outcome", outcome: "information" };
    yield* this.say(this.prompt());
  }

  private async *cancel(appointment: Appointment, options: TurnOptions): AsyncGenerator<ReplyEvent> {
    yield { type: "tool-start", name: "cancel_appointment" };
    try {
      await cancelAppointment(this.deps.db, { businessId: this.call.businessId, appointmentId: appointment.id, reason: "Cancelled by the caller on the phone keypad" }, { actor: this.actor(), now: this.deps.now() });
      this.state = { kind: "after" };
      yield { type: "outcome", outcome: "cancelled", detail: appointment.id };
      yield* this.say(`Your ${appointment.serviceName} ${this.when(appointment.startsAt)} is cancelled. ${this.prompt()}`);
    } catch (error) {
      if (options.signal.aborted) return;
      yield* this.policyOrThrow(error);
    }
  }

  private async *reschedule(s: { times: TimesState; startsAt: Date }, options: TurnOptions): AsyncGenerator<ReplyEvent> {
    const appointment = s.times.appointment!;
    yield { type: "tool-start", name: "reschedule_appointment" };
    try {
      const moved = await rescheduleAppointment(
        this.deps.db,
        { businessId: this.call.businessId, appointmentId: appointment.id, startsAt: s.startsAt, staffId: null },
        { actor: this.actor(), now: this.deps.now() },
      );
      this.state = { kind: "after" };
      yield { type: "outcome", outcome: "rescheduled", detail: moved.id };
      yield* this.say(`Done. Your ${moved.service.name} with ${moved.staff.name} is now ${this.when(moved.startsAt)}. ${this.prompt()}`);
    } catch (error) {
      if (options.signal.aborted) return;
      if (error instanceof AppError && error.code === "FORBIDDEN") return yield* this.policyOrThrow(error);
      yield* this.afterSchedulingError(error, s.times, options);
    }
  }

  /** A booking or move that failed: say why in plain words and offer fresh times. */
  private async *afterSchedulingError(error: unknown, times: TimesState, options: TurnOptions): AsyncGenerator<ReplyEvent> {
    if (!(error instanceof AppError)) throw error;
    this.deps.log.info({ code: error.code }, "keypad: scheduling command refused");
    const lead = error.code === "SLOT_TAKEN" ? "Sorry, that time was just taken. " : `Sorry, I couldn't do that. ${error.message} `;
    yield* this.offerTimes(times, new Date(0), options, lead);
  }

  /** The caller policy (cancellation window, callers may not cancel): say it, offer a person. */
  private async *policyOrThrow(error: unknown): AsyncGenerator<ReplyEvent> {
    if (!(error instanceof AppError)) throw error;
    this.state = { kind: "main" };
    yield* this.say(`Sorry, I can't do that. ${error.message} To speak with someone, press 0. For the other options, press star.`);
  }

  private async *invalid(): AsyncGenerator<ReplyEvent> {
    yield* this.say(`Sorry, that's not one of the choices. ${this.prompt()}`);
  }

  private async *notUnderstood(text: string): AsyncGenerator<ReplyEvent> {
    // Without speech-to-text every utterance arrives empty; say this once per menu, not per cough.
    if (!text && this.nudged) {
      yield { type: "done" };
      return;
    }
    this.nudged = true;
    const lead = this.call.speechInput ? "Sorry, I didn't catch that." : "Sorry, I can only understand your phone's keypad right now.";
    yield* this.say(`${lead} ${this.prompt()}`);
  }

  private async *say(text: string): AsyncGenerator<ReplyEvent> {
    yield { type: "text", delta: text };
    yield { type: "done" };
  }

  private async loadServices(): Promise<void> {
    if (this.services.length > 0) return;
    const catalogue = await listStaffAndServices(this.deps.db, { businessId: this.call.businessId });
    this.services = catalogue.services.filter((s) => s.staffIds.length > 0).map((s) => ({ id: s.id, name: s.name }));
  }

  private async findOffers(service: Service, after: Date, exclude?: Date): Promise<Date[]> {
    const now = this.deps.now();
    const from = new Date(Math.max(after.getTime(), now.getTime()));
    for (const days of [14, 60]) {
      const { slots } = await findAvailableSlots(
        this.deps.db,
        { businessId: this.call.businessId, serviceId: service.id, from, to: new Date(from.getTime() + days * DAY_MS) },
        now,
      );
      const picked: Date[] = [];
      for (const slot of slots) {
        if (exclude && slot.startsAt.getTime() === exclude.getTime()) continue;
        const last = picked[picked.length - 1];
        if (last && slot.startsAt.getTime() - last.getTime() < OFFER_SPACING_MS) continue;
        picked.push(slot.startsAt);
        if (picked.length === OFFERS) break;
      }
      if (picked.length > 0) return picked;
    }
    return [];
  }

  private actor() {
    return { type: "caller" as const, id: this.call.customerId, channel: "phone" as const };
  }

  private when(instant: Date): string {
    return spokenDateTime(instant, this.call.timezone, this.deps.now());
  }
}
