// What the SMS channel itself says (the agent's words come from the agent). English only for now:
// the keyword replies are the ones carriers expect, and they name the business so the texter knows
// who is answering.

/** Twilio's longest message (ten concatenated segments); longer bodies are cut to this. */
export const SMS_MAX_CHARS = 1600;

export const UNKNOWN_NUMBER_SMS =
  "Sorry, this number is not connected to a business on this service, so no one can read your text here. Please check the number you texted.";

export const SMS_TROUBLE =
  "Sorry, we're having technical trouble and could not read your text. Please send it again in a few minutes.";

export const BLANK_SMS = "Sorry, we can only read text. Please write what you need in words, for example: book a haircut tomorrow at 3pm.";

export function smsHelpReply(business: { name: string; phone: string | null }): string {
  const call = business.phone ? ` Call ${business.phone} to talk to us.` : "";
  return `${business.name}: text us to book, reschedule or cancel an appointment, or to ask about our hours and services.${call} Reply STOP to stop texts. Msg & data rates may apply.`;
}

export function smsOptInReply(business: { name: string }): string {
  return `${business.name}: you will get our texts again. Text us any time to book, reschedule or cancel. Reply HELP for help, STOP to stop.`;
}

/** Cuts `text` to SMS_MAX_CHARS characters without splitting an emoji or other surrogate pair. */
export function cutToSmsLength(text: string, limit = SMS_MAX_CHARS): string {
  const chars = Array.from(text);
  return chars.length <= limit ? text : chars.slice(0, limit).join("");
}
