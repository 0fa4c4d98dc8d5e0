/**
 * Which of the offered slots did the caller pick? "The 3:30", "the second one", "Thursday works",
 * or "yes" when only one was offered. Returns `unclear` for a "yes" to several offers, so the
 * agent asks which one instead of guessing, and null when the answer names a time that was not
 * offered (the flow then searches for it).
 */
import type { Offer } from "./dialogue-state";
import type { Reading } from "./read-utterance";

export type OfferChoice = { offer: Offer } | { unclear: true } | null;

export function chooseOffer(r: Pick<Reading, "when" | "ordinal" | "yes" | "no">, offers: readonly Offer[]): OfferChoice {
  if (offers.length === 0) return null;
  const when = r.when;
  // "The first" also reads as the 1st of a month, and "the earliest" as a new search: with offers
  // on the table, and no offer on that date, they pick a position in the list.
  const onOfferedDate = Boolean(when?.date && offers.some((o) => o.date === when.date));
  if (r.ordinal !== undefined && when && !when.time && !when.range && !onOfferedDate) return byPosition(r.ordinal, offers);
  if (when?.time) {
    const time = `${String(when.time.hour).padStart(2, "0")}:${String(when.time.minute).padStart(2, "0")}`;
    const hits = offers.filter((o) => o.time === time && (!when.date || o.date === when.date));
    // "2:30" said for an offered 2:30 PM that the parser read as 14:30 matches; a miss is a new request.
    return hits.length >= 1 ? { offer: hits[0]! } : null;
  }
  // "The afternoon one": the only offer in that part of the day.
  if (when?.partOfDay && !when.date && !when.range && !when.after && !when.before) {
    const hits = offers.filter((o) => partOf(o.time) === when.partOfDay);
    if (hits.length === 1) return { offer: hits[0]! };
  }
  if (when?.date && !when.range) {
    const hits = offers.filter((o) => o.date === when.date);
    if (hits.length === 1) return { offer: hits[0]! };
    return hits.length > 1 ? { unclear: true } : null;
  }
  if (r.ordinal !== undefined) return byPosition(r.ordinal, offers);
  if (r.yes && !r.no) return offers.length === 1 ? { offer: offers[0]! } : { unclear: true };
  return null;
}

function partOf(time: string): "morning" | "afternoon" | "evening" {
  const hour = Number(time.slice(0, 2));
  return hour < 12 ? "morning" : hour < 17 ? "afternoon" : "evening";
}

function byPosition(ordinal: number, offers: readonly Offer[]): OfferChoice {
  const offer = ordinal < 0 ? offers[offers.length - 1] : offers[ordinal];
  return offer ? { offer } : { unclear: true };
}
