import { describe, expect, it } from "vitest";
import { extractEmail, extractUsPhone } from "./extract-phone-email";

describe("extractUsPhone", () => {
  it.each<[string, string]>([
    ["four one five five five five two six seven one", "+14155552671"],
    ["(415) 555-2671", "+14155552671"],
    ["+1 415 555 2671", "+14155552671"],
    ["415.555.2671", "+14155552671"],
    ["my number is 415 555 2671 and I want 3pm", "+14155552671"],
    ["four one five double five five two six seven one", "+14155552671"],
    ["four one five uh five five five two six seven one", "+14155552671"],
    ["one eight hundred five five five one two one two", "+18005551212"],
    ["two one two, five five five, oh one nine nine", "+12125550199"],
    ["cuatro uno cinco cinco cinco cinco veintiseis setenta y uno", "+14155552671"],
  ])("%s → %s", (text, e164) => {
    expect(extractUsPhone(text)).toBe(e164);
  });

  it.each<string>([
    "555 123 4567",
    "015 555 2671",
    "415 555 267",
    "call me tomorrow at 3",
    "44 20 7946 0958 1",
  ])("refuses '%s'", (text) => {
    expect(extractUsPhone(text)).toBeNull();
  });
});

describe("extractEmail", () => {
  it.each<[string, string]>([
    ["john at gmail dot com", "john@gmail.com"],
    ["john dot smith at gmail dot com", "john.smith@gmail.com"],
    ["my email is j o h n at g mail dot com", "john@gmail.com"],
    ["it's maria underscore lopez at yahoo dot com thanks", "maria_lopez@yahoo.com"],
    ["John.Smith@Example.com", "john.smith@example.com"],
    ["juan arroba hotmail punto com", "juan@hotmail.com"],
    ["i'm at work my email is bob at outlook dot com", "bob@outlook.com"],
    ["john twenty three at gmail dot com", "john23@gmail.com"],
    ["ana dash perez at mail dot co dot uk", "ana-perez@mail.co.uk"],
  ])("%s → %s", (text, email) => {
    expect(extractEmail(text)).toBe(email);
  });

  it.each<string>(["I'll be there at three", "john at gmail", "my email is"])("finds nothing in '%s'", (text) => {
    expect(extractEmail(text)).toBeNull();
  });
});
