// Dates and times as the dashboard shows them: always on the business's wall clock (never the
// browser's), and built from parts so the server render and the browser agree to the character.
const partsCache = new Map<string, Intl.DateTimeFormat>();

function partsOf(instant: Date, timeZone: string) {
  let format = partsCache.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "numeric",
      minute: "2-digit",
      hourCycle: "h23",
    });
    partsCache.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(instant).map((p) => [p.type, p.value]));
  return { date: `${parts.year}-${parts.month}-${parts.day}`, hour: Number(parts.hour) % 24, minute: Number(parts.minute) };
}

/** "YYYY-MM-DD" on the business's calendar at an instant. */
export function localDateOf(instant: Date, timeZone: string): string {
  return partsOf(instant, timeZone).date;
}

/** Minutes after local midnight as "9:30 AM". */
export function clockLabel(minuteOfDay: number): string {
  const m = ((minuteOfDay % 1440) + 1440) % 1440;
  const hour = Math.floor(m / 60);
  const minute = m % 60;
  return `${hour % 12 === 0 ? 12 : hour % 12}:${String(minute).padStart(2, "0")} ${hour < 12 ? "AM" : "PM"}`;
}

/** An instant as "9:30 AM" on the business's clock. */
export function timeLabel(instant: Date, timeZone: string): string {
  const { hour, minute } = partsOf(instant, timeZone);
  return clockLabel(hour * 60 + minute);
}

export function timeRangeLabel(start: Date, end: Date, timeZone: string): string {
  return `${timeLabel(start, timeZone)} – ${timeLabel(end, timeZone)}`;
}

const dateFormats = {
  long: new Intl.DateTimeFormat("en-US", { timeZone: "UTC", weekday: "long", month: "long", day: "numeric", year: "numeric" }),
  medium: new Intl.DateTimeFormat("en-US", { timeZone: "UTC", weekday: "short", month: "short", day: "numeric" }),
  weekday: new Intl.DateTimeFormat("en-US", { timeZone: "UTC", weekday: "short" }),
  monthDay: new Intl.DateTimeFormat("en-US", { timeZone: "UTC", month: "short", day: "numeric" }),
};

/** A local calendar date ("2026-11-24") in words; the date is a calendar day, not an instant. */
export function dateLabel(localDate: string, style: keyof typeof dateFormats = "medium"): string {
  const [y, m, d] = localDate.split("-").map(Number);
  return dateFormats[style].format(new Date(Date.UTC(y!, m! - 1, d!)));
}

/** An instant as "Wed, Nov 25, 9:30 AM" on the business's clock. */
export function dateTimeLabel(instant: Date, timeZone: string): string {
  return `${dateLabel(localDateOf(instant, timeZone))}, ${timeLabel(instant, timeZone)}`;
}

export function addDaysToDate(localDate: string, days: number): string {
  const [y, m, d] = localDate.split("-").map(Number);
  return new Date(Date.UTC(y!, m! - 1, d! + days)).toISOString().slice(0, 10);
}

export function durationLabel(minutes: number): string {
  if (minutes < 60) return `${minutes} min`;
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m ? `${h} h ${m} min` : `${h} h`;
}

export function priceLabel(cents: number, currency: string): string {
  if (cents === 0) return "";
  return new Intl.NumberFormat("en-US", { style: "currency", currency, minimumFractionDigits: cents % 100 ? 2 : 0 }).format(cents / 100);
}
