// The shape of Business.settings (a JSON column), with defaults. Read through parseBusinessSettings
// so a missing or older settings object still yields every field.
import { z } from "zod";

export const bookingPolicy = z.object({
  /** Callers may cancel or move an appointment up to this many hours before it starts. */
  cancellationWindowHours: z.number().int().min(0).max(24 * 30).default(24),
  callersMayReschedule: z.boolean().default(true),
  callersMayCancel: z.boolean().default(true),
  /** How long a freed slot is held for the customer first on the waitlist. */
  waitlistHoldMinutes: z.number().int().min(5).max(24 * 60).default(30),
});

export const businessSettings = z.looseObject({
  booking: bookingPolicy.default(bookingPolicy.parse({})),
  /** Whether GET /api/v1/…/availability answers without an API key. */
  publicAvailability: z.boolean().default(true),
});

export type BusinessSettings = z.infer<typeof businessSettings>;

export function parseBusinessSettings(value: unknown): BusinessSettings {
  const parsed = businessSettings.safeParse(value ?? {});
  // Settings written by an older version that no longer validate fall back to the defaults
  // rather than locking the business out of booking.
  return parsed.success ? parsed.data : businessSettings.parse({});
}
