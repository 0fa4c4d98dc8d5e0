/**
 * Everything the built-in agent says, as one interface with an English and a Spanish wording.
 * Flows pass facts (service names, already formatted days and times); the wording files only
 * phrase them. Rules the wording keeps: one question per reply, and the words that claim a change
 * ("booked", "reservada", "cancelled", "moved"…) appear only in the replies used after the tool
 * that made the change succeeded.
 */
import type { Language } from "../understanding/detect-language";
import { repliesEn } from "./replies-en";
import { repliesEs } from "./replies-es";

export interface Replies {
  hello: string;
  howCanIHelp: string;
  anythingElse: string;
  goodbye(business: string): string;
  notUnderstood: string;
  didntCatch: string;
  offerTransfer: string;
  offerMessage: string;
  noProblem: string;
  wontBook: string;

  askService(services: string[]): string;
  unknownService(services: string[]): string;
  askServiceChoice(options: string[]): string;
  askWhen(service: string): string;
  pastDate: string;
  askDateChoice(days: string[]): string;
  weekdayMismatch(date: string, alternative: string): string;
  offerTimes(day: string, times: string[]): string;
  notAvailableAt(time: string, day: string, times: string[]): string;
  offerSlots(slots: string[], earliest: boolean): string;
  earliestOnDay(day: string, times: string[]): string;
  closedOn(weekdayPlural: string): string;
  closedDate(day: string): string;
  /** Open that day, but nobody who does the service works then. */
  notOfferedOn(service: string, day: string): string;
  staffOff(staff: string, day: string): string;
  staffDoesNotPerform(staff: string, service: string, others: string[]): string;
  unknownStaff: string;
  dayFull(day: string, service: string): string;
  nothingThen: string;
  nextOpening(slot: string): string;
  askOtherDay: string;
  tooFar: string;
  askName: string;
  askNameAgain: string;
  thanksName(name: string): string;
  readBack(service: string, slot: string, staff?: string): string;
  booked(service: string, slot: string, staff: string): string;
  slotTaken: string;
  whichSlot(slots: string[]): string;
  askOtherTime: string;
  offerWaitlist(day: string): string;
  joinedWaitlist(service: string, day: string): string;
  couldNotBook: string;

  noAppointments: string;
  offerBooking: string;
  whichAppointment(appointments: string[]): string;
  askNewTime(service: string, slot: string): string;
  readBackMove(service: string, from: string, to: string): string;
  moved(service: string, to: string, staff: string): string;
  cannotChangeSoon(kind: "move" | "cancel", hours: number): string;
  cannotChangeByPhone(kind: "move" | "cancel"): string;
  readBackCancel(service: string, slot: string): string;
  cancelled(service: string, slot: string): string;
  keptAppointment: string;
  /** The caller's own upcoming appointments, for "when is my appointment?". */
  yourAppointments(items: Array<{ service: string; slot: string }>): string;

  hours(open: Array<{ days: string; ranges: string }>, closedDays: string[]): string;
  openOn(day: string, ranges: string): string;
  closedOnDay(weekdayPlural: string): string;
  address(address: string): string;
  noAddress: string;
  price(service: string, price: string, duration: string): string;
  prices(items: Array<{ service: string; price: string }>): string;
  faqUnknown: string;
  transferring: string;
  cannotTransfer: string;
  askMessage: string;
  messageTaken: string;
}

export function repliesFor(language: Language): Replies {
  return language === "es" ? repliesEs : repliesEn;
}
