/**
 * What an engine knows at the start of each turn: today's date and weekday in the business's
 * zone, opening hours, services and prices, FAQ entries, policy, the caller (recognised by phone
 * number) and the caller's upcoming appointments. Plain data, loaded fresh every turn by
 * load-agent-context.ts, so a booking made in the last turn is already in `upcoming`.
 */
import { z } from "zod";
import type { Language } from "../understanding/detect-language";
import type { FaqEntry } from "../understanding/match-faq";

export interface LocalHoursRange {
  /** "09:00", local wall time. */
  start: string;
  end: string;
}

export interface AgentContext {
  business: {
    id: string;
    name: string;
    timezone: string;
    address: string | null;
    phone: string | null;
    email: string | null;
    languages: Language[];
    greeting: string | null;
  };
  today: { date: string; weekday: number; time: string };
  /** One entry per weekday, 0 = Sunday … 6 = Saturday; no ranges means closed. */
  hours: Array<{ weekday: number; ranges: LocalHoursRange[] }>;
  /** Whole-day closures (holidays) in the next 60 days, "YYYY-MM-DD". */
  closures: string[];
  services: AgentService[];
  staff: Array<{ id: string; name: string }>;
  faq: FaqEntry[];
  policy: { cancellationWindowHours: number; callersMayReschedule: boolean; callersMayCancel: boolean };
  caller: { phone: string; known: boolean; customerId: string | null; name: string | null };
  upcoming: UpcomingAppointment[];
}

export interface AgentService {
  id: string;
  name: string;
  synonyms: string[];
  durationMinutes: number;
  priceCents: number;
  currency: string;
  staffIds: string[];
}

export interface UpcomingAppointment {
  appointmentId: string;
  serviceId: string;
  serviceName: string;
  staffName: string;
  date: string;
  weekday: number;
  time: string;
  startsAt: string;
}

/** Business.settings.faq: owner-written entries; anything malformed is skipped, absence is []. */
const faqEntry = z.object({
  question: z.string().trim().min(1),
  answer: z.string().trim().min(1),
  keywords: z.array(z.string()).optional(),
});

export function parseFaq(settings: unknown): FaqEntry[] {
  const raw = (settings as { faq?: unknown } | null)?.faq;
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((item, index) => {
    const parsed = faqEntry.safeParse(item);
    return parsed.success ? [{ id: `faq${index}`, ...parsed.data }] : [];
  });
}

const agentSettings = z.object({
  greeting: z.string().trim().min(1).optional().catch(undefined),
  languages: z.array(z.enum(["en", "es"])).min(1).optional().catch(undefined),
});

export function parseAgentSettings(settings: unknown): { greeting: string | null; languages: Language[] } {
  const parsed = agentSettings.safeParse((settings as { agent?: unknown } | null)?.agent ?? {});
  return {
    greeting: parsed.success ? (parsed.data.greeting ?? null) : null,
    languages: parsed.success && parsed.data.languages ? parsed.data.languages : ["en"],
  };
}

/** "HH:MM" from minutes after midnight. */
export function clockOf(minutes: number): string {
  const h = Math.floor(minutes / 60) % 24;
  return `${String(h).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

export function minutesOf(clock: string): number {
  const [h, m] = clock.split(":").map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/** Earliest opening and latest closing over the week, for reading bare hours ("at 8") as am or pm. */
export function openingSpan(context: Pick<AgentContext, "hours">): { open: { hour: number; minute: number }; close: { hour: number; minute: number } } | undefined {
  const ranges = context.hours.flatMap((d) => d.ranges);
  if (ranges.length === 0) return undefined;
  const open = Math.min(...ranges.map((r) => minutesOf(r.start)));
  const close = Math.max(...ranges.map((r) => minutesOf(r.end)));
  return { open: { hour: Math.floor(open / 60), minute: open % 60 }, close: { hour: Math.floor(close / 60) % 24, minute: close % 60 } };
}
