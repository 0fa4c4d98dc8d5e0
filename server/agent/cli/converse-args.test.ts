import { describe, expect, it } from "vitest";
import { parseConverseArgs, parseScript, UsageError } from "./converse-args";

const base = ["--business", "bloom-hair-studio", "--from", "+15551230000", "--script", "-"];

describe("parseConverseArgs", () => {
  it("reads the required flags, with console as the default channel", () => {
    expect(parseConverseArgs(base)).toEqual({ business: "bloom-hair-studio", from: "+15551230000", script: "-", channel: "console" });
  });

  it("reads --now as an instant and --flag=value forms", () => {
    const args = parseConverseArgs([...base, "--now=2026-11-24T14:00:00Z", "--channel", "sms"]);
    expect(args.now?.toISOString()).toBe("2026-11-24T14:00:00.000Z");
    expect(args.channel).toBe("sms");
  });

  it.each<[string[], RegExp]>([
    [["--business", "x", "--from", "+15551230000"], /Missing --script/],
    [["--business", "x", "--from", "5551230000", "--script", "-"], /--from must be a phone number/],
    [[...base, "--now", "2026-11-24T09:00"], /--now must be an ISO 8601 instant with a zone/],
    [[...base, "--now", "tomorrow"], /--now must be/],
    [[...base, "--channel", "fax"], /--channel must be/],
    [[...base, "--verbose"], /Unknown argument --verbose/],
    [["--business", "--from", "+15551230000", "--script", "-"], /--business needs a value/],
    [[...base, "--business", "y"], /given twice/],
  ])("refuses %j", (argv, message) => {
    expect(() => parseConverseArgs(argv)).toThrow(UsageError);
    expect(() => parseConverseArgs(argv)).toThrow(message);
  });
});

describe("parseScript", () => {
  it("accepts a JSON array of strings", () => {
    expect(parseScript('["hi", "bye"]', "-")).toEqual(["hi", "bye"]);
  });

  it.each(['{"a":1}', "[1, 2]", "not json", '"hi"'])("refuses %s", (text) => {
    expect(() => parseScript(text, "script.json")).toThrow(UsageError);
  });
});
