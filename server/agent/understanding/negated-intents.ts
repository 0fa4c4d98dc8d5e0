/**
 * "I don't want to cancel", "no quiero cancelar", "I don't need to reschedule
 * anymore": the caller names an action in order to refuse it. The intent cues
 * in classify-intent match the verb wherever it is, so this module says which
 * actions were only ever mentioned negated, and classify-intent drops them.
 *
 * A negation counts only inside its clause and only across words that keep
 * its scope ("don't really want to", "ya no necesito"): "I don't know, I want
 * to cancel" and "No, quiero cancelar" (a comma after the "no") still cancel.
 * English "no" is an answer, not a negation ("no, cancel it"), except in "no
 * need to" and "no longer"; Spanish "no" negates a Spanish verb form.
 *
 * The same goes for things: "I don't need a haircut, I need a colour" asks for
 * a colour. `withoutRefusedThings` removes the refused words so the service
 * matcher does not hear them.
 */
import { cleanUtterance } from "./normalize-text";

export type NegatableIntent = "cancel" | "reschedule" | "book";

interface VerbTable {
  en: RegExp;
  es: RegExp;
}

const VERBS: Record<NegatableIntent, VerbTable> = {
  cancel: { en: /\b(?:cancel(?:l?ing|l?ed|lation|s)?|call (?:it )?off)\b/g, es: /\b(?:cancel(?:ar|arla|arlo|e|o|en)|anul(?:ar|arla|arlo|e|en))\b/g },
  reschedule: {
    en: /\b(?:re ?schedul\w*|re ?book\w*|move|moving|change|changing|switch|push (?:it )?back)\b/g,
    es: /\b(?:reprogram\w*|cambi(?:ar|arla|arlo|e|en)|mov(?:er|erla|erlo)|pas(?:arla|arlo))\b/g,
  },
  book: { en: /\b(?:book(?:ing)?|schedule|make an appointment)\b/g, es: /\b(?:reserv(?:ar|e)|agend(?:ar|e)|hacer una cita|pedir una cita)\b/g },
};

/** A negation, then only words that keep it in scope, then the verb (which is matched separately). */
const EN_NEGATION = /(?:^| )(?<!why )(?:dont|do not|didnt|did not|doesnt|does not|not|never|no longer|no need to|wont|will not|rather not)((?: (?:i|we|really|actually|even|think|want|wanna|need|needs|have|got|wish|mean|plan|intend|going|gonna|to|it|that|this|my|the|our|be|anymore|any|more|longer|just))*) $/;
const ES_NEGATION = /(?:^| )(?:no|ya no|nunca|tampoco)((?: (?:quiero|quisiera|queria|necesito|necesitamos|deseo|pienso|creo|que|voy|vamos|a|tengo|hace|falta|hay|la|lo|le|me|mi|su|se|ya|mas|cita))*) $/;

/** Clause punctuation becomes this word, so a negation cannot reach across it. */
const BREAK = "qqbreak";

export function negatedIntents(text: string): NegatableIntent[] {
  const clauses = cleanUtterance(text.replace(/[,;.!?¿¡…]+|:(?!\d)/g, ` ${BREAK} `));
  const negated: NegatableIntent[] = [];
  for (const [intent, table] of Object.entries(VERBS) as Array<[NegatableIntent, VerbTable]>) {
    let mentions = 0;
    let refused = 0;
    for (const [pattern, negation] of [[table.en, EN_NEGATION], [table.es, ES_NEGATION]] as const) {
      for (const match of clauses.matchAll(pattern)) {
        mentions++;
        if (negation.test(clauses.slice(0, match.index))) refused++;
      }
    }
    if (mentions > 0 && refused === mentions) negated.push(intent);
  }
  return negated;
}

/** "don't need a", "not the", "instead of a", "no quiero un": what follows is refused. */
const REFUSED_THING = new RegExp(
  String.raw`\b(?:(?:dont|do not|didnt|did not) (?:really )?(?:need|want|wanna|like)|not|rather than|instead of|no (?:quiero|necesito|busco|queria)|en (?:vez|lugar) de(?:l)?)` +
    String.raw`(?: (?:a|an|the|my|any|un|una|el|la|lo))?((?: (?!${BREAK}\b)\S+){1,2})`,
  "g",
);

/** The utterance, normalised, without the things the caller said they do not want. */
export function withoutRefusedThings(text: string): string {
  const clauses = cleanUtterance(text.replace(/[,;.!?¿¡…]+|:(?!\d)/g, ` ${BREAK} `));
  return clauses.replace(REFUSED_THING, " ").replaceAll(BREAK, " ").replace(/\s+/g, " ").trim();
}
