/**
 * Everything the built-in engine reads from one utterance, in one place: intent, yes/no, dates
 * and times (in the business's zone), service, staff, name, correction, and the small cues the
 * flows need (waitlist, message, never mind, "the second one", "anything earlier?"). Built on the
 * understanding layer; the cues here are the agent's own.
 */
import type { AgentContext, AgentService } from "../context/agent-context";
import { openingSpan } from "../context/agent-context";
import { classifyIntent, type Intent } from "../understanding/classify-intent";
import { type Correction, detectCorrection } from "../understanding/corrections";
import { extractName } from "../understanding/extract-name";
import type { FaqEntry } from "../understanding/match-faq";
import { type NegatableIntent, withoutRefusedThings } from "../understanding/negated-intents";
import { matchService, serviceTokens } from "../understanding/match-service";
import { cleanUtterance } from "../understanding/normalize-text";
import { parseWhen, type When } from "../understanding/parse-when";
import { selfCorrectionSplits } from "../understanding/self-correction";
import { detectYesNo } from "../understanding/yes-no";
import { addDays, weekdayOf } from "../../time/local-calendar";

export interface Reading {
  text: string;
  normalized: string;
  intent: Intent;
  faq?: FaqEntry;
  yes: boolean;
  no: boolean;
  unsure: boolean;
  when: When | null;
  /** Dates near a mismatched one that fall on the weekday the caller named ("Thursday the 27th"). */
  weekdayDate?: string;
  serviceId?: string;
  /** Two services the words fit equally ("haircut": women's or men's). */
  serviceOptions?: string[];
  /** Words that sound like a service request nobody offers ("nails"). */
  unknownServiceWords: string[];
  staffId?: string;
  correction: Correction | null;
  /** A name the caller introduced ("my name is…", "this is…"). */
  name?: string;
  waitlist: boolean;
  message: boolean;
  /** News for the team ("I'm running late"): taken as a message as it is. */
  passOn: boolean;
  neverMind: boolean;
  /** 0-based; -1 for "the last one". */
  ordinal?: number;
  shift?: "earlier" | "later" | "other";
  mentionsAppointment: boolean;
  /** "What services do you have?" */
  servicesQuestion: boolean;
  /** Sounds like asking for something ("do you do…", "I'd like…", "quiero…"). */
  request: boolean;
  /** A strong request to move an appointment (not just "a different time"). */
  strongReschedule: boolean;
  /** "another appointment", "also book": a new booking while another flow runs. */
  newBooking: boolean;
  /** Actions named only to refuse them: "I don't want to cancel", "ya no necesito cambiarla". */
  refused: NegatableIntent[];
  /** "When is my appointment?", "quería confirmar la hora de mi cita". */
  asksAboutAppointment: boolean;
  /** A hello, even one a "yeah" or a request came with. */
  greeted: boolean;
}

