/**
 * Buffers reply text and hands it on at sentence boundaries, so text-to-speech can start on the
 * first sentence while the engine is still producing the rest, without ever speaking half a
 * sentence. A boundary is ., !, ? or … followed by whitespace, so "3.30" and "$35.00" do not
 * split, nor do common abbreviations ("Dr. Lee"). `flush` sends whatever is left at the end of
 * the turn.
 */
export interface SentenceStream {
  write(delta: string): void;
  flush(): void;
  /** Everything written so far. */
  readonly text: string;
}

const BOUNDARY = /[.!?…]+["')\]]*\s+/g;
/** Abbreviations after which a period is not the end of a sentence. */
const ABBREVIATIONS = /\b(?:Dr|Mr|Mrs|Ms|St|Sr|Sra|Av|No|approx|etc|vs)\.\s+$/i;

export function createSentenceStream(emit: (sentences: string) => void, isOpen: () => boolean = () => true): SentenceStream {
  let text = "";
  let sent = 0;
  const send = (upTo: number) => {
    const chunk = text.slice(sent, upTo);
    sent = upTo;
    if (chunk.trim().length > 0 && isOpen()) emit(chunk);
  };
  return {
    write(delta) {
      text += delta;
      let cut = -1;
      for (const match of text.slice(sent).matchAll(BOUNDARY)) {
        const end = sent + (match.index ?? 0) + match[0].length;
        if (ABBREVIATIONS.test(text.slice(sent, end))) continue;
        cut = end;
      }
      if (cut > sent) send(cut);
    },
    flush() {
      if (sent < text.length) send(text.length);
    },
    get text() {
      return text;
    },
  };
}
