// English wording of the built-in agent (see replies.ts for the rules it keeps).
import type { Replies } from "./replies";
import { listAnd, listOr } from "./speak-time";

/** "on Friday, November 27", but "tomorrow, Wednesday, November 25" as it is. */
const on = (label: string) => (/^(?:today|tomorrow)\b/.test(label) ? label : `on ${label}`);
const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export const repliesEn: Replies = {
  hello: "Hi there!",
  howCanIHelp: "What can I help you with?",
  anythingElse: "Is there anything else I can help with?",
  goodbye: (business) => `Thanks for calling ${business}. Goodbye!`,
  notUnderstood: "Sorry, I didn't catch that. I can book, move or cancel appointments, or answer questions. What would you like to do?",
  didntCatch: "Sorry, I didn't catch that.",
  offerTransfer: "I'm sorry, I'm having trouble understanding. Would you like me to connect you with someone from the team?",
  offerMessage: "Would you like to leave a message for the team?",
  noProblem: "No problem.",
  wontBook: "No problem, I won't book anything.",

  askService: (services) => `Sure. Which service would you like: ${listOr(services, "en")}?`,
  unknownService: (services) => `I'm sorry, I don't think we offer that. We do ${listAnd(services, "en")}. Would you like one of those?`,
  askServiceChoice: (options) => `Is that ${listOr(options, "en")}?`,
  askWhen: (service) => `What day and time would you like for your ${service}?`,
  pastDate: "That time has already passed.",
  askDateChoice: (days) => `Just to be sure, do you mean ${listOr(days, "en")}?`,
  weekdayMismatch: (date, alternative) => `Just to be sure, do you mean ${date} or ${alternative}?`,
  offerTimes: (day, times) =>
    times.length === 1 ? `${capital(on(day))} I have ${times[0]}. Would that work?` : `${capital(on(day))} I have ${listOr(times, "en")}. Which would you like?`,
  notAvailableAt: (time, day, times) =>
    `I don't have ${time} ${on(day)}. ` +
    (times.length === 1 ? `The closest I have is ${times[0]}. Would that work?` : `The closest I have are ${listOr(times, "en")}. Would one of those work?`),
  offerSlots: (slots, earliest) =>
    slots.length === 1
      ? `${earliest ? "The earliest I have is" : "I have"} ${slots[0]}. Would that work?`
      : `${earliest ? "The earliest times I have are" : "I have"} ${listOr(slots, "en")}. Which would you like?`,
  earliestOnDay: (day, times) =>
    `The earliest I have is ${day} at ${times[0]}` +
    (times.length > 1 ? `, or ${listOr(times.slice(1), "en")}. Which would you like?` : ". Would that work?"),
  closedOn: (weekdays) => `We're closed on ${weekdays}.`,
  closedDate: (day) => `We're closed ${on(day)}.`,
  notOfferedOn: (service, day) => `We're open ${on(day)}, but nobody who can do ${service} is in then.`,
  staffOff: (staff, day) => `${staff} isn't working ${on(day)}.`,
  staffDoesNotPerform: (staff, service, others) =>
    others.length > 0 ? `${staff} doesn't do ${service}, but ${listOr(others, "en")} does, so I'll look with them.` : `${staff} doesn't do ${service}.`,
  unknownStaff: "I don't think we have anyone by that name, so I'll look for anyone available.",
  dayFull: (day, service) => `I'm sorry, ${day} is full for ${service}.`,
  nothingThen: "I don't have anything then.",
  nextOpening: (slot) => `The next opening is ${slot}. Would that work?`,
  askOtherDay: "What other day would suit you?",
  tooFar: "That's further ahead than I can book. What other date would suit you?",
  askName: "Can I have your name, please?",
  askNameAgain: "Sorry, I didn't catch your name. Could you say it again?",
  thanksName: (name) => `Thanks, ${name}.`,
  readBack: (service, slot, staff) => `Just to check: ${service} ${on(slot)}${staff ? ` with ${staff}` : ""}. Shall I book it?`,
  booked: (service, slot, staff) => `You're booked: ${service} ${on(slot)} with ${staff}.`,
  slotTaken: "I'm sorry, that time was just taken.",
  whichSlot: (slots) => `Which one would you like: ${listOr(slots, "en")}?`,
  askOtherTime: "What other day or time would suit you?",
  offerWaitlist: (day) => `Would you like me to put you on the waitlist for ${day}?`,
  joinedWaitlist: (service, day) => `Done. You're on the waitlist for ${service} ${on(day)}, and we'll text you if a spot opens up.`,
  couldNotBook: "I'm sorry, I couldn't do that just now.",

  noAppointments: "I don't see any upcoming appointments for this number.",
  offerBooking: "Would you like to book one?",
  whichAppointment: (appointments) => `Which appointment do you mean: ${listOr(appointments, "en")}?`,
  askNewTime: (service, slot) => `Sure. Your ${service} is ${on(slot)}. When would you like to move it to?`,
  readBackMove: (service, from, to) => `Just to check: move your ${service} from ${from} to ${to}. Shall I go ahead?`,
  moved: (service, to, staff) => `Done. I've moved your ${service} to ${to} with ${staff}.`,
  cannotChangeSoon: (kind, hours) =>
    `I'm sorry, I can only ${kind === "move" ? "change" : "cancel"} appointments more than ${hours} hours ahead, so I can't do that one by phone.`,
  cannotChangeByPhone: (kind) => `I'm sorry, I can't ${kind === "move" ? "change" : "cancel"} appointments by phone.`,
  readBackCancel: (service, slot) => `Just to check: cancel your ${service} ${on(slot)}?`,
  cancelled: (service, slot) => `Your ${service} ${on(slot)} is cancelled.`,
  keptAppointment: "Okay, I've left your appointment as it is.",
  yourAppointments: (items) => `You have ${listAnd(items.map((i) => `${i.service} ${on(i.slot)}`), "en")}.`,

  hours: (open, closedDays) =>
    `We're open ${listAnd(open.map((o) => `${o.days} from ${o.ranges}`), "en")}.` +
    (closedDays.length > 0 ? ` We're closed ${listAnd(closedDays, "en")}.` : ""),
  openOn: (day, ranges) => `On ${day} we're open from ${ranges}.`,
  closedOnDay: (weekdays) => `We're closed on ${weekdays}.`,
  address: (address) => `We're at ${address}.`,
  noAddress: "I don't have the address to hand, I'm sorry.",
  price: (service, price, duration) => `${capital(service)} is ${price} and takes about ${duration}.`,
  prices: (items) => `We offer ${listAnd(items.map((i) => `${i.service} (${i.price})`), "en")}.`,
  faqUnknown: "I'm not sure about that one.",
  transferring: "Sure, I'll connect you with someone from the team now.",
  cannotTransfer: "I can't connect you to someone right now, but I can take a message.",
  askMessage: "What message would you like me to pass on?",
  messageTaken: "Thanks, I'll pass that on to the team.",
};
