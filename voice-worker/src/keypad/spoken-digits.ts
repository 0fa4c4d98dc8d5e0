// Maps a few spoken words to keypad keys, so the keypad menu also works for a caller who talks
// (speech-to-text is configured but the call runs the keypad menu): "one", "press two", "book",
// "cancel", "a person", "yes"/"no" on confirmations. Deliberately small: this is a fallback menu,
// not a language model.
const NUMBERS: Record<string, string> = {
  zero: "0", one: "1", two: "2", three: "3", four: "4", five: "5", six: "6", seven: "7", eight: "8", nine: "9",
  star: "*", pound: "#", hash: "#",
  cero: "0", uno: "1", dos: "2", tres: "3", cuatro: "4", cinco: "5", seis: "6", siete: "7", ocho: "8", nueve: "9",
};

// Checked in order: "cancel my appointment" must not read as "book an appointment".
const MENU_WORDS: Array<[RegExp, string]> = [
  [/\b(cancel|change|move|reschedule|cancelar|cambiar)\b/, "2"],
  [/\b(person|someone|somebody|human|operator|receptionist|staff|persona|alguien)\b/, "0"],
  [/\b(message|voicemail|mensaje)\b/, "3"],
  [/\b(book|booking|appointment|schedule|reserve|cita|reservar)\b/, "1"],
];

export function digitFromSpeech(text: string, context: { menu: boolean; yesNo: boolean }): string | null {
  const words = text.toLowerCase().replace(/[^\p{L}\p{N}\s*#]/gu, " ");
  if (context.yesNo) {
    if (/\b(yes|yeah|yep|sure|correct|confirm|sí|si|vale)\b/.test(words)) return "1";
    if (/\b(no|nope|other|another|otra)\b/.test(words)) return "2";
  }
  const digit = /(?:^|\s)([0-9*#])(?:\s|$)/.exec(words)?.[1];
  if (digit) return digit;
  for (const word of words.split(/\s+/)) {
    const mapped = NUMBERS[word];
    if (mapped) return mapped;
  }
  if (context.menu) for (const [pattern, key] of MENU_WORDS) if (pattern.test(words)) return key;
  return null;
}
