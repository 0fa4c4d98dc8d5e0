// A bookable service as the settings page edits it: length, price, buffers and the booking rules
// the slot engine reads (minimum notice, horizon, slot interval, daily limit), who performs it,
// and whether it is offered at all. Shared by the browser form and the upsertService command.
import { z } from "zod";

const wholeNumber = (what: string) => z.number({ error: `Enter ${what}.` }).int(`Enter ${what} in whole numbers.`);

export const serviceName = z
  .string({ error: "Enter the service's name." })
  .trim()
  .min(2, "Enter the service's name (at least 2 characters).")
  .max(80, "Keep the name under 80 characters.");

export const serviceDuration = wholeNumber("the length in minutes")
  .min(5, "At least 5 minutes.")
  .max(12 * 60, "At most 12 hours.");

export const servicePriceCents = wholeNumber("the price")
  .min(0, "The price cannot be negative.")
  .max(10_000_000, "At most 100,000.");

export const upsertServiceInput = z.object({
  /** Absent: a new service. */
  id: z.string().min(1).optional(),
  name: serviceName,
  description: z
    .string()
    .trim()
    .max(500, "Keep the description under 500 characters.")
    .nullish()
    .transform((v) => (v ? v : null)),
  /** Other words callers use for it ("trim" for a haircut). */
  synonyms: z
    .array(z.string().trim().min(1).max(40, "Keep each word under 40 characters."))
    .max(20, "At most 20 other names.")
    .default([]),
  durationMinutes: serviceDuration,
  priceCents: servicePriceCents,
  bufferBeforeMinutes: wholeNumber("minutes").min(0, "Zero or more minutes.").max(240, "At most 240 minutes."),
  bufferAfterMinutes: wholeNumber("minutes").min(0, "Zero or more minutes.").max(240, "At most 240 minutes."),
  minNoticeMinutes: wholeNumber("minutes")
    .min(0, "Zero or more minutes.")
    .max(60 * 24 * 30, "At most 30 days."),
  bookingHorizonDays: wholeNumber("days").min(1, "At least 1 day ahead.").max(730, "At most 730 days (two years)."),
  /** null: slots step by the service's length. */
  slotIntervalMinutes: wholeNumber("minutes").min(5, "At least 5 minutes.").max(240, "At most 240 minutes.").nullable(),
  /** null: no daily limit. */
  maxPerDay: wholeNumber("a number").min(1, "At least 1 a day, or leave it empty for no limit.").max(500, "At most 500.").nullable(),
  active: z.boolean(),
  staffIds: z.array(z.string().min(1)).max(200),
});

export type UpsertServiceInput = z.input<typeof upsertServiceInput>;
