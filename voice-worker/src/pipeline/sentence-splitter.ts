// Cuts streamed reply text into sentences, so text-to-speech can start on the first sentence while
// the language model is still writing the next, and so each sentence becomes one audio segment
// with its own Twilio mark (what the caller heard is known sentence by sentence).
//
// A sentence ends at . ! ? … (with any closing quotes or brackets) followed by whitespace, or at a
// line break. Not after common abbreviations ("Dr.", "a.m.", "Sra."), single initials ("J."), or
// inside numbers ("3.5"). A run-on longer than maxChars is cut at its last comma, semicolon or
// colon, so one long sentence does not hold back the first audio.

const ABBREVIATIONS = new Set([
  "mr.", "mrs.", "ms.", "dr.", "st.", "jr.", "sr.", "sra.", "srta.", "dra.", "prof.", "mt.", "ave.",
  "a.m.", "p.m.", "e.g.", "i.e.", "vs.", "approx.", "no.", "tel.", "ext.", "etc.",
]);

export class SentenceSplitter {
  private buffer = "";

  constructor(private readonly maxChars = 220) {}

  /** Adds streamed text; returns the sentences it completed (trimmed, non-empty). */
  push(delta: string): string[] {
    this.buffer += delta;
    const out: string[] = [];
    let start = 0;
    for (let i = 0; i < this.buffer.length; i++) {
      const ch = this.buffer[i]!;
      if (ch === "\n") {
        this.emit(out, this.buffer.slice(start, i));
        start = i + 1;
        continue;
      }
      if (ch !== "." && ch !== "!" && ch !== "?" && ch !== "…") continue;
      let end = i + 1;
      while (end < this.buffer.length && /["'”’)\]]/.test(this.buffer[end]!)) end++;
      if (end >= this.buffer.length) break; // need the next character to decide
      if (!/\s/.test(this.buffer[end]!)) continue;
      if (ch === "." && this.isAbbreviation(this.buffer.slice(start, i + 1))) continue;
      this.emit(out, this.buffer.slice(start, end));
      start = end;
      i = end - 1;
    }
    this.buffer = this.buffer.slice(start);
    if (this.buffer.length > this.maxChars) {
      const cut = Math.max(this.buffer.lastIndexOf(", "), this.buffer.lastIndexOf("; "), this.buffer.lastIndexOf(": "));
      if (cut > 20) {
        this.emit(out, this.buffer.slice(0, cut + 1));
        this.buffer = this.buffer.slice(cut + 1);
      }
    }
    return out;
  }

  /** The text left over at the end of the reply. */
  flush(): string | null {
    const rest = this.buffer.trim();
    this.buffer = "";
    return rest.length > 0 ? rest : null;
  }

  private isAbbreviation(sentence: string): boolean {
    const lastWord = sentence.trim().split(/\s+/).pop()?.toLowerCase() ?? "";
    if (ABBREVIATIONS.has(lastWord)) return true;
    return /^\p{L}\.$/u.test(lastWord); // an initial: "J."
  }

  private emit(out: string[], text: string): void {
    const trimmed = text.trim();
    if (trimmed.length > 0) out.push(trimmed);
  }
}
