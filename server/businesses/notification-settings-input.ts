// Confirmation, reminder, move and cancellation messages (Business.settings.notifications): which
// channels are used, the text of each message with {placeholders}, and when reminders go out.
// The same text serves SMS and the email body; keep it short enough for a text message.
import { z } from "zod";

export const NOTIFICATION_KINDS = [
  { id: "confirmation", label: "Confirmation", description: "Sent when an appointment is booked." },
  { id: "reminder", label: "Reminder", description: "Sent before the appointment, at the times below." },
  { id: "rescheduled", label: "Moved", description: "Sent when an appointment moves to another time." },
  { id: "cancellation", label: "Cancellation", description: "Sent when an appointment is cancelled." },
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number]["id"];

export const TEMPLATE_PLACEHOLDERS = ["customer", "business", "service", "staff", "date", "time", "phone"] as const;

export const DEFAULT_TEMPLATES: Record<NotificationKind, string> = {
  confirmation: "Hi {customer}, you're booked for {service} with {staff} on {date} at {time}. See you soon! {business}",
  reminder: "Reminder: {service} at {business} on {date} at {time}. To change it, call {phone}.",
  rescheduled: "Your {service} at {business} has moved to {date} at {time}.",
  cancellation: "Your {service} at {business} on {date} at {time} is cancelled. Call {phone} to book again.",
};

const template = z
  .string({ error: "Write the message." })
  .trim()
  .min(1, "Write the message.")
  .max(480, "Keep the message under 480 characters (three text messages).")
  .superRefine((text, ctx) => {
    const unknown = [...text.matchAll(/\{([^{}]*)\}/g)]
      .map((m) => m[1]!)
      .filter((name) => !(TEMPLATE_PLACEHOLDERS as readonly string[]).includes(name));
    if (unknown.length > 0) {
      ctx.addIssue({
        code: "custom",
        message: `Unknown placeholder {${unknown[0]}}. Use ${TEMPLATE_PLACEHOLDERS.map((p) => `{${p}}`).join(", ")}.`,
      });
    }
  });

export const MIN_REMINDER_MINUTES = 15;
export const MAX_REMINDER_MINUTES = 14 * 24 * 60;

export const notificationSettings = z.object({
  sms: z.boolean().default(true),
  email: z.boolean().default(true),
  templates: z
    .object({
      confirmation: template.default(DEFAULT_TEMPLATES.confirmation),
      reminder: template.default(DEFAULT_TEMPLATES.reminder),
      rescheduled: template.default(DEFAULT_TEMPLATES.rescheduled),
      cancellation: template.default(DEFAULT_TEMPLATES.cancellation),
    })
    .default(DEFAULT_TEMPLATES),
  /** Minutes before the start when reminders go out, earliest first (1440 = a day before). */
  reminderOffsetsMinutes: z
    .array(
      z
        .number({ error: "Enter a number." })
        .int("Whole minutes only.")
        .min(MIN_REMINDER_MINUTES, `At least ${MIN_REMINDER_MINUTES} minutes before.`)
        .max(MAX_REMINDER_MINUTES, "At most 14 days before."),
    )
    .max(3, "At most three reminders.")
    .refine((list) => new Set(list).size === list.length, "Two reminders at the same time.")
    .transform((list) => [...list].sort((a, b) => b - a))
    .default([24 * 60]),
});

export type NotificationSettings = z.infer<typeof notificationSettings>;