const WAITLIST = /\bwait ?list\b|\bwaiting list\b|\blista de espera\b|\blet me know if (?:something|anything|a spot|one) (?:opens|frees)\b|\bavis(?:e|a)me si\b/;
/** Things a receptionist passes on rather than acts on. */
const PASS_ON = /\b(?:running late|be (?:a (?:bit|little) )?late|(?:llego|llegare|voy a llegar|vamos a llegar) tarde|me retraso|retrasad[oa])\b/;
const MESSAGE = /\b(?:leave|take|give|pass on) (?:a |me |them )?message\b|\bdejar(?:le)? (?:un )?(?:mensaje|recado)\b|\b(?:tomar|tome|toma) (?:un )?(?:mensaje|recado)\b/;
const NEVER_MIND = /\bnever ?mind\b|\bforget (?:it|that|about it)\b|\bdont (?:book|bother)\b|\bchanged my mind\b|\bolvid(?:a|e|alo|elo|ese)\b|\bdejalo\b|\bno importa\b|\bcambie de opinion\b|\bya no (?:quiero|hace falta)\b|\bno (?:quiero|need) (?:nada|anything)\b/;
const ORDINALS: ReadonlyArray<readonly [RegExp, number]> = [
  [/\b(?:first|1st|primer[ao]?|earlier one|earliest one)\b/, 0],
  [/\b(?:second|2nd|segund[ao]|middle one|del medio)\b/, 1],
  [/\b(?:third|3rd|tercer[ao]?)\b/, 2],
  [/\b(?:last|later one|latest one|ultim[ao])\b/, -1],
];
const MY_APPOINTMENT_QUESTION = new RegExp([
  String.raw`\b(?:when|what time|what day) (?:is|s|was) my (?:appointment|appt|booking|reservation)\b`,
  String.raw`\b(?:when|what time|what day) my (?:appointment|appt|booking|reservation) (?:is|was)\b`,
  String.raw`\b(?:confirm|check|double check|verify)(?:ing)? (?:on )?(?:the (?:time|day|date) (?:of|for) )?my (?:appointment|appt|booking|reservation)\b`,
  String.raw`\bdo i (?:have|still have) an? (?:appointment|booking)\b|\bwhat time (?:am i|im) (?:booked|coming in|scheduled)\b`,
  String.raw`\b(?:a que hora|cuando|que dia) (?:es|era|tengo) (?:mi|la) cita\b|\bconfirmar (?:la (?:hora|fecha) de )?(?:mi|la) cita\b|\b(?:tengo|hay) alguna cita\b`,
].join("|"));
/** Nothing but "the earliest (one)": a pick among offered times rather than a new search. */
const PICK_EARLIEST = /^(?:(?:ok|okay|yeah|yes|so|then) )*(?:the |la |el )?(?:earliest|soonest|mas tempran[oa])(?: one| time| please| is fine| works| then| thanks)*$/;
const EARLIER = /\b(?:earlier|sooner|mas temprano|antes)\b/;
const LATER = /\b(?:later|mas tarde|despues)\b/;
const OTHER = /\b(?:(?:any ?)?other (?:times?|days?|options?)|something else|another (?:time|day)|different (?:time|day)|otra (?:hora|fecha|opcion)|otro (?:dia|horario))\b/;
const REQUEST = /\b(?:do you (?:do|have|offer|guys do)|can i (?:get|have|book)|could i (?:get|have|book)|i(?:d| would)? (?:like|want|need)|i wanna|book(?:ing)?|looking for|(?:hacen|ofrecen|tienen|hay)|quiero|quisiera|necesito|me gustaria)\b/;
const SERVICES_QUESTION = /\bwhat (?:services|treatments|kind of (?:services|things)|do you (?:do|offer))\b|\b(?:which|what) services\b|\bque (?:servicios|hacen|ofrecen)\b|\b(?:list|menu) of services\b/;
const APPOINTMENT = /\b(?:my|the|that|mi|la|esa) (?:appointment|appt|booking|reservation|cita|reserva)\b/;
const STRONG_RESCHEDULE = /\bre ?schedul\w*|\bre ?book\w*|\bmove (?:my|the|it|that)\b|\bchange (?:my|the) (?:appointment|booking)\b|\b(?:cambiar|mover) (?:mi|la) (?:cita|reserva)\b|\breprogramar\b|\bcambiarla\b|\bmoverla\b/;
const NEW_BOOKING = /\b(?:another|new|second|also (?:book|make|get)|otra|nueva) (?:appointment|booking|cita|reserva)\b|\bbook (?:another|a new)\b/;
/** Words that never name a service, beyond match-service's own stop list. */
const NOT_SERVICE_WORDS = new Set([
  "was", "hoping", "wondering", "trying", "see", "available", "openings", "opening", "slot", "slots", "spot", "free", "guys",
  "okay", "ok", "so", "well", "actually", "really", "around", "about", "after", "before", "noon", "oclock", "clock", "half",
  "past", "quarter", "earliest", "soonest", "possible", "first", "asap", "last", "weekend", "month", "name", "calling",
  "call", "thank", "thanks", "please", "sure", "yeah", "yep", "nope", "great", "good", "fine", "perfect", "works", "work",
  "other", "another", "else", "different", "day", "days", "times", "hour", "hours", "minutes", "today", "pm", "am",
  "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "two", "one", "tres", "cuatro",
  "cinco", "dos", "una", "uno", "seis", "siete", "ocho", "nueve", "diez", "once", "doce", "hora", "horas", "mediodia",
  "proximo", "proxima", "siguiente", "pasado", "ayer", "yesterday", "week", "weeks", "semanas", "could", "would",
  "should", "will", "tengo", "tiene", "tienen", "hay", "algo", "puedo", "puede", "ir", "venir", "quisiera", "quiero",
  "necesito", "hacer", "reservar", "appointment", "cita", "turno", "como", "podria", "gustaria", "me", "gusta",
  "said", "meant", "instead", "wait", "sorry", "not", "make", "hmm", "mmm", "soon", "pretty", "much", "more",
  "people", "person", "persons", "personas", "kids", "kid", "son", "daughter", "husband", "wife", "friend", "friends",
  "family", "mom", "dad", "hijo", "hija", "amiga", "amigo", "both", "together", "juntos", "ambos", "dos",
  "queria", "queriamos", "quisieramos", "buscaba", "wanted", "needed", "thinking", "maybe", "some", "sometime", "get",
  "este", "esta", "esto", "eso", "bueno", "mira", "oye", "oiga", "vale",
]);
/** Who the service is for, by the words that say so ("for my son", "para mi esposa"). */
const GENDER: ReadonlyArray<readonly [RegExp, string]> = [
  [/\b(?:women|woman|womens|ladies|lady|female|girl|mujer(?:es)?|dama(?:s)?|senora|chica)\b|\b(?:my|mi) (?:daughter|wife|girlfriend|sister|mother|mom|mum|granddaughter|niece|hija|esposa|mujer|novia|hermana|madre|mama|nieta|sobrina)\b/, "womens"],
  [/\b(?:men|man|mens|male|guy|guys|gentlem[ae]n|boy|hombre(?:s)?|caballero(?:s)?|senor|chico)\b|\b(?:my|mi) (?:son|husband|boyfriend|brother|father|dad|grandson|nephew|hijo|esposo|marido|novio|hermano|padre|papa|nieto|sobrino)\b/, "mens"],
];
const WEEKDAY_WORDS: ReadonlyArray<readonly [RegExp, number]> = [
  [/\b(?:sunday|domingo)\b/, 0], [/\b(?:monday|lunes)\b/, 1], [/\b(?:tuesday|martes)\b/, 2], [/\b(?:wednesday|miercoles)\b/, 3],
  [/\b(?:thursday|jueves)\b/, 4], [/\b(?:friday|viernes)\b/, 5], [/\b(?:saturday|sabado)\b/, 6],
];

