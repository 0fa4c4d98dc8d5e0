// The words of a waitlist offer (SMS or email): what opened up, when in the business's own local
// time, how long it is held, and how to take it. Pure, so the wording can be tested on any zone.
// Plain ASCII on purpose: one character outside the GSM-7 alphabet (a narrow no-break space from
// Intl's "8:00 PM", a typographic dash) turns an SMS into UCS-2 and halves what fits in a segment.

export interface WaitlistOfferMessageArgs {
  businessName: string;
  serviceName: string;
  staffName: string;
  startsAt: Date;
  holdExpiresAt: Date;
  timeZone: string;
  now: Date;
}

export function waitlistOfferMessage(args: WaitlistOfferMessageArgs): { subject: string; body: string } {
  const day = localDay(args.startsAt, args.timeZone);
  const time = localTime(args.startsAt, args.timeZone);
  // The hold is at most a day, so the deadline needs its weekday only when it falls on another date.
  const holdDay = localDay(args.holdExpiresAt, args.timeZone) === localDay(args.now, args.timeZone) ? "" : `${localWeekday(args.holdExpiresAt, args.timeZone)} `;
  const until = `${holdDay}${localTime(args.holdExpiresAt, args.timeZone)}`;
  return {
    subject: ascii(`${args.businessName}: ${args.serviceName} on ${day} at ${time} is free`),
    body: ascii(
      `${args.businessName}: a time you were waiting for is free. ${args.serviceName} with ${args.staffName}, ${day} at ${time}. ` +
        `We are holding it for you until ${until}. Reply YES to book it, or NO to let it go.`,
    ),
  };
}

/** "Thursday, November 26" in the business's zone. */
function localDay(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-US", { timeZone, weekday: "long", month: "long", day: "numeric" }).format(at);
}

function localWeekday(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-US", { timeZone, weekday: "long" }).format(at);
}

/** "8:00 PM" in the business's zone (12-hour clock with AM/PM, as callers read times). */
function localTime(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-US", { timeZone, hour: "numeric", minute: "2-digit", hour12: true }).format(at);
}

/** Intl separates "8:00" and "PM" with U+202F; names may carry curly quotes. */
function ascii(text: string): string {
  return text
    .replace(/[\u00a0\u2007\u202f]/g, " ")
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[\u2013\u2014]/g, "-");
}
