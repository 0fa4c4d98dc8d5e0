import { describe, expect, it } from "vitest";
import { digitFromSpeech } from "./spoken-digits";

const menu = { menu: true, yesNo: false };
const confirm = { menu: false, yesNo: true };
const other = { menu: false, yesNo: false };

describe("digitFromSpeech", () => {
  it("reads digits said as words or numerals", () => {
    expect(digitFromSpeech("two", other)).toBe("2");
    expect(digitFromSpeech("Press 3, please.", other)).toBe("3");
    expect(digitFromSpeech("star", other)).toBe("*");
  });

  it("maps main-menu wishes to their keys, cancelling before booking", () => {
    expect(digitFromSpeech("I'd like to book a haircut", menu)).toBe("1");
    expect(digitFromSpeech("I need to cancel my appointment", menu)).toBe("2");
    expect(digitFromSpeech("Can I talk to a person?", menu)).toBe("0");
    expect(digitFromSpeech("I want to leave a message", menu)).toBe("3");
  });

  it("reads yes and no on confirmations", () => {
    expect(digitFromSpeech("Yes please", confirm)).toBe("1");
    expect(digitFromSpeech("No, another time", confirm)).toBe("2");
  });

  it("returns null when nothing matches", () => {
    expect(digitFromSpeech("hello there", menu)).toBeNull();
    expect(digitFromSpeech("someone", other)).toBeNull();
  });
});