export interface ReadOptions {
  context: AgentContext;
  now: Date;
}

export function readUtterance(text: string, { context, now }: ReadOptions): Reading {
  const normalized = cleanUtterance(text);
  const timeZone = context.business.timezone;
  const opening = openingSpan(context);
  const whenOptions = { now, timeZone, ...(opening ? { openingHours: opening } : {}) };
  const intent = classifyIntent(text, { faqs: context.faq });
  const yesNo = detectYesNo(text);
  const when = parseWhen(text, whenOptions);
  const services = context.services;
  // "I don't need a haircut, I need a colour": the refused service is not heard.
  const wanted = withoutRefusedThings(text);
  const { match, heard } = matchServiceCorrected(wanted, services);
  const staff = context.staff.map((s) => ({ id: s.id, name: s.name }));
  const correction = detectCorrection(text, { ...whenOptions, services, staff });

  const reading: Reading = {
    text,
    normalized,
    intent: intent.intent,
    ...(intent.faq ? { faq: intent.faq.entry } : {}),
    yes: yesNo.answer === "yes",
    no: yesNo.answer === "no",
    unsure: yesNo.unsure === true,
    when,
    unknownServiceWords: [],
    correction,
    waitlist: WAITLIST.test(normalized),
    message: MESSAGE.test(normalized),
    passOn: PASS_ON.test(normalized),
    neverMind: NEVER_MIND.test(normalized),
    request: REQUEST.test(normalized),
    servicesQuestion: SERVICES_QUESTION.test(normalized),
    mentionsAppointment: APPOINTMENT.test(normalized),
    strongReschedule: STRONG_RESCHEDULE.test(normalized),
    newBooking: NEW_BOOKING.test(normalized),
    refused: intent.negated,
    // Not "yes, confirm my booking", said to a read-back.
    asksAboutAppointment: MY_APPOINTMENT_QUESTION.test(normalized) && yesNo.answer !== "yes",
    greeted: intent.intent === "greeting" || intent.alternatives.some((a) => a.intent === "greeting"),
  };

  if (match.best && match.ambiguous && match.runnerUp) {
    const options = [match.best.service.id, match.runnerUp.service.id];
    const picked = pickByDistinctWords(heard, options.map((id) => services.find((s) => s.id === id)!));
    if (picked) reading.serviceId = picked;
    else reading.serviceOptions = options;
  } else if (match.best) {
    reading.serviceId = siblingForWhom(heard, match.best.service.id, services) ?? match.best.service.id;
  } else if (!reading.servicesQuestion) {
    reading.unknownServiceWords = serviceTokens(wanted).filter((w) => w.length > 2 && !NOT_SERVICE_WORDS.has(w) && !staffFirstNames(context).has(w));
  }

  const staffId = correction?.staff?.id ?? findStaff(normalized, context);
  if (staffId) reading.staffId = staffId;
  const name = extractName(text);
  if (name && !matchService(name.fullName, services).best) reading.name = name.fullName;

  if (!when?.earliest) {
    const ordinal = ORDINALS.find(([re]) => re.test(normalized));
    if (ordinal) reading.ordinal = ordinal[1];
  } else if (PICK_EARLIEST.test(normalized)) {
    // "The earliest one", said to a list of times: the first of them (the flow decides).
    reading.ordinal = 0;
  }
  if (OTHER.test(normalized)) reading.shift = "other";
  else if (EARLIER.test(normalized) && !when) reading.shift = "earlier";
  else if (LATER.test(normalized) && !when) reading.shift = "later";

  if (when?.weekdayMismatch && when.date) {
    const named = WEEKDAY_WORDS.find(([re]) => re.test(normalized))?.[1];
    for (const offset of [-1, 1, -2, 2, -3, 3]) {
      const candidate = addDays(when.date, offset);
      if (named !== undefined && weekdayOf(candidate) === named) {
        reading.weekdayDate = candidate;
        break;
      }
    }
  }
  return reading;
}

