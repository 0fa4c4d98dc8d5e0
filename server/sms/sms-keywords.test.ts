import { describe, expect, it } from "vitest";
import { readSmsKeyword } from "./sms-keywords";

describe("readSmsKeyword", () => {
  it.each(["STOP", "stopall", "Unsubscribe", "cancel", "END", "quit", "  stop  ", "\tStop\n"])("reads %j as an opt-out", (body) => {
    expect(readSmsKeyword(body)).toBe("opt_out");
  });

  it.each(["START", "yes", "Unstop"])("reads %j as an opt-in", (body) => {
    expect(readSmsKeyword(body)).toBe("opt_in");
  });

  it.each(["HELP", "info", " Help "])("reads %j as a request for help", (body) => {
    expect(readSmsKeyword(body)).toBe("help");
  });

  it.each(["cancel my appointment", "please stop", "stop texting me please", "yes please", "help me book", "stop.", "", "st op", "constructor", "toString"])(
    "leaves %j to the agent",
    (body) => {
      expect(readSmsKeyword(body)).toBeNull();
    },
  );
});
