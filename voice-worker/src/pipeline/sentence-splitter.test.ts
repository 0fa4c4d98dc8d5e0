import { describe, expect, it } from "vitest";
import { SentenceSplitter } from "./sentence-splitter";

function split(deltas: string[], maxChars?: number) {
  const splitter = new SentenceSplitter(maxChars);
  const out = deltas.flatMap((d) => splitter.push(d));
  const rest = splitter.flush();
  return rest ? [...out, rest] : out;
}

describe("SentenceSplitter", () => {
  it("emits a sentence as soon as the whitespace after its full stop arrives", () => {
    const splitter = new SentenceSplitter();
    expect(splitter.push("Sure, let me")).toEqual([]);
    expect(splitter.push(" check that.")).toEqual([]);
    expect(splitter.push(" We have Tuesday")).toEqual(["Sure, let me check that."]);
    expect(splitter.flush()).toBe("We have Tuesday");
  });

  it("splits on question and exclamation marks, closing quotes and line breaks", () => {
    expect(split(["Hi! Is that okay? He said \"yes.\" Fine\nNext line"])).toEqual([
      "Hi!",
      "Is that okay?",
      'He said "yes."',
      "Fine",
      "Next line",
    ]);
  });

  it("does not split after abbreviations, initials or inside numbers", () => {
    expect(split(["Dr. Chen sees you at 9 a.m. on Tuesday. It costs 3.5 dollars. Ask for J. Smith."])).toEqual([
      "Dr. Chen sees you at 9 a.m. on Tuesday.",
      "It costs 3.5 dollars.",
      "Ask for J. Smith.",
    ]);
  });

  it("cuts a long run-on sentence at its last comma", () => {
    const long = "We have openings on Tuesday morning, Wednesday afternoon, Thursday at noon, and Friday";
    const parts = split([long], 60);
    expect(parts.length).toBe(2);
    expect(parts.join(" ")).toBe(long);
  });

  it("returns nothing for whitespace only", () => {
    expect(split(["  ", "\n"])).toEqual([]);
  });
});
