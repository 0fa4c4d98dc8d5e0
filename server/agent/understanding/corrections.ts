/**
 * Corrections: the caller changes something already said or proposed.
 * "No, Thursday", "actually make it 4", "no, I said Tuesday", "Thursday, not
 * Tuesday", "mejor el jueves", "actually with Maria", "no, my name is Jon".
 *
 * A correction needs a correction cue (a leading "no", "actually", "I said",
 * "make it", "instead", "mejor", "dije", …) and something new after it; a
 * bare "no" is a refusal for yes-no to handle. The cue words and the
 * discarded value ("not Tuesday", "en vez del martes") are removed, and what
 * remains is read by the slot parsers. Several slots can change at once
 * ("no, Thursday at 4" changes date and time).
 */
import { type CatalogueService, matchService, type ServiceCandidate } from "./match-service";
import { extractName } from "./extract-name";
import { cleanUtterance, hasPhrase } from "./normalize-text";
import { type ParseWhenOptions, parseWhen, type When } from "./parse-when";
import { wordSimilarity } from "./string-similarity";

export type CorrectionSlot = "date" | "time" | "service" | "staff" | "name";

export interface StaffMember {
  id: string;
  name: string;
}

export interface Correction {
  /** Every slot the correction changes; dates before times before the rest. */
  slots: CorrectionSlot[];
  when?: When;
  /** The service, when the words fit one; `serviceOptions` when they fit two equally ("make it a haircut"). */
  service?: ServiceCandidate;
  serviceOptions?: ServiceCandidate[];
  staff?: StaffMember;
  name?: string;
  /** The cue that marked it as a correction. */
  cue: string;
}

export interface CorrectionContext extends ParseWhenOptions {
  services?: readonly CatalogueService[];
  staff?: readonly StaffMember[];
}

const CORRECTION_CUES: readonly string[] = [
  "no i said", "no i meant", "i said", "i meant", "i mean", "actually", "make it", "make that", "change it to",
  "change that to", "switch it to", "move it to", "instead", "rather", "wait", "sorry", "how about",
  "what about", "can we do", "could we do", "lets do", "lets say", "not",
  "mejor dicho", "mas bien", "quise decir", "quiero decir", "dije", "mejor", "cambialo a", "cambiala a",
  "cambialo para", "ponlo", "ponla", "que sea", "en vez de", "en vez del", "en lugar de", "en lugar del",
  "perdon", "mejor que sea",
];

/** The discarded value: "not Tuesday", "instead of 3", "en vez del martes", "y no el lunes". */
const DISCARDED_VALUE = /\b(?:not|instead of|rather than|en vez de(?:l)?|en lugar de(?:l)?|y no)(?: (?:the|el|la|a las|at|on))? \S+/g;
const LEADING_NO = /^(?:no|nope|nah)(?: no)*\b/;

function findCue(normalized: string): string | undefined {
  if (LEADING_NO.test(normalized) && normalized.split(" ").length > 1) return LEADING_NO.exec(normalized)?.[0];
  return CORRECTION_CUES.find((cue) => hasPhrase(normalized, cue));
}

function stripCues(normalized: string): string {
  let payload = normalized.replace(DISCARDED_VALUE, " ").replace(LEADING_NO, " ");
  for (const cue of [...CORRECTION_CUES].sort((a, b) => b.length - a.length)) {
    payload = payload.replace(new RegExp(`(?:^| )${cue}(?= |$)`, "g"), " ");
  }
  return payload.replace(/\s+/g, " ").trim();
}

/** "with Maria", "con María", or a payload that is just a staff name; also returns the payload without it. */
function matchStaff(payload: string, staff: readonly StaffMember[]): { member: StaffMember; rest: string } | undefined {
  const words = payload.split(" ");
  const withIndex = words.findIndex((w) => w === "with" || w === "con");
  const from = withIndex >= 0 ? withIndex + 1 : 0;
  const candidates = withIndex >= 0 ? words.slice(from, from + 2) : words.length <= 2 ? words : [];
  let best: { member: StaffMember; score: number; index: number } | undefined;
  for (const member of staff) {
    const first = cleanUtterance(member.name).split(" ")[0] ?? "";
    candidates.forEach((word, k) => {
      const score = word === first ? 1 : wordSimilarity(word, first);
      if (score >= 0.85 && (!best || score > best.score)) best = { member, score, index: from + k };
    });
  }
  if (!best) return undefined;
  const start = withIndex >= 0 ? withIndex : best.index;
  const rest = [...words.slice(0, start), ...words.slice(best.index + 1)].join(" ");
  return { member: best.member, rest };
}

export function detectCorrection(text: string, context: CorrectionContext): Correction | null {
  const normalized = cleanUtterance(text);
  const cue = findCue(normalized);
  if (!cue) return null;
  const payload = stripCues(normalized);
  if (payload.length === 0) return null;

  const staff = context.staff ? matchStaff(payload, context.staff) : undefined;
  const name = extractName(text);
  if (name && !staff) return { slots: ["name"], name: name.fullName, cue };

  // Whatever named the staff member must not also be read as a service or a date.
  const rest = staff ? staff.rest : payload;
  const correction: Correction = { slots: [], cue };
  // "Actually Friday at 10… no sorry, at 11": the cue words are gone from the payload, so the
  // change of mind inside it is read from the caller's own words.
  const whole = parseWhen(text, context);
  const when = whole?.corrected ? whole : parseWhen(rest, context);
  if (when) {
    if (when.date || when.range) correction.slots.push("date");
    if (when.time || when.after || when.before || when.partOfDay || when.earliest) correction.slots.push("time");
    if (correction.slots.length > 0) correction.when = when;
  }
  if (context.services) {
    const service = matchService(rest, context.services);
    if (service.best && service.ambiguous && service.runnerUp) {
      correction.serviceOptions = [service.best, service.runnerUp];
      correction.slots.push("service");
    } else if (service.best) {
      correction.service = service.best;
      correction.slots.push("service");
    }
  }
  if (staff) {
    correction.staff = staff.member;
    correction.slots.push("staff");
  }
  return correction.slots.length > 0 ? correction : null;
}
