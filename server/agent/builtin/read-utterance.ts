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
import { matchService, serviceTokens } from "../understanding/match-service";
import { cleanUtterance } from "../understanding/normalize-text";
import { parseWhen, type When } from "../understanding/parse-when";
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
]);
const GENDER: ReadonlyArray<readonly [RegExp, string]> = [
  [/\b(?:women|woman|womens|ladies|lady|female|girl|mujer(?:es)?|dama(?:s)?|senora|chica)\b/, "womens"],
  [/\b(?:men|man|mens|male|guy|guys|gentlem[ae]n|boy|hombre(?:s)?|caballero(?:s)?|senor|chico)\b/, "mens"],
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
  const whole = matchService(text, services);
  const match = whole.best ? whole : matchServiceWordByWord(text, services);
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
  };

  if (match.best && match.ambiguous && match.runnerUp) {
    const options = [match.best.service.id, match.runnerUp.service.id];
    const picked = pickByDistinctWords(normalized, options.map((id) => services.find((s) => s.id === id)!));
    if (picked) reading.serviceId = picked;
    else reading.serviceOptions = options;
  } else if (match.best) {
    reading.serviceId = match.best.service.id;
  } else if (!reading.servicesQuestion) {
    reading.unknownServiceWords = serviceTokens(text).filter((w) => w.length > 2 && !NOT_SERVICE_WORDS.has(w) && !staffFirstNames(context).has(w));
  }

  const staffId = correction?.staff?.id ?? findStaff(normalized, context);
  if (staffId) reading.staffId = staffId;
  const name = extractName(text);
  if (name && !matchService(name.fullName, services).best) reading.name = name.fullName;

  if (!when?.earliest) {
    const ordinal = ORDINALS.find(([re]) => re.test(normalized));
    if (ordinal) reading.ordinal = ordinal[1];
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
 * match-service scores a service against the whole utterance, so in a long sentence ("this is
 * Karen, I was wondering if I could get my hair colored…") one matching word is diluted below
 * the threshold. Second chance: each word (and its -ing/-ed/-s stem) on its own.
 */
function matchServiceWordByWord(text: string, services: readonly AgentService[]): ReturnType<typeof matchService> {
  const found = new Map<string, NonNullable<ReturnType<typeof matchService>["best"]>>();
  let ambiguous: ReturnType<typeof matchService> | undefined;
  for (const word of serviceTokens(text).filter((w) => w.length >= 4)) {
    const stems = new Set([word, word.replace(/ing$/, ""), word.replace(/ed$/, ""), word.replace(/d$/, ""), word.replace(/s$/, "")]);
    for (const stem of stems) {
      const m = matchService(stem, services, { threshold: 0.85 });
      if (m.best && m.ambiguous) ambiguous ??= m;
      else if (m.best) found.set(m.best.service.id, m.best);
      if (m.best) break;
    }
  }
  if (found.size === 1) return { best: [...found.values()][0]!, ambiguous: false };
  return found.size === 0 && ambiguous ? ambiguous : { ambiguous: false };
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
  if (reading.yes || reading.no || reading.unsure || reading.serviceId || reading.serviceOptions || reading.when) return undefined;
  if (reading.intent !== "unknown" && reading.intent !== "greeting") return undefined;
  const name = extractName(text, { expectingName: true });
  if (!name || reading.neverMind || /\b(?:never|mind|time|earlier|later)\b/i.test(name.fullName)) return undefined;
  return name.fullName;
}
