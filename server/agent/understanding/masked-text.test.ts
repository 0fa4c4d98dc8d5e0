import { describe, expect, it } from "vitest";
import { MaskedText } from "./masked-text";

describe("MaskedText", () => {
  it("consumes matches so later rules cannot read them again", () => {
    const text = new MaskedText("tomorrow at 3");
    expect(text.consume(/\bat (\d)/, () => true)).toBe(true);
    expect(text.remainingWords()).toEqual(["tomorrow"]);
    expect(text.consume(/\bat (\d)/, () => true)).toBe(false);
  });

  it("leaves a match in place when the rule declines it", () => {
    const text = new MaskedText("for 2 people");
    expect(text.consume(/\d/, () => false)).toBe(false);
    expect(text.text).toBe("for 2 people");
  });

  it("rewrites without consuming", () => {
    const text = new MaskedText("half past 2");
    text.rewrite(/half past (\d)/, (_m, h) => `${h}:30`);
    expect(text.remainingWords()).toEqual(["2:30"]);
  });
});
