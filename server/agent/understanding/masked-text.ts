/**
 * A normalised utterance that grammar rules consume piece by piece.
 *
 * Once a rule has understood "tomorrow" or "at 3", its words are replaced by
 * a separator so that later rules cannot read them a second time (the "3" in
 * "at 3" must not also become "the 3rd"), and so that what is left over can be
 * inspected, e.g. for a bare hour such as "tomorrow 3".
 */

const SEPARATOR = " ¦ ";

export class MaskedText {
  private current: string;

  constructor(text: string) {
    this.current = text;
  }

  get text(): string {
    return this.current;
  }

  /**
   * Runs a global regex over the text. `onMatch` returns false to leave a
   * match in place (the rule looked but decided it was not its phrase).
   */
  consume(pattern: RegExp, onMatch: (match: RegExpExecArray) => boolean | void): boolean {
    const flags = pattern.flags.includes("g") ? pattern.flags : `${pattern.flags}g`;
    const re = new RegExp(pattern.source, flags);
    let consumed = false;
    let result = "";
    let last = 0;
    for (let match = re.exec(this.current); match; match = re.exec(this.current)) {
      if (match[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      if (onMatch(match) === false) continue;
      consumed = true;
      result += this.current.slice(last, match.index) + SEPARATOR;
      last = match.index + match[0].length;
    }
    if (consumed) this.current = result + this.current.slice(last);
    return consumed;
  }

  /** Rewrites the text without consuming it (canonicalising idioms). */
  rewrite(pattern: RegExp, replacer: (match: string, ...groups: string[]) => string): void {
    const flags = pattern.flags.includes("g") ? pattern.flags : `${pattern.flags}g`;
    this.current = this.current.replace(new RegExp(pattern.source, flags), replacer as (m: string, ...rest: unknown[]) => string);
  }

  /** Words not consumed yet, in order. */
  remainingWords(): string[] {
    return this.current.split(/[\s¦]+/).filter((w) => w.length > 0);
  }
}
