/**
 * English or Spanish, from a single utterance.
 *
 * Counts words that are frequent in one language and rare in the other.
 * Words both languages share ("no", "me", "a", "hotel", names) count for
 * neither, and accented letters count only a little, because caller names such
 * as "Ana García" carry accents in an English sentence. Spanish punctuation
 * (¿ ¡) and ñ are strong signals; speech-to-text often drops them, so the word
 * lists carry the weight.
 */
import { foldCase } from "./normalize-text";

export type Language = "en" | "es";

export interface LanguageGuess {
  /** Undefined when the utterance gives no evidence either way ("ok", "no", "3"). */
  language?: Language;
  /** 0–1: how lopsided the evidence is. */
  confidence: number;
  scores: Record<Language, number>;
}

const ENGLISH_WORDS = new Set([
  "the", "i", "im", "ive", "id", "ill", "you", "your", "is", "are", "am", "was", "to", "for", "of", "and",
  "it", "its", "my", "can", "could", "would", "want", "need", "like", "have", "has", "do", "does", "dont",
  "what", "when", "where", "how", "which", "this", "that", "with", "at", "on", "in", "an", "be", "there",
  "appointment", "book", "booking", "schedule", "cancel", "reschedule", "tomorrow", "today", "morning",
  "afternoon", "evening", "tonight", "next", "week", "day", "time", "yes", "yeah", "yep", "nope", "sure",
  "okay", "please", "thanks", "thank", "hello", "hi", "hey", "bye", "goodbye", "name", "number", "phone",
  "open", "close", "price", "much", "haircut", "available", "any", "anything", "just", "get", "got",
  "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "works", "good", "great",
  "perfect", "right", "speak", "someone", "person", "call", "calling", "should", "will", "not",
  "actually", "instead", "said", "after", "before", "earliest", "soon", "possible", "first", "make",
]);

const SPANISH_WORDS = new Set([
  "el", "la", "los", "las", "un", "una", "de", "del", "que", "y", "por", "para", "con", "en", "es", "esta",
  "estoy", "soy", "yo", "mi", "tu", "usted", "su", "quiero", "quisiera", "necesito", "puedo", "puede",
  "tiene", "tienen", "hay", "cita", "reservar", "reserva", "agendar", "cancelar", "cambiar", "manana",
  "hoy", "tarde", "noche", "semana", "dia", "hora", "horas", "si", "claro", "vale", "gracias", "hola",
  "adios", "buenos", "buenas", "nombre", "llamo", "numero", "telefono", "abren", "cierran", "precio",
  "cuanto", "cuesta", "corte", "pelo", "disponible", "algo", "lunes", "martes", "miercoles", "jueves",
  "viernes", "sabado", "domingo", "perfecto", "bien", "hablar", "alguien", "persona", "pero", "mejor",
  "dije", "pasado", "despues", "antes", "posible", "primero", "primera", "como", "donde", "cuando",
  "estan", "favor", "ahora", "tambien", "nada", "bueno", "listo", "proximo", "otra", "otro",
]);

/** Checked on the raw text: folding would turn ñ into n. */
const STRONG_SPANISH_MARKS = /[ñ¿¡]/;
const ACCENTED_LETTERS = /[áéíóúü]/gi;

export function detectLanguage(text: string): LanguageGuess {
  const words = foldCase(text).split(/[^\p{L}]+/u).filter((w) => w.length > 0);
  let en = 0;
  let es = 0;
  for (const word of words) {
    if (ENGLISH_WORDS.has(word)) en += 1;
    if (SPANISH_WORDS.has(word)) es += 1;
  }
  if (STRONG_SPANISH_MARKS.test(text.toLowerCase())) es += 2;
  es += 0.5 * Math.min(2, (text.match(ACCENTED_LETTERS) ?? []).length);

  const scores = { en, es };
  const total = en + es;
  if (total === 0 || en === es) return { confidence: 0, scores };
  const language: Language = en > es ? "en" : "es";
  return { language, confidence: Math.abs(en - es) / total, scores };
}

/**
 * The language to answer in: stays with `previous` unless the utterance is
 * clearly in the other language. One stray "sí" or "okay" from a bilingual
 * caller must not flip the conversation; two or more words of evidence with
 * nothing (or much less) for the current language do.
 */
export function keepOrSwitchLanguage(previous: Language, text: string): Language {
  const guess = detectLanguage(text);
  if (!guess.language || guess.language === previous) return previous;
  const other = guess.scores[guess.language];
  const current = guess.scores[previous];
  const clearlySwitched = (other >= 2 && current === 0) || (other >= 3 && other >= 2 * current + 1);
  return clearlySwitched ? guess.language : previous;
}
