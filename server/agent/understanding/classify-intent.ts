/**
 * What does the caller want? A deterministic intent classifier for the
 * offline receptionist, English and Spanish.
 *
 * Each intent has cue phrases with weights; the utterance is normalised first
 * (case, accents, punctuation, fillers), so "Um, I wanna uh book" and
 * "i wanna book" read the same. Scores add up per intent (the strongest cue
 * counts fully, further cues a little), and the highest score wins. Weights
 * encode precedence: asking for a person beats everything; cancel, reschedule
 * and book beat a greeting or a "yes" in the same breath ("hi, yes, I'd like
 * to book"); "cancel and rebook" is a reschedule. FAQ entries supplied by the
 * business are scored by match-faq and stay just below the built-in
 * hours/location/prices cues, which have structured answers.
 *
 * An action the caller only mentions to refuse ("I don't want to cancel",
 * "no quiero cancelar") scores nothing (negated-intents.ts) and is reported in
 * `negated`, so the agent can leave the appointment alone.
 */
import { detectLanguage, type Language } from "./detect-language";
import { type FaqEntry, type FaqMatch, matchFaq } from "./match-faq";
import { type NegatableIntent, negatedIntents } from "./negated-intents";
import { cleanUtterance } from "./normalize-text";
import { detectYesNo } from "./yes-no";

export type Intent =
  | "book" | "reschedule" | "cancel" | "availability" | "hours" | "location" | "prices" | "faq" | "human"
  | "goodbye" | "affirm" | "deny" | "greeting" | "unknown";

export interface IntentResult {
  intent: Intent;
  /** 0–1; 0 for "unknown". */
  confidence: number;
  /** The phrases that decided it. */
  cues: string[];
  /** Set when intent is "faq". */
  faq?: FaqMatch;
  language?: Language;
  /** Other intents that had cues, best first, for the agent's fallbacks. */
  alternatives: Array<{ intent: Intent; score: number }>;
  /** Actions the caller named only to refuse them ("I don't need to reschedule anymore"). */
  negated: NegatableIntent[];
}

type CueTable = ReadonlyArray<readonly [RegExp, number]>;

/** A greeting, perhaps after "yeah" or "oh" (callers answer the phone's hello: "yeah hi"). */
const GREETING = /^(?:(?:yeah|yes|yep|oh|ok|okay|well|si|ah|so) )*(?:hi|hello|hey|hiya|howdy|good (?:morning|afternoon|evening)|hola|buenos dias|buenas(?: tardes| noches)?|buen dia|que tal)\b/;
const ONLY_A_GREETING = /^(?:hi|hello|hey|hiya|howdy|good (?:morning|afternoon|evening)|hola|buenos dias|buenas(?: tardes| noches)?|buen dia|que tal)(?: there| again)?$/;

const WEEKDAY = "(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|lunes|martes|miercoles|jueves|viernes|sabado|domingo)";
/** What may follow "what do you have" when it asks about times, not services ("… on Saturday", "… tomorrow"). */
const WHEN_WORDS = String.raw`(?:on|for|at|this|next|tomorrow|today|tonight|left|open|available|free|later|earlier|around|after|before|in the (?:morning|afternoon|evening)|the \d|\d|${WEEKDAY})\b`;
const WHEN_FOLLOWS = `(?= ${WHEN_WORDS}|$)`;
const WHEN_FOLLOWS_ES = String.raw`(?= (?:(?:el |los |este |esta |la )?(?:${WEEKDAY}|manana|hoy|pasado manana|proxim[oa]|semana|fin de semana|tarde)|para|libre|disponible|(?:por|en) la (?:manana|tarde))\b|$)`;

const PERSON = String.raw`(?:a |an |the |some )?(?:person|human|someone|somebody|manager|owner|representative|receptionist|agent|real person|live person|staff|employee|stylist)`;

