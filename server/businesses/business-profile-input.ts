// The business's profile (name, time zone, contact details) and the numbers callers dial.
import { z } from "zod";
import { businessName, e164Phone, optionalEmail, optionalPhone, optionalText, timeZoneName } from "./contact-fields";

export const updateBusinessProfileInput = z.object({
  name: businessName,
  timezone: timeZoneName,
  /** Shown to callers and used for transfers when the agent has no transfer number of its own. */
  contactPhone: optionalPhone,
  email: optionalEmail,
  address: optionalText(300, "Keep the address under 300 characters."),
});

export const addPhoneNumberInput = z.object({
  e164: e164Phone,
  label: optionalText(40, "Keep the label under 40 characters."),
});

export const removePhoneNumberInput = z.object({ phoneNumberId: z.string().min(1) });
