// The shape of Business.settings (a JSON column), with defaults. Read through parseBusinessSettings
// so a missing or older settings object still yields every field. Each section falls back to its
// own defaults when it does not validate, so one bad section never resets the others.
import { z } from "zod";
import { agentSettings } from "./agent-settings-input";
import { faqEntries } from "./faq-input";
import { notificationSettings } from "./notification-settings-input";

export const bookingPolicy = z.object({
  /** Callers may cancel or move an appointment up to this many hours before it starts. */
  cancellationWindowHours: z
    .number({ error: "Enter a number of hours." })
    .int("Whole hours only.")
    .min(0, "Zero or more hours.")
    .max(24 * 30, "At most 720 hours (30 days).")
    .default(24),
  callersMayReschedule: z.boolean().default(true),
  callersMayCancel: z.boolean().default(true),
  /** How long a freed slot is held for the customer first on the waitlist. */
  waitlistHoldMinutes: z
    .number({ error: "Enter a number of minutes." })
    .int("Whole minutes only.")
    .min(5, "At least 5 minutes.")
    .max(24 * 60, "At most 1,440 minutes (a day).")
    .default(30),
});

export type BookingPolicy = z.infer<typeof bookingPolicy>;

/** The sections of Business.settings, each parsed (and defaulted) on its own. */
export const settingsSections = {
  booking: bookingPolicy,
  agent: agentSettings,
  faq: faqEntries,
  notifications: notificationSettings,
  /** Whether GET /api/v1/…/availability answers without an API key. */
  publicAvailability: z.boolean(),
} as const;

const sectionDefaults = {
  booking: bookingPolicy.parse({}),
  agent: agentSettings.parse({}),
  faq: [],
  notifications: notificationSettings.parse({}),
  publicAvailability: true,
} satisfies { [K in keyof typeof settingsSections]: z.infer<(typeof settingsSections)[K]> };

export const businessSettings = z.looseObject({
  booking: bookingPolicy.default(sectionDefaults.booking),
  agent: agentSettings.default(sectionDefaults.agent),
  faq: faqEntries.default(sectionDefaults.faq),
  notifications: notificationSettings.default(sectionDefaults.notifications),
  publicAvailability: z.boolean().default(sectionDefaults.publicAvailability),
});

export type BusinessSettings = z.infer<typeof businessSettings>;
export type SettingsSection = keyof typeof settingsSections;

/** A section's value as stored, or its defaults when it is missing or no longer validates. */
export function parseSettingsSection<K extends SettingsSection>(key: K, value: unknown): BusinessSettings[K] {
  if (value === undefined) return structuredClone(sectionDefaults[key]) as BusinessSettings[K];
  const parsed = settingsSections[key].safeParse(value);
  return (parsed.success ? parsed.data : structuredClone(sectionDefaults[key])) as BusinessSettings[K];
}

export function parseBusinessSettings(value: unknown): BusinessSettings {
  const raw: Record<string, unknown> = value && typeof value === "object" && !Array.isArray(value) ? { ...(value as object) } : {};
  // Settings written by an older version that no longer validate fall back to the defaults
  // (section by section) rather than locking the business out of booking.
  for (const key of Object.keys(settingsSections) as SettingsSection[]) raw[key] = parseSettingsSection(key, raw[key]);
  return raw as BusinessSettings;
}