const CUES: Partial<Record<Intent, CueTable>> = {
  human: [
    [new RegExp(String.raw`\b(?:speak|talk|chat) (?:to|with) ${PERSON}\b`), 3.5],
    [/\b(?:real|live|actual) (?:person|human|agent)\b|\bhuman being\b|\boperator\b|\brepresentative\b|\btransfer me\b|\bfront desk\b|\bcustomer service\b/, 3.5],
    [/\bhablar con (?:una persona|alguien|un humano|el encargado|la encargada|el gerente|la gerente|un agente|el dueno|la duena|recepcion)\b|\bpersona real\b|\boperador(?:a)?\b|\brepresentante\b|\bun humano\b|\b(?:pasame|paseme|me pasa|me puede pasar) con\b/, 3.5],
    [/\bhuman\b/, 2],
  ],
  cancel: [
    [/\bcancel(?:l?ing|l?ed|lation)?\b|\bcall (?:it )?off\b|\bwont be able to (?:make|come)\b/, 2.5],
    [/\bcancel(?:ar|arla|arlo|e|o)\b|\banular\b|\bno (?:voy a|podre) (?:poder )?ir\b/, 2.5],
  ],
  reschedule: [
    [/\bre ?schedul\w*\b|\bre ?book\w*\b|\breprogramar\b/, 3],
    [/\b(?:move|change|switch|push back|push) (?:my|the|our|it|that)(?: \w+)? (?:appointment|booking|reservation|time|date|back|to)\b/, 3],
    [/\b(?:different|another|other) (?:time|day|date)\b|\bmove it\b|\bpush it back\b/, 2],
    [/\b(?:cambiar|mover|pasar) (?:mi |la |el )?(?:cita|hora|reserva|fecha|turno|dia)\b|\bcambiarla\b|\botro dia\b|\botra hora\b/, 3],
  ],
  book: [
    [/\bbook(?:ing|ed)?\b|\bmake (?:an|a) (?:appointment|booking|reservation)\b|\bset up (?:an|a) (?:appointment|time)\b|\bschedule\b|\breserv(?:e|ation)\b/, 2.5],
    [/\b(?:i|id|we)(?: would)? (?:want|need|like|wanna|wanted|would like) (?:to (?:get|come|book|schedule|make|see)|an? (?:appointment|haircut|cut|slot))\b|\bcome in\b|\bsign (?:me )?up\b|\bget me in\b|\bfit me in\b/, 2],
    [/\b(?:hoping|looking|trying|wanting|need|needed|want|wanted|like) to (?:get|book|schedule|make|come|see)\b|\b(?:can|could|may) (?:i|we) (?:get|have|book|schedule|come|make)\b/, 2],
    [/\b(?:reservar|agendar|apartar)\b|\b(?:sacar|hacer|pedir|quiero|quisiera|queria|necesito|necesitaba)(?: este)? (?:una )?(?:cita|reserva|turno)\b|\bhacerme\b/, 2.5],
    [/\bappointment\b|\bcita\b|\bturno\b/, 1],
  ],
  availability: [
    [/\b(?:do|would|will) you (?:guys )?have (?:any(?:thing)?|something|an? (?:opening|slot|spot|appointment))\b|\bany (?:openings?|availability|slots?|spots?|appointments?|time)\b/, 2.5],
    [/\bwhat(?:s| is| do you have| have you got)? (?:available|open|free)\b|\bavailability\b|\bwhat (?:times|days)\b|\bwhen (?:can|could) i (?:come|get)\b|\bare you free\b/, 2.5],
    [/\b(?:tienen|hay|tiene|queda) (?:algo|espacio|lugar|hueco|disponibilidad|turnos?|citas?|horas?)\b|\bdisponib\w+\b|\bque (?:horarios|horas|dias) (?:tienen|tiene|hay)\b|\bcuando (?:puedo|podria) ir\b/, 2.5],
    [new RegExp(String.raw`\bwhat (?:do you (?:guys )?have|have you (?:guys )?got|(?:do )?you (?:guys )?got|is there)(?: (?:available|open|free|left))?${WHEN_FOLLOWS}`), 2.5],
    // Not "¿qué hay?" on its own: that is "what's up?".
    [new RegExp(String.raw`\b(?:que|como) (?:tienen|tiene|tienes|tendrian|tendria)${WHEN_FOLLOWS_ES}|\bque hay(?= (?:para|el|la|este|esta|manana|hoy|libre|disponible)\b)`), 2.5],
    // Not "anything" at the end: "I don't need anything".
    [new RegExp(String.raw`\banything(?= ${WHEN_WORDS})|\bhow (?:does|do|is|s) (?:the |your )?(?:${WEEKDAY}|tomorrow|next week|this week)(?: \w+)? look(?:ing)?\b`), 2],
    [/\bavailable\b|\bopenings?\b|\bfree\b|\blibre\b/, 1],
  ],
  hours: [
    [/\b(?:what time|when) (?:do |are )?you (?:guys )?(?:open|close|closing|opening)\b|\b(?:your|business|opening|store|shop|office) hours\b|\bhours of operation\b|\bare you (?:guys )?open\b|\bhow late\b|\bclosing time\b|\bopen (?:on|today|tomorrow|late|until|till|on the weekends?|weekends|sundays?|saturdays?)\b/, 3],
    [/\bhorarios?\b|\ba que hora (?:abren|cierran)\b|\bcuando (?:abren|cierran)\b|\b(?:estan|esta) abiert[oa]s?\b|\babren\b|\bcierran\b|\bhasta que hora\b/, 3],
    [/\b(?:your|the) schedule\b/, 2.6],
    [/\bhours\b|\bopen\b/, 1],
  ],
  location: [
    [/\bwhere (?:are you|r you|is (?:the|your) (?:salon|shop|store|office|place|business|clinic))(?: guys)?(?: located)?\b|\baddress\b|\blocated\b|\blocation\b|\bdirections\b|\bhow do i get (?:there|to you)\b|\bwhat street\b/, 3],
    [/\bdonde (?:estan|queda|quedan|se encuentran|esta)\b|\bdireccion\b|\bubicaci?on\b|\bubicados\b|\bcomo llego\b/, 3],
  ],
  prices: [
    [/\bhow much\b|\bprices?\b|\bpricing\b|\bcosts?\b|\bcharge\b|\brates?\b|\bfees?\b|\bhow expensive\b/, 3],
    [/\bcuanto (?:cuesta|cobran|vale|sale|es|seria)\b|\bprecios?\b|\bcosto\b|\bcuesta\b|\btarifas?\b/, 3],
  ],
  goodbye: [
    [/\bbye\b|\bgoodbye\b|\bgood bye\b|\bsee you\b|\bhave a (?:good|nice|great|lovely) (?:day|one|night|evening|weekend)\b|\bthats all\b|\bthat is all\b|\bnothing else\b|\bim done\b|\btalk (?:to you )?later\b|\btake care\b/, 2.5],
    [/\badios\b|\bhasta (?:luego|pronto|manana)\b|\bchao\b|\bchau\b|\bnos vemos\b|\beso es todo\b|\bnada mas\b|\bque (?:tenga|tengas|le vaya) (?:un )?(?:buen|bien)\b/, 2.5],
    [/^(?:ok |okay |alright )?(?:thanks|thank you|thank you so much|thanks so much|gracias|muchas gracias)$/, 1.2],
    // Only as the whole answer: "that's it, the 3 pm one" picks a time.
    [/^(?:(?:no|nope|ok|okay|yeah|um) )*(?:thats (?:it|everything)|ya esta|es todo)(?: (?:thanks|thank you|for now|for today|i think|gracias|muchas gracias))*$/, 2.5],
  ],
  greeting: [
    [GREETING, 1],
  ],
};

