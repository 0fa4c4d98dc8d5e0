/**
 * Turning a spoken clock hour into a 24-hour time.
 *
 * Callers rarely say "am" or "pm": "tomorrow at 3" at a salon means 15:00,
 * and "8" means 08:00. The rule, in order:
 *  1. An explicit meridiem wins ("8 am" stays 08:00, "12 am" is midnight).
 *  2. Hours 0 and 13–23 are already 24-hour times; 12 alone is noon
 *     (midnight only with an evening cue: "12 tonight").
 *  3. A part of day decides: morning → am; afternoon/evening → pm.
 *  4. With opening hours, the reading that falls inside them wins when only
 *     one does (a bar open 16:00–02:00 hears "at 10" as 22:00).
 *  5. Otherwise: 1–7 are pm, 8–11 are am. Few businesses open before 8,
 *     and few stay open past 8 pm.
 */
import { type HourMinute, minutesOfDay } from "../../time/local-calendar";

export type Meridiem = "am" | "pm";
export type PartOfDay = "morning" | "afternoon" | "evening";

export interface OpeningHours {
  open: HourMinute;
  /** May be earlier than `open` for businesses that close after midnight. */
  close: HourMinute;
}

export interface ClockReading {
  hour: number;
  minute: number;
  meridiem?: Meridiem;
}

export interface HourContext {
  partOfDay?: PartOfDay;
  openingHours?: OpeningHours;
}

/** Hours 1–7 without any other cue are afternoon hours (see rule 5). */
const LAST_BARE_PM_HOUR = 7;

export function resolveHour(reading: ClockReading, context: HourContext = {}): HourMinute {
  const { hour, minute, meridiem } = reading;
  if (meridiem === "am") return { hour: hour === 12 ? 0 : hour, minute };
  if (meridiem === "pm") return { hour: hour === 12 ? 12 : hour + 12, minute };
  if (hour === 0 || hour >= 13) return { hour: hour % 24, minute };
  if (hour === 12) return { hour: context.partOfDay === "evening" ? 0 : 12, minute };

  if (context.partOfDay === "morning") return { hour, minute };
  if (context.partOfDay === "afternoon" || context.partOfDay === "evening") return { hour: hour + 12, minute };

  if (context.openingHours) {
    const amInside = isWithinOpeningHours({ hour, minute }, context.openingHours);
    const pmInside = isWithinOpeningHours({ hour: hour + 12, minute }, context.openingHours);
    if (amInside && !pmInside) return { hour, minute };
    if (pmInside && !amInside) return { hour: hour + 12, minute };
  }
  return { hour: hour <= LAST_BARE_PM_HOUR ? hour + 12 : hour, minute };
}

/**
 * Inclusive at both ends: "before 6" at a shop closing at 18:00 is a
 * sensible request and must read as 18:00, not 06:00.
 */
export function isWithinOpeningHours(time: HourMinute, hours: OpeningHours): boolean {
  const t = minutesOfDay(time);
  const open = minutesOfDay(hours.open);
  const close = minutesOfDay(hours.close);
  return open <= close ? t >= open && t <= close : t >= open || t <= close;
}

/**
 * Makes a spoken range read forwards: "from 7 to 9" is 19:00–21:00 rather
 * than 19:00–09:00, and "between 11 and 1" is 11:00–13:00.
 */
export function orderRange(
  from: ClockReading,
  to: ClockReading,
  context: HourContext = {},
): { after: HourMinute; before: HourMinute } {
  let after = resolveHour(from, context);
  let before = resolveHour(to, context);
  if (minutesOfDay(before) <= minutesOfDay(after)) {
    if (!to.meridiem && to.hour >= 1 && to.hour <= 11 && before.hour < 12) before = { hour: to.hour + 12, minute: to.minute };
    else if (!from.meridiem && after.hour >= 13 && from.hour <= 12) after = { hour: from.hour, minute: from.minute };
  }
  if (minutesOfDay(before) <= minutesOfDay(after) && !from.meridiem && from.hour >= 1 && from.hour <= 11) {
    after = { hour: from.hour, minute: from.minute };
  }
  return { after, before };
}
