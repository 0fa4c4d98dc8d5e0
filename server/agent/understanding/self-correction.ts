/**
 * Changes of mind inside one utterance: "Friday… no sorry, Saturday at 11",
 * "at 10, actually 11", "el viernes, no, mejor el sábado", "a men's cut, I
 * mean a blow-dry". The words after the last such marker win over the words
 * before it; the slot parsers decide whether both halves say something about
 * the same thing (see parse-when and the built-in engine's service reading).
 *
 * A bare "no" is a marker only between two things ("Friday no Saturday"), and
 * never in "no later than", "no problem" or Spanish "y no el lunes" (which
 * keeps the first value).
 */

const MARKER = new RegExp(
  [
    String.raw`no (?:sorry|wait|actually|i mean|perdon|mejor|espera)`,
    String.raw`sorry`, String.raw`i mean`, String.raw`i meant`, String.raw`or rather`, String.raw`actually`, String.raw`wait`,
    String.raw`how about`, String.raw`what about`, String.raw`make (?:it|that)`,
    String.raw`perdon`, String.raw`digo`, String.raw`quiero decir`, String.raw`mejor dicho`, String.raw`o mejor`, String.raw`mejor`,
    String.raw`(?<!\b(?:y|and|or|o) )no(?! (?:later|earlier|sooner|more|problem|worries|thanks|thank|gracias|hay problema|pasa nada|se|estoy|tengo)\b)`,
  ].map((p) => `\\b(?:${p})\\b`).join("|"),
  "g",
);

export interface SelfCorrectionSplit {
  before: string;
  after: string;
}

/**
 * Where a normalised utterance could be split into what the caller said first and what they
 * said instead, the last marker first. Empty when no marker has words on both sides.
 */
export function selfCorrectionSplits(normalized: string): SelfCorrectionSplit[] {
  const splits: SelfCorrectionSplit[] = [];
  for (const match of normalized.matchAll(MARKER)) {
    const before = normalized.slice(0, match.index).trim();
    const after = normalized.slice(match.index + match[0].length).trim();
    // "actually make it 4": markers with nothing said before them are one correction cue, not two halves.
    if (before.replace(MARKER, "").trim() && after) splits.push({ before, after });
  }
  return splits.reverse();
}
