import { describe, expect, it } from "vitest";
import { createSentenceStream } from "./sentence-stream";

function collect(deltas: string[], flush = true): string[] {
  const out: string[] = [];
  const stream = createSentenceStream((s) => out.push(s));
  for (const d of deltas) stream.write(d);
  if (flush) stream.flush();
  return out;
}

describe("createSentenceStream", () => {
  it("emits whole sentences as soon as they end, and the rest on flush", () => {
    expect(collect(["Sure. ", "What day ", "works? I have ", "3 PM"])).toEqual(["Sure. ", "What day works? ", "I have 3 PM"]);
  });

  it("holds a sentence back until its boundary arrives", () => {
    expect(collect(["That's a men's haircut on Wed", "nesday"], false)).toEqual([]);
  });

  it("does not split times, prices or abbreviations", () => {
    expect(collect(["It's $35.00 at 3.30 with Dr. Lee. Shall I book it?"])).toEqual(["It's $35.00 at 3.30 with Dr. Lee. ", "Shall I book it?"]);
  });

  it("emits several finished sentences of one delta together", () => {
    expect(collect(["Hi. Yes. Ok"], false)).toEqual(["Hi. Yes. "]);
  });

  it("stops emitting once closed but keeps the text", () => {
    const out: string[] = [];
    let open = true;
    const stream = createSentenceStream((s) => out.push(s), () => open);
    stream.write("One. ");
    open = false;
    stream.write("Two. ");
    stream.flush();
    expect(out).toEqual(["One. "]);
    expect(stream.text).toBe("One. Two. ");
  });
});
