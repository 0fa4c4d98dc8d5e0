// Twilio's reserved SMS keywords (its "SMS STOP filtering" list for long codes and toll-free
// numbers). Only a message that is exactly one keyword counts, ignoring case and surrounding
// spaces: "cancel" opts out, "cancel my appointment" is a request for the agent. That is Twilio's
// rule too, so our record of who opted out matches the block Twilio keeps on its side.

export type SmsKeyword = "opt_out" | "opt_in" | "help";

const KEYWORDS: Record<string, SmsKeyword> = {
  STOP: "opt_out",
  STOPALL: "opt_out",
  UNSUBSCRIBE: "opt_out",
  CANCEL: "opt_out",
  END: "opt_out",
  QUIT: "opt_out",
  START: "opt_in",
  YES: "opt_in",
  UNSTOP: "opt_in",
  HELP: "help",
  INFO: "help",
};

export function readSmsKeyword(body: string): SmsKeyword | null {
  const word = body.trim().toUpperCase();
  return Object.hasOwn(KEYWORDS, word) ? KEYWORDS[word]! : null;
}
