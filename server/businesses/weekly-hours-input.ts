// Schemas for opening hours, shared by the onboarding wizard, the hours and staff settings and
// the agent's transfer hours: weekly ranges in local wall minutes (0 = Sunday; 09:00 = 540), and
// one-date overrides. A day may hold several ranges (a lunch break is the gap between two).
import { z } from "zod";

export const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"] as const;

const minute = z.number({ error: "Enter a time." }).int("Enter a time.");

export const weeklyRange = z
  .object({
    weekday: z.number().int().min(0).max(6),
    startMinute: minute.min(0).max(1439),
    endMinute: minute.min(1).max(1440),
  })
  .refine((r) => r.endMinute > r.startMinute, { message: "Closing time must be after opening time.", path: ["endMinute"] });

export type WeeklyRange = z.infer<typeof weeklyRange>;

/** Ranges of one week; those on the same day must not overlap. */
export const weeklyRanges = z
  .array(weeklyRange)
  .max(7 * 6, "At most six ranges a day.")
  .superRefine((ranges, ctx) => {
    ranges.forEach((r, i) => {
      const clash = ranges.findIndex(
        (o, j) => j < i && o.weekday === r.weekday && o.startMinute < r.endMinute && r.startMinute < o.endMinute,
      );
      if (clash >= 0) {
        ctx.addIssue({ code: "custom", path: [i, "startMinute"], message: `Overlaps the other hours on ${WEEKDAYS[r.weekday]}.` });
      }
    });
  });

export const setWeeklyHoursInput = z.object({
  /** null: the business's own opening hours; otherwise one staff member's working hours. */
  staffId: z.string().min(1).nullable(),
  hours: weeklyRanges,
});

export const localDate = z
  .string({ error: "Choose a date." })
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Choose a date.")
  .refine((v) => {
    const d = new Date(`${v}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
  }, "Choose a date that exists.");

/** Replaces one date's hours: closed all day (a holiday, time off) or these hours instead. */
export const upsertDateOverrideInput = z
  .object({
    staffId: z.string().min(1).nullable(),
    date: localDate,
    closed: z.boolean(),
    startMinute: minute.min(0).max(1439).nullish(),
    endMinute: minute.min(1).max(1440).nullish(),
    reason: z
      .string()
      .trim()
      .max(120, "Keep the note under 120 characters.")
      .nullish()
      .transform((v) => (v ? v : null)),
  })
  .superRefine((o, ctx) => {
    if (o.closed) return;
    if (o.startMinute == null) ctx.addIssue({ code: "custom", path: ["startMinute"], message: "Enter the opening time." });
    if (o.endMinute == null) ctx.addIssue({ code: "custom", path: ["endMinute"], message: "Enter the closing time." });
    if (o.startMinute != null && o.endMinute != null && o.endMinute <= o.startMinute) {
      ctx.addIssue({ code: "custom", path: ["endMinute"], message: "Closing time must be after opening time." });
    }
  });

export const deleteDateOverrideInput = z.object({ staffId: z.string().min(1).nullable(), date: localDate });

/** 540 → "09:00"; 1440 (midnight at the end of the day) → "24:00". */
export function minuteToTime(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;
}

/** "09:30" → 570. A closing time of "00:00" means midnight at the end of the day (1440). */
export function timeToMinute(time: string, { closing = false } = {}): number {
  const match = /^(\d{1,2}):(\d{2})/.exec(time);
  if (!match) return Number.NaN;
  const minute = Number(match[1]) * 60 + Number(match[2]);
  return closing && minute === 0 ? 1440 : minute;
}

/** "9:00 AM" style label for lists. */
export function minuteLabel(minute: number): string {
  if (minute === 1440) return "midnight";
  const h = Math.floor(minute / 60);
  const m = minute % 60;
  return `${((h + 11) % 12) + 1}:${String(m).padStart(2, "0")} ${h < 12 ? "AM" : "PM"}`;
}
