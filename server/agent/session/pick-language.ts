/**
 * The language to answer in. The first thing a caller says decides it readily (a Spanish caller
 * hears Spanish from the second turn on); after that a bilingual caller's stray "okay" or "sí"
 * does not flip the conversation (keepOrSwitchLanguage). Only languages the business offers.
 */
import { detectLanguage, keepOrSwitchLanguage, type Language } from "../understanding/detect-language";

export function pickLanguage(
  previous: Language,
  utterance: string,
  { supported, firstUtterance }: { supported: readonly Language[]; firstUtterance: boolean },
): Language {
  let next = previous;
  if (firstUtterance) {
    const guess = detectLanguage(utterance);
    if (guess.language && guess.confidence >= 0.5) next = guess.language;
  } else {
    next = keepOrSwitchLanguage(previous, utterance);
  }
  return supported.includes(next) ? next : previous;
}
