// Field schemas several settings forms share, imported by the browser as well as the server: a
// phone number in E.164, an email, an IANA time zone, a business name. Pure zod, no server code.
import { z } from "zod";

/** Spaces, dashes, dots and brackets people type in phone numbers; removed before the check. */
const PHONE_PUNCTUATION = /[\s().-]/g;
/** A phone number in E.164 form, exactly (no punctuation). */
export const E164 = /^\+[1-9]\d{6,14}$/;

/** "+1 (555) 123-4567" → "+15551234567"; anything not E.164 afterwards is refused. */
export const e164Phone = z
  .string()
  .trim()
  .transform((v) => v.replace(PHONE_PUNCTUATION, ""))
  .pipe(z.string().regex(E164, "Enter the number in international format, for example +1 555 123 4567."));

/** An optional text field: blank means null. */
export function optionalText(max: number, message?: string) {
  return z
    .string()
    .trim()
    .max(max, message ?? `At most ${max} characters.`)
    .nullish()
    .transform((v) => (v ? v : null));
}

export const optionalPhone = z
  .string()
  .trim()
  .nullish()
  .transform((v) => (v ? v : null))
  .pipe(e164Phone.nullable());

export const optionalEmail = z
  .string()
  .trim()
  .nullish()
  .transform((v) => (v ? v.toLowerCase() : null))
  .pipe(z.email("Enter an email address such as hello@example.com.").max(200).nullable());

/**
 * A real IANA time-zone name ("America/New_York"), checked with the runtime's own zone data, so
 * browser and server agree. Fixed offsets ("+05:30") are refused: a business on one would silently
 * lose its daylight-saving changes.
 */
export function isIanaTimeZone(value: string): boolean {
  if (value.trim() === "" || /^[+-]/.test(value) || /^etc\/gmt[+-]/i.test(value)) return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

export const timeZoneName = z
  .string({ error: "Choose a time zone." })
  .trim()
  .min(1, "Choose a time zone.")
  .refine(isIanaTimeZone, "Choose a time zone from the list, such as America/New_York.");

export const businessName = z
  .string({ error: "Enter the business's name." })
  .trim()
  .min(2, "Enter the business's name (at least 2 characters).")
  .max(80, "Keep the name under 80 characters.")
  .refine((v) => /[\p{L}\p{N}]/u.test(v), "The name needs at least one letter or digit.");
