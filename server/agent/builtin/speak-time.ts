/**
 * Dates, times, prices and lists as the built-in agent says them, in English and Spanish. Input
 * is always the business's local date ("2026-11-25") and wall time ("15:00") from a tool result,
 * so nothing here converts an instant and "3 PM" can never come out as 2 PM or 8 AM as 7 AM.
 */
import { addDays, splitDate, weekdayOf } from "../../time/local-calendar";
import type { Language } from "../understanding/detect-language";

const WEEKDAYS: Record<Language, readonly string[]> = {
  en: ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"],
  es: ["domingo", "lunes", "martes", "miércoles", "jueves", "viernes", "sábado"],
};
const MONTHS: Record<Language, readonly string[]> = {
  en: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
  es: ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"],
};

export function weekdayName(weekday: number, language: Language): string {
  return WEEKDAYS[language][weekday] ?? "";
}

/** "Sundays" / "los domingos": for "we're closed on Sundays". */
export function weekdayPlural(weekday: number, language: Language): string {
  const name = weekdayName(weekday, language);
  if (language === "en") return `${name}s`;
  return weekday === 0 || weekday === 6 ? `los ${name}s` : `los ${name}`;
}

/** "Wednesday, November 25" · "tomorrow, Wednesday, November 25" · "el miércoles 25 de noviembre". */
export function dayLabel(date: string, today: string, language: Language): string {
  const { month, day } = splitDate(date);
  const weekday = weekdayName(weekdayOf(date), language);
  const monthName = MONTHS[language][month - 1];
  const relative = date === today ? (language === "en" ? "today" : "hoy") : date === addDays(today, 1) ? (language === "en" ? "tomorrow" : "mañana") : null;
  if (language === "en") return `${relative ? `${relative}, ` : ""}${weekday}, ${monthName} ${day}`;
  return relative ? `${relative}, ${weekday} ${day} de ${monthName}` : `el ${weekday} ${day} de ${monthName}`;
}

/** "3 PM", "3:30 PM", "noon" · "las 3 de la tarde", "la 1 de la tarde", "las 12 del mediodía". */
export function timeLabel(time: string, language: Language): string {
  const [hour = 0, minute = 0] = time.split(":").map(Number);
  const mm = minute === 0 ? "" : `:${String(minute).padStart(2, "0")}`;
  const h12 = hour % 12 === 0 ? 12 : hour % 12;
  if (language === "en") {
    if (hour === 12 && minute === 0) return "noon";
    if (hour === 0 && minute === 0) return "midnight";
    return `${h12}${mm} ${hour < 12 ? "AM" : "PM"}`;
  }
  const part = hour < 12 ? "de la mañana" : hour < 13 ? "del mediodía" : hour < 20 ? "de la tarde" : "de la noche";
  return `${h12 === 1 ? "la" : "las"} ${h12}${mm} ${part}`;
}

/** "at 3 PM" · "a las 3 de la tarde". */
export function atTime(time: string, language: Language): string {
  const label = timeLabel(time, language);
  return language === "en" ? `at ${label}` : `a ${label}`;
}

/** "tomorrow, Wednesday, November 25 at 3 PM" · "el miércoles 25 de noviembre a las 3 de la tarde". */
export function slotLabel(date: string, time: string, today: string, language: Language): string {
  return `${dayLabel(date, today, language)} ${atTime(time, language)}`;
}

export function listOr(items: readonly string[], language: Language): string {
  return joinList(items, language === "en" ? "or" : "o");
}

export function listAnd(items: readonly string[], language: Language): string {
  return joinList(items, language === "en" ? "and" : "y");
}

function joinList(items: readonly string[], word: string): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} ${word} ${items[items.length - 1]}`;
}

/** "$35", "$35.50", "€20". */
export function money(cents: number, currency: string): string {
  const whole = cents % 100 === 0;
  return new Intl.NumberFormat("en-US", { style: "currency", currency, minimumFractionDigits: whole ? 0 : 2, maximumFractionDigits: 2 }).format(cents / 100);
}

/** A service name as it sits in a sentence: "a men's haircut", "color". */
export function serviceNoun(name: string, language: Language): string {
  if (language === "es") return name;
  const lower = name.charAt(0).toLowerCase() + name.slice(1);
  return /^[aeiou]/i.test(lower) ? `an ${lower}` : `a ${lower}`;
}

/** "men's haircut" without the article. */
export function serviceName(name: string, language: Language): string {
  return language === "en" ? name.charAt(0).toLowerCase() + name.slice(1) : name;
}

/** "30 minutes", "1 hour", "2 hours", "1 hour 30 minutes" · "30 minutos", "1 hora", "1 hora y 30 minutos". */
export function durationLabel(minutes: number, language: Language): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  const h = hours === 0 ? "" : language === "en" ? `${hours} hour${hours === 1 ? "" : "s"}` : `${hours} hora${hours === 1 ? "" : "s"}`;
  const m = rest === 0 ? "" : language === "en" ? `${rest} minutes` : `${rest} minutos`;
  return [h, m].filter(Boolean).join(language === "en" ? " " : " y ");
}
