// Dates and times as a receptionist says them, always on the business's wall clock: "today at
// 10 AM", "tomorrow at 1:30 PM", "Thursday, November 26 at 9 AM". Computed here, never guessed
// by anything downstream (the "tomorrow is off by one in UTC" bug).
import { addDays, localDateTimeOf } from "../../../server/time/local-calendar";

const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

export function spokenClock(hour: number, minute: number): string {
  if (hour === 12 && minute === 0) return "noon";
  const suffix = hour < 12 ? "AM" : "PM";
  const h = hour % 12 === 0 ? 12 : hour % 12;
  return minute === 0 ? `${h} ${suffix}` : `${h}:${String(minute).padStart(2, "0")} ${suffix}`;
}

export function spokenDay(instant: Date, timeZone: string, now: Date): string {
  const local = localDateTimeOf(instant, timeZone);
  const today = localDateTimeOf(now, timeZone).date;
  if (local.date === today) return "today";
  if (local.date === addDays(today, 1)) return "tomorrow";
  const [, month, day] = local.date.split("-").map(Number) as [number, number, number];
  return `${WEEKDAYS[local.weekday]}, ${MONTHS[month - 1]} ${day}`;
}

export function spokenDateTime(instant: Date, timeZone: string, now: Date): string {
  const local = localDateTimeOf(instant, timeZone);
  return `${spokenDay(instant, timeZone, now)} at ${spokenClock(local.time.hour, local.time.minute)}`;
}