/**
 * The service, from the words after a change of mind if they name one ("a men's cut, no sorry, a
 * blow-dry"), otherwise from the whole utterance.
 */
function matchServiceCorrected(normalized: string, services: readonly AgentService[]): { match: ReturnType<typeof matchService>; heard: string } {
  for (const { after } of selfCorrectionSplits(normalized)) {
    const later = matchService(after, services);
    if (later.best) return { match: later, heard: after };
  }
  return { match: matchService(normalized, services), heard: normalized };
}

/**
 * "Un corte para mi esposa": "corte" is the men's cut's synonym, but the words say who it is for.
 * A service named like the one heard ("Women's haircut" beside "Men's haircut") whose own
 * distinguishing word was said wins.
 */
function siblingForWhom(heard: string, bestId: string, services: readonly AgentService[]): string | undefined {
  const best = services.find((s) => s.id === bestId)!;
  const shared = new Set(serviceTokens(best.name));
  const siblings = services.filter((s) => s.id !== bestId && serviceTokens(s.name).some((w) => shared.has(w)));
  const picks = siblings.filter((s) => pickByDistinctWords(heard, [best, s]) === s.id);
  return picks.length === 1 ? picks[0]!.id : undefined;
}

/** Among services the words fit equally, the one whose own distinguishing word was said ("men's", "para mujer"). */
export function pickByDistinctWords(normalized: string, candidates: readonly AgentService[]): string | undefined {
  const said = new Set(normalized.split(" "));
  for (const [re, token] of GENDER) if (re.test(normalized)) said.add(token);
  const tokensOf = (s: AgentService) => new Set(serviceTokens(s.name));
  const hits = candidates.filter((c) => {
    const own = [...tokensOf(c)].filter((t) => candidates.every((o) => o === c || !tokensOf(o).has(t)));
    return own.some((t) => said.has(t));
  });
  return hits.length === 1 ? hits[0]!.id : undefined;
}

function staffFirstNames(context: AgentContext): Set<string> {
  return new Set(context.staff.map((s) => cleanUtterance(s.name).split(" ")[0] ?? ""));
}

function findStaff(normalized: string, context: AgentContext): string | undefined {
  const words = new Set(normalized.split(" "));
  const hits = context.staff.filter((s) => words.has(cleanUtterance(s.name).split(" ")[0] ?? ""));
  return hits.length === 1 ? hits[0]!.id : undefined;
}

/** A bare answer to "what's your name?", unless it reads as something else the caller meant. */
export function nameAnswer(text: string, reading: Reading): string | undefined {
  if (reading.name) return reading.name;
  if (reading.no || reading.unsure || reading.serviceId || reading.serviceOptions || reading.when) return undefined;
  const name = extractName(text, { expectingName: true });
  if (!name || reading.neverMind || /\b(?:never|mind|time|earlier|later)\b/i.test(name.fullName)) return undefined;
  // "Yeah, Devon": after a yes only a name the caller (or STT) capitalised counts, so "yeah sure" or
  // "yes works" is not taken for one.
  if (reading.yes) return reading.intent === "affirm" && text.includes(name.firstName) ? name.fullName : undefined;
  if (reading.intent !== "unknown" && reading.intent !== "greeting") return undefined;
  return name.fullName;
}