/** Ties go to the intent listed first. */
const PRIORITY: readonly Intent[] = [
  "human", "cancel", "reschedule", "book", "availability", "prices", "hours", "location", "faq", "goodbye",
  "deny", "affirm", "greeting",
];

/** A built-in cue of weight 3 outranks a perfect FAQ match. */
const FAQ_WEIGHT = 2.8;
const EXTRA_CUE_WEIGHT = 0.25;

export function classifyIntent(text: string, options: { faqs?: readonly FaqEntry[] } = {}): IntentResult {
  const normalized = cleanUtterance(text);
  const language = detectLanguage(text).language;
  const scores = new Map<Intent, { score: number; cues: string[] }>();
  const add = (intent: Intent, weight: number, cue: string): void => {
    const entry = scores.get(intent);
    if (!entry) scores.set(intent, { score: weight, cues: [cue] });
    else {
      entry.score = Math.max(entry.score, weight) + EXTRA_CUE_WEIGHT * Math.min(entry.score, weight);
      entry.cues.push(cue);
    }
  };

  for (const [intent, table] of Object.entries(CUES) as Array<[Intent, CueTable]>) {
    for (const [pattern, weight] of table) {
      const match = pattern.exec(normalized);
      if (match) add(intent, weight, match[0]);
    }
  }

  const negated = negatedIntents(text);
  for (const intent of negated) scores.delete(intent);
  // "I don't want to cancel my appointment": the appointment is the one they have, not a new one.
  if ((negated.includes("cancel") || negated.includes("reschedule")) && (scores.get("book")?.score ?? 0) <= 1) scores.delete("book");

  const yesNo = detectYesNo(text);
  // "Yeah, hi": the "yeah" answers the phone's hello; it agrees to nothing.
  if (yesNo.answer && !ONLY_A_GREETING.test(yesNo.rest)) {
    // A bare "yes"/"no" is a strong answer; one buried in a request is not.
    const weight = yesNo.rest.length === 0 ? 2.5 : 1.5;
    add(yesNo.answer === "yes" ? "affirm" : "deny", weight * yesNo.confidence, yesNo.cues.join(" "));
  }

  let faq: FaqMatch | undefined;
  if (options.faqs && options.faqs.length > 0) {
    faq = matchFaq(text, options.faqs);
    if (faq) add("faq", FAQ_WEIGHT * faq.score, faq.matchedWords.join(" "));
  }

  const ranked = [...scores.entries()]
    .map(([intent, { score, cues }]) => ({ intent, score: Math.round(score * 100) / 100, cues }))
    .sort((a, b) => b.score - a.score || PRIORITY.indexOf(a.intent) - PRIORITY.indexOf(b.intent));

  const top = ranked[0];
  if (!top || normalized.length === 0) {
    return { intent: "unknown", confidence: 0, cues: [], alternatives: [], negated, ...(language ? { language } : {}) };
  }
  const second = ranked[1]?.score ?? 0;
  const strength = Math.min(1, top.score / 3);
  const separation = (top.score - second) / top.score;
  const confidence = Math.round((0.35 + 0.4 * strength + 0.25 * separation) * 100) / 100;

  return {
    intent: top.intent,
    confidence,
    cues: top.cues,
    ...(top.intent === "faq" && faq ? { faq } : {}),
    ...(language ? { language } : {}),
    alternatives: ranked.slice(1).map(({ intent, score }) => ({ intent, score })),
    negated,
  };
}
